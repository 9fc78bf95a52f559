package org.candor.gateway;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Operators' keys, in a table of their own ({@code gateway.operator_key}): the admin API authenticates against this
 * store only, so no trading key can act as an operator and no operator key can trade. A key found here carries the
 * one permission {@link Permission#OPERATE}, and its {@code userId} is the operator's id, the one the engine records
 * on every hold and approval. Secrets are sealed as API keys' are. The schema comes with the gateway's migrations
 * ({@link PostgresApiKeyStore#migrate}).
 */
public final class PostgresOperatorKeyStore implements ApiKeyStore {
    private static final String SELECT = "SELECT operator_id, sealed_secret, revoked_at IS NOT NULL "
        + "FROM gateway.operator_key WHERE api_key = ?";
    private static final String INSERT = "INSERT INTO gateway.operator_key (api_key, operator_id, name, "
        + "sealed_secret, revoked_at) VALUES (?, ?, ?, ?, CASE WHEN ? THEN now() END)";
    private static final String REVOKE = "UPDATE gateway.operator_key SET revoked_at = coalesce(revoked_at, now()) "
        + "WHERE api_key = ?";

    private final DataSource dataSource;
    private final SecretCipher cipher;

    /** A store on a database the gateway's migrations have brought up to date. */
    public PostgresOperatorKeyStore(final DataSource dataSource, final SecretCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
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
                final byte[] secret = cipher.decrypt(key, row.getBytes(2));
                try {
                    return Optional.of(new ApiKey(key, row.getLong(1), secret, EnumSet.of(Permission.OPERATE),
                        List.of(), row.getBoolean(3)));
                } finally {
                    Arrays.fill(secret, (byte) 0);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reason=operator-key-read-failed", e);
        }
    }

    /** Stores an operator's key; the permissions of {@code apiKey} are ignored (an operator key only operates). */
    @Override
    public void create(final ApiKey apiKey) {
        create(apiKey, "operator " + apiKey.userId());
    }

    /** Stores an operator's key under the operator's display name. */
    public void create(final ApiKey apiKey, final String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            final byte[] secret = apiKey.secret();
            insert.setString(1, apiKey.key());
            insert.setLong(2, apiKey.userId());
            insert.setString(3, name);
            insert.setBytes(4, cipher.encrypt(apiKey.key(), secret));
            Arrays.fill(secret, (byte) 0);
            insert.setBoolean(5, apiKey.revoked());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("reason=operator-key-create-failed apiKey=" + apiKey.key(), e);
        }
    }

    /** A new operator key from a key string and its secret text. */
    public void create(final String key, final long operatorId, final String name, final String secret) {
        create(new ApiKey(key, operatorId, secret.getBytes(StandardCharsets.UTF_8), EnumSet.of(Permission.OPERATE),
            List.of(), false), name);
    }

    @Override
    public boolean revoke(final String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement revoke = connection.prepareStatement(REVOKE)) {
            revoke.setString(1, key);
            return revoke.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("reason=operator-key-revoke-failed apiKey=" + key, e);
        }
    }
}
