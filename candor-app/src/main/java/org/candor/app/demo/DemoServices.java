package org.candor.app.demo;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import org.agrona.CloseHelper;
import org.candor.cluster.EmbeddedNode;
import org.candor.cluster.ExchangeClient;
import org.candor.gateway.AdminServer;
import org.candor.gateway.ApiKey;
import org.candor.gateway.DepositAddresses;
import org.candor.gateway.Gateway;
import org.candor.gateway.GatewayDatabase;
import org.candor.gateway.OperatorActions;
import org.candor.gateway.Permission;
import org.candor.gateway.PostgresApiKeyStore;
import org.candor.gateway.PostgresOperatorKeyStore;
import org.candor.gateway.PostgresWebLogins;
import org.candor.gateway.SecretCipher;
import org.candor.readmodel.EmbeddedPostgres;
import org.candor.readmodel.EmbeddedPostgresSettings;
import org.candor.readmodel.PostgresEndpoint;
import org.candor.readmodel.ReadModelDatabase;

/**
 * What the demo runs beside its node: an embedded PostgreSQL (API keys, operator keys, the operators' trail), the
 * HTTP gateway on the node's journal and cluster with its admin API on a second port, and keys for the demo users
 * and operators, and web logins for the web app and the console. The master key that seals the secrets at rest is
 * random per run and kept in memory only: the demo's database is thrown away with it.
 */
public final class DemoServices implements AutoCloseable {
    /** Demo passwords: 20 random letters and digits, about 119 bits. */
    private static final int PASSWORD_LENGTH = 20;
    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;
    private final ReadModelDatabase readModel;
    private final PostgresApiKeyStore keys;
    private final PostgresOperatorKeyStore operatorKeys;
    private final Gateway gateway;
    private final AdminServer admin;
    private final PostgresWebLogins traderLogins;
    private final PostgresWebLogins operatorLogins;
    private final SecureRandom random = new SecureRandom();

    private DemoServices(final EmbeddedPostgres postgres, final HikariDataSource pool,
        final ReadModelDatabase readModel, final PostgresApiKeyStore keys, final PostgresOperatorKeyStore operatorKeys,
        final Gateway gateway, final AdminServer admin) {
        this.postgres = postgres;
        this.pool = pool;
        this.readModel = readModel;
        this.keys = keys;
        this.operatorKeys = operatorKeys;
        this.gateway = gateway;
        this.admin = admin;
        this.traderLogins = PostgresWebLogins.traders(pool);
        this.operatorLogins = PostgresWebLogins.operators(pool);
    }

    /**
     * Starts PostgreSQL in {@code databaseDir}, a gateway on {@code host:port} (0: any free port) for the node,
     * acting as cluster client {@code gatewayClientId}, and its admin API on {@code host:adminPort}.
     */
    public static DemoServices start(final EmbeddedNode node, final Path databaseDir, final String host,
        final int port, final int adminPort, final long gatewayClientId) {
        return start(node, databaseDir, host, port, adminPort, gatewayClientId,
            Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT);
    }

    /**
     * As {@link #start(EmbeddedNode, Path, String, int, int, long)}, with another request-weight limit per minute
     * (per IP and per user): the API benchmark needs far more than a trader's 6,000.
     */
    public static DemoServices start(final EmbeddedNode node, final Path databaseDir, final String host,
        final int port, final int adminPort, final long gatewayClientId, final long weightPerMinute) {
        EmbeddedPostgres postgres = null;
        HikariDataSource pool = null;
        ReadModelDatabase readModel = null;
        Gateway gateway = null;
        try {
            postgres = EmbeddedPostgres.start(EmbeddedPostgresSettings.in(databaseDir));
            final PostgresEndpoint endpoint = postgres.endpoint();
            pool = GatewayDatabase.pool(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
            final byte[] masterKey = new byte[32];
            new SecureRandom().nextBytes(masterKey);
            final SecretCipher cipher = new SecretCipher(masterKey);
            final PostgresApiKeyStore keys = PostgresApiKeyStore.migrate(pool, cipher);
            final PostgresOperatorKeyStore operatorKeys = new PostgresOperatorKeyStore(pool, cipher);
            // The gateway projects the journal into the read model for history (klines, allOrders, myTrades).
            readModel = ReadModelDatabase.connect(endpoint, ReadModelDatabase.DEFAULT_SCHEMA,
                ReadModelDatabase.DEFAULT_POOL_SIZE);
            gateway = Gateway.start(new Gateway.Config(host, port,
                new ExchangeClient.Config(node.aeronDirectoryName(), node.ingressEndpoints(), gatewayClientId, 1,
                    ExchangeClient.IN_FLIGHT_DEFAULT),
                node.eventJournalDir(), weightPerMinute, weightPerMinute, System::currentTimeMillis, readModel), keys,
                PostgresWebLogins.traders(pool));
            final AdminServer admin = gateway.startAdmin(host, adminPort, operatorKeys, keys,
                new OperatorActions(pool), PostgresWebLogins.operators(pool));
            return new DemoServices(postgres, pool, readModel, keys, operatorKeys, gateway, admin);
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(gateway, readModel, pool, postgres);
            throw e;
        }
    }

    /** Connects the wallet service that hands out deposit addresses to the gateway. */
    public void useDepositAddresses(final DepositAddresses addresses) {
        gateway.useDepositAddresses(addresses);
    }

    /** The port the gateway listens on. */
    public int httpPort() {
        return gateway.port();
    }

    /** The port the admin API listens on. */
    public int adminPort() {
        return admin.port();
    }

    /** A new operator key: operators act through the admin API, never with trading keys. */
    public DemoCredentials.User newOperatorKey(final String name, final long operatorId) {
        final String key = DemoCredentials.randomToken(random);
        final String secret = DemoCredentials.randomToken(random);
        operatorKeys.create(key, operatorId, name, secret);
        return new DemoCredentials.User(name, operatorId, key, secret);
    }

    /** A new key for the user with every permission (read, trade, withdraw), as a demo user expects. */
    public DemoCredentials.User newKey(final String name, final long userId) {
        final String key = DemoCredentials.randomToken(random);
        final String secret = DemoCredentials.randomToken(random);
        keys.create(new ApiKey(key, userId, secret.getBytes(StandardCharsets.US_ASCII),
            EnumSet.of(Permission.READ, Permission.TRADE, Permission.WITHDRAW), List.of(), false));
        return new DemoCredentials.User(name, userId, key, secret);
    }

    /** A web app login for the user with a new random password, which is returned (and stored only hashed). */
    public String newWebLogin(final String name, final long userId) {
        final String password = DemoCredentials.randomToken(random).substring(0, PASSWORD_LENGTH);
        traderLogins.create(name, userId, password.toCharArray());
        return password;
    }

    /** A console login for the operator with a new random password, which is returned. */
    public String newConsoleLogin(final String name, final long operatorId) {
        final String password = DemoCredentials.randomToken(random).substring(0, PASSWORD_LENGTH);
        operatorLogins.create(name, operatorId, password.toCharArray());
        return password;
    }

    @Override
    public void close() {
        CloseHelper.quietCloseAll(admin, gateway, readModel, pool, postgres);
    }
}
