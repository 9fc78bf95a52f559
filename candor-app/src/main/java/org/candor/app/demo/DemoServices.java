package org.candor.app.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import org.agrona.CloseHelper;
import org.candor.app.serve.GatewayServices;
import org.candor.cluster.EmbeddedNode;
import org.candor.cluster.ExchangeClient;
import org.candor.gateway.ApiKey;
import org.candor.gateway.DepositAddresses;
import org.candor.gateway.Gateway;
import org.candor.gateway.OrderLimits;
import org.candor.gateway.PendingDeposits;
import org.candor.gateway.Permission;
import org.candor.gateway.SecretCipher;
import org.candor.readmodel.EmbeddedPostgres;
import org.candor.readmodel.EmbeddedPostgresSettings;
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
    private final GatewayServices services;
    private final SecureRandom random = new SecureRandom();

    private DemoServices(final EmbeddedPostgres postgres, final GatewayServices services) {
        this.postgres = postgres;
        this.services = services;
    }

    /**
     * Starts PostgreSQL in {@code databaseDir}, a gateway on {@code host:port} (0: any free port) for the node,
     * acting as cluster client {@code gatewayClientId}, and its admin API on {@code host:adminPort}.
     */
    public static DemoServices start(final EmbeddedNode node, final Path databaseDir, final String host,
        final int port, final int adminPort, final long gatewayClientId) {
        return start(node, databaseDir, host, port, adminPort, gatewayClientId,
            Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT, OrderLimits.BINANCE);
    }

    /**
     * As {@link #start(EmbeddedNode, Path, String, int, int, long)}, with another request-weight limit per minute
     * (per IP and per user) and other order limits: the API benchmark needs far more than a trader's 6,000 and 100
     * orders per 10 s.
     */
    public static DemoServices start(final EmbeddedNode node, final Path databaseDir, final String host,
        final int port, final int adminPort, final long gatewayClientId, final long weightPerMinute,
        final OrderLimits orderLimits) {
        final EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgresSettings.in(databaseDir));
        try {
            final byte[] masterKey = new byte[32];
            new SecureRandom().nextBytes(masterKey);
            final Gateway.Config config = new Gateway.Config(host, port,
                new ExchangeClient.Config(node.aeronDirectoryName(), node.localClientIngress(), gatewayClientId, 1,
                    ExchangeClient.IN_FLIGHT_DEFAULT),
                node.eventJournalDir(), weightPerMinute, weightPerMinute, System::currentTimeMillis, null, orderLimits);
            return new DemoServices(postgres, GatewayServices.start(postgres.endpoint(),
                ReadModelDatabase.DEFAULT_SCHEMA, new SecretCipher(masterKey), config, host, adminPort));
        } catch (RuntimeException e) {
            CloseHelper.quietClose(postgres);
            throw e;
        }
    }

    /** Connects the wallet service that hands out deposit addresses to the gateway. */
    public void useDepositAddresses(final DepositAddresses addresses) {
        services.useDepositAddresses(addresses);
    }

    /** Connects the wallet service's deposits waiting for confirmations to the gateway's deposit history. */
    public void usePendingDeposits(final PendingDeposits deposits) {
        services.usePendingDeposits(deposits);
    }

    /** The port the gateway listens on. */
    public int httpPort() {
        return services.httpPort();
    }

    /** The port the admin API listens on. */
    public int adminPort() {
        return services.adminPort();
    }

    /** A new operator key: operators act through the admin API, never with trading keys. */
    public DemoCredentials.User newOperatorKey(final String name, final long operatorId) {
        final String key = DemoCredentials.randomToken(random);
        final String secret = DemoCredentials.randomToken(random);
        services.operatorKeys().create(key, operatorId, name, secret);
        return new DemoCredentials.User(name, operatorId, key, secret);
    }

    /** A new key for the user with every permission (read, trade, withdraw), as a demo user expects. */
    public DemoCredentials.User newKey(final String name, final long userId) {
        final String key = DemoCredentials.randomToken(random);
        final String secret = DemoCredentials.randomToken(random);
        services.keys().create(new ApiKey(key, userId, secret.getBytes(StandardCharsets.US_ASCII),
            EnumSet.of(Permission.READ, Permission.TRADE, Permission.WITHDRAW), List.of(), false));
        return new DemoCredentials.User(name, userId, key, secret);
    }

    /** A web app login for the user with a new random password, which is returned (and stored only hashed). */
    public String newWebLogin(final String name, final long userId) {
        final String password = DemoCredentials.randomToken(random).substring(0, PASSWORD_LENGTH);
        services.traderLogins().create(name, userId, password.toCharArray());
        return password;
    }

    /** A console login for the operator with a new random password, which is returned. */
    public String newConsoleLogin(final String name, final long operatorId) {
        final String password = DemoCredentials.randomToken(random).substring(0, PASSWORD_LENGTH);
        services.operatorLogins().create(name, operatorId, password.toCharArray());
        return password;
    }

    @Override
    public void close() {
        CloseHelper.quietCloseAll(services, postgres);
    }
}
