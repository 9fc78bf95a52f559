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
import org.candor.gateway.ApiKey;
import org.candor.gateway.Gateway;
import org.candor.gateway.GatewayDatabase;
import org.candor.gateway.Permission;
import org.candor.gateway.PostgresApiKeyStore;
import org.candor.gateway.SecretCipher;
import org.candor.readmodel.EmbeddedPostgres;
import org.candor.readmodel.EmbeddedPostgresSettings;
import org.candor.readmodel.PostgresEndpoint;

/**
 * What the demo runs beside its node: an embedded PostgreSQL (API keys), the HTTP gateway on the node's journal
 * and cluster, and API keys for the demo users. The master key that seals the secrets at rest is random per run
 * and kept in memory only: the demo's database is thrown away with it.
 */
public final class DemoServices implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;
    private final PostgresApiKeyStore keys;
    private final Gateway gateway;
    private final SecureRandom random = new SecureRandom();

    private DemoServices(final EmbeddedPostgres postgres, final HikariDataSource pool, final PostgresApiKeyStore keys,
        final Gateway gateway) {
        this.postgres = postgres;
        this.pool = pool;
        this.keys = keys;
        this.gateway = gateway;
    }

    /**
     * Starts PostgreSQL in {@code databaseDir} and a gateway on {@code host:port} (0: any free port) for the node,
     * acting as cluster client {@code gatewayClientId}.
     */
    public static DemoServices start(final EmbeddedNode node, final Path databaseDir, final String host,
        final int port, final long gatewayClientId) {
        EmbeddedPostgres postgres = null;
        HikariDataSource pool = null;
        try {
            postgres = EmbeddedPostgres.start(EmbeddedPostgresSettings.in(databaseDir));
            final PostgresEndpoint endpoint = postgres.endpoint();
            pool = GatewayDatabase.pool(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
            final byte[] masterKey = new byte[32];
            new SecureRandom().nextBytes(masterKey);
            final PostgresApiKeyStore keys = PostgresApiKeyStore.migrate(pool, new SecretCipher(masterKey));
            final Gateway gateway = Gateway.start(new Gateway.Config(host, port,
                new ExchangeClient.Config(node.aeronDirectoryName(), node.ingressEndpoints(), gatewayClientId, 1,
                    ExchangeClient.IN_FLIGHT_DEFAULT),
                node.eventJournalDir(), Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT,
                Gateway.Config.KEY_WEIGHT_PER_MINUTE_DEFAULT, System::currentTimeMillis), keys);
            return new DemoServices(postgres, pool, keys, gateway);
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(pool, postgres);
            throw e;
        }
    }

    /** The port the gateway listens on. */
    public int httpPort() {
        return gateway.port();
    }

    /** A new key for the user with every permission (read, trade, withdraw), as a demo user expects. */
    public DemoCredentials.User newKey(final String name, final long userId) {
        final String key = DemoCredentials.randomToken(random);
        final String secret = DemoCredentials.randomToken(random);
        keys.create(new ApiKey(key, userId, secret.getBytes(StandardCharsets.US_ASCII),
            EnumSet.allOf(Permission.class), List.of(), false));
        return new DemoCredentials.User(name, userId, key, secret);
    }

    @Override
    public void close() {
        CloseHelper.quietCloseAll(gateway, pool, postgres);
    }
}
