package org.candor.app.serve;

import com.zaxxer.hikari.HikariDataSource;
import org.agrona.CloseHelper;
import org.candor.gateway.AdminServer;
import org.candor.gateway.ApiKeyStore;
import org.candor.gateway.CachedApiKeys;
import org.candor.gateway.DepositAddresses;
import org.candor.gateway.Gateway;
import org.candor.gateway.GatewayDatabase;
import org.candor.gateway.OperatorActions;
import org.candor.gateway.PendingDeposits;
import org.candor.gateway.PostgresApiKeyStore;
import org.candor.gateway.PostgresClientOrderIds;
import org.candor.gateway.PostgresOperatorKeyStore;
import org.candor.gateway.PostgresWebLogins;
import org.candor.gateway.SecretCipher;
import org.candor.readmodel.PostgresEndpoint;
import org.candor.readmodel.ReadModelDatabase;

/**
 * A gateway as it runs beside a node, in the demo and in production alike: its PostgreSQL pool (API keys, operator
 * keys, web logins and sessions, listen keys, client order ids, the operators' trail), the read model it projects
 * the journal into for history, the public HTTP server and the admin API on a second address. Secrets at rest are
 * sealed with the caller's master key.
 */
public final class GatewayServices implements AutoCloseable {
    private final HikariDataSource pool;
    private final ReadModelDatabase readModel;
    private final CachedApiKeys keys;
    private final PostgresOperatorKeyStore operatorKeys;
    private final Gateway gateway;
    private final AdminServer admin;

    private GatewayServices(final HikariDataSource pool, final ReadModelDatabase readModel,
        final CachedApiKeys keys, final PostgresOperatorKeyStore operatorKeys, final Gateway gateway,
        final AdminServer admin) {
        this.pool = pool;
        this.readModel = readModel;
        this.keys = keys;
        this.operatorKeys = operatorKeys;
        this.gateway = gateway;
        this.admin = admin;
    }

    /**
     * Connects to PostgreSQL at {@code database} (migrating the gateway's and the read model's schemas), then starts
     * the gateway as {@code config} says (its read model is replaced by the one opened here) and the admin API on
     * {@code adminHost:adminPort} (0: any free port).
     */
    public static GatewayServices start(final PostgresEndpoint database, final String readModelSchema,
        final SecretCipher cipher, final Gateway.Config config, final String adminHost, final int adminPort) {
        HikariDataSource pool = null;
        ReadModelDatabase readModel = null;
        Gateway gateway = null;
        try {
            pool = GatewayDatabase.pool(database.jdbcUrl(), database.user(), database.password());
            // One cache per store, shared by both servers, so a revocation through the admin API is seen at once.
            final CachedApiKeys keys = new CachedApiKeys(PostgresApiKeyStore.migrate(pool, cipher));
            final PostgresOperatorKeyStore operatorKeys = new PostgresOperatorKeyStore(pool, cipher);
            readModel = ReadModelDatabase.connect(database, readModelSchema, ReadModelDatabase.DEFAULT_POOL_SIZE);
            gateway = Gateway.start(new Gateway.Config(config.host(), config.port(), config.client(),
                config.journalDir(), config.ipWeightPerMinute(), config.keyWeightPerMinute(), config.clockMs(),
                readModel, config.orderLimits(), config.trustedProxies(), config.projectsHistory()),
                keys, pool, PostgresWebLogins.traders(pool), new PostgresClientOrderIds(pool));
            final AdminServer admin = gateway.startAdmin(adminHost, adminPort, new CachedApiKeys(operatorKeys), keys,
                new OperatorActions(pool), PostgresWebLogins.operators(pool));
            return new GatewayServices(pool, readModel, keys, operatorKeys, gateway, admin);
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(gateway, readModel, pool);
            throw e;
        }
    }

    /** Connects the wallet service that hands out deposit addresses to the gateway. */
    public void useDepositAddresses(final DepositAddresses addresses) {
        gateway.useDepositAddresses(addresses);
    }

    /** Connects the wallet service's deposits waiting for confirmations to the gateway's deposit history. */
    public void usePendingDeposits(final PendingDeposits deposits) {
        gateway.usePendingDeposits(deposits);
    }

    public int httpPort() {
        return gateway.port();
    }

    public int adminPort() {
        return admin.port();
    }

    /** Why the gateway's views stopped following the journal, or null while they follow it. */
    public Throwable failure() {
        return gateway.viewFailure();
    }

    /** Trading keys, through the cache the servers use. */
    public ApiKeyStore keys() {
        return keys;
    }

    public PostgresOperatorKeyStore operatorKeys() {
        return operatorKeys;
    }

    public PostgresWebLogins traderLogins() {
        return PostgresWebLogins.traders(pool);
    }

    public PostgresWebLogins operatorLogins() {
        return PostgresWebLogins.operators(pool);
    }

    @Override
    public void close() {
        CloseHelper.quietCloseAll(admin, gateway, readModel, pool);
    }
}
