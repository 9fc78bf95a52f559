package org.candor.gateway;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * API keys in PostgreSQL, table {@code gateway.api_key}, migrated by Flyway from {@code db/gateway} with its
 * history in the same schema (so the read model's migrations, in their own schema, never collide). The data source
 * is the application's (a HikariCP pool in production); secrets are sealed by {@link SecretCipher} before they
 * reach it and opened only in memory.
 */
public final class PostgresApiKeyStore implements ApiKeyStore {
    static final String SCHEMA = "gateway";
    static final String MIGRATIONS = "classpath:db/gateway";

    private static final String SELECT = "SELECT user_id, sealed_secret, can_read, can_trade, can_withdraw, "
        + "ip_allow_list, revoked_at IS NOT NULL FROM gateway.api_key WHERE api_key = ?";
    private static final String INSERT = "INSERT INTO gateway.api_key (api_key, user_id, sealed_secret, can_read, "
        + "can_trade, can_withdraw, ip_allow_list, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
        + "CASE WHEN ? THEN now() END)";
    private static final String REVOKE = "UPDATE gateway.api_key SET revoked_at = coalesce(revoked_at, now()) "
        + "WHERE api_key = ?";

    private final DataSource dataSource;
    private final SecretCipher cipher;

    private PostgresApiKeyStore(final DataSource dataSource, final SecretCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /** Brings the schema up to date, then returns a store on it. */
    public static PostgresApiKeyStore migrate(final DataSource dataSource, final SecretCipher cipher) {
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(SCHEMA)
            .defaultSchema(SCHEMA)
            .locations(MIGRATIONS)
            .load()
            .migrate();
        return new PostgresApiKeyStore(dataSource, cipher);
    }

    @Override
    public Optional<ApiKey> find(final String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                final Set<Permission> permissions = EnumSet.noneOf(Permission.class);
                addIf(permissions, row.getBoolean(3), Permission.READ);
                addIf(permissions, row.getBoolean(4), Permission.TRADE);
                addIf(permissions, row.getBoolean(5), Permission.WITHDRAW);
                final byte[] secret = cipher.decrypt(key, row.getBytes(2));
                try {
                    return Optional.of(new ApiKey(key, row.getLong(1), secret, permissions,
                        Arrays.asList((String[]) row.getArray(6).getArray()), row.getBoolean(7)));
                } finally {
                    Arrays.fill(secret, (byte) 0);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reason=api-key-read-failed", e);
        }
    }

    private static void addIf(final Set<Permission> permissions, final boolean granted, final Permission permission) {
        if (granted) {
            permissions.add(permission);
        }
    }

    @Override
    public void create(final ApiKey apiKey) {
        if (apiKey.permissions().contains(Permission.OPERATE)) {
            throw new IllegalArgumentException("a trading key cannot operate; operators have keys of their own");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            final byte[] secret = apiKey.secret();
            insert.setString(1, apiKey.key());
            insert.setLong(2, apiKey.userId());
            insert.setBytes(3, cipher.encrypt(apiKey.key(), secret));
            Arrays.fill(secret, (byte) 0);
            insert.setBoolean(4, apiKey.permissions().contains(Permission.READ));
            insert.setBoolean(5, apiKey.permissions().contains(Permission.TRADE));
            insert.setBoolean(6, apiKey.permissions().contains(Permission.WITHDRAW));
            final Array ips = connection.createArrayOf("text", new ArrayList<>(apiKey.ipAllowList()).toArray());
            insert.setArray(7, ips);
            insert.setBoolean(8, apiKey.revoked());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("reason=api-key-create-failed apiKey=" + apiKey.key(), e);
        }
    }

    @Override
    public boolean revoke(final String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement revoke = connection.prepareStatement(REVOKE)) {
            revoke.setString(1, key);
            return revoke.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("reason=api-key-revoke-failed apiKey=" + key, e);
        }
    }

    /** Every key of a user, for operators; secrets are not read. */
    public List<String> keysOf(final long userId) {
        final List<String> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT api_key FROM gateway.api_key WHERE user_id = ? ORDER BY created_at, api_key")) {
            select.setLong(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reason=api-key-list-failed userId=" + userId, e);
        }
        return keys;
    }
}
