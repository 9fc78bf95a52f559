package org.candor.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Usernames and password hashes for browser logins, in one of two tables: {@code gateway.web_login} for traders
 * (the web app) and {@code gateway.operator_login} for operators (the console on the admin port). A login maps to
 * one principal: the engine user a trader acts as, or the operator id the engine records on holds. The schema comes
 * with the gateway's migrations ({@link PostgresApiKeyStore#migrate}).
 */
public final class PostgresWebLogins {
    /** Lower-case letters, digits, dot, dash and underscore, up to 32: what the tables' checks accept. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
    /**
     * Verified against when the username is unknown, so an unknown name costs the same time as a wrong password and
     * the answer's timing does not tell which usernames exist.
     */
    private static final PasswordHasher.Hashed DECOY = new PasswordHasher().hash("decoy".toCharArray());

    private final DataSource dataSource;
    private final String table;
    private final PasswordHasher hasher = new PasswordHasher();

    private PostgresWebLogins(final DataSource dataSource, final String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** Traders' logins for the web app. */
    public static PostgresWebLogins traders(final DataSource dataSource) {
        return new PostgresWebLogins(dataSource, "gateway.web_login");
    }

    /** Operators' logins for the console; never valid on the trading port. */
    public static PostgresWebLogins operators(final DataSource dataSource) {
        return new PostgresWebLogins(dataSource, "gateway.operator_login");
    }

    /** Creates a login for {@code principalId} with {@code password}, which is hashed and then zeroed. */
    public void create(final String username, final long principalId, final char[] password) {
        if (!USERNAME.matcher(username).matches() || principalId <= 0) {
            throw new IllegalArgumentException("reason=bad-login username=" + username + " id=" + principalId);
        }
        final PasswordHasher.Hashed hashed = hasher.hash(password);
        Arrays.fill(password, '\0');
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                 + " (username, user_id, salt, iterations, password_hash) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, username);
            insert.setLong(2, principalId);
            insert.setBytes(3, hashed.salt());
            insert.setInt(4, hashed.iterations());
            insert.setBytes(5, hashed.hash());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("reason=login-create-failed username=" + username, e);
        }
    }

    /** The principal of {@code username} when {@code password} is its password and the login is not disabled. */
    Optional<Login> verify(final String username, final char[] password) {
        final Stored stored = USERNAME.matcher(username).matches() ? find(username) : null;
        final boolean matches = PasswordHasher.matches(password, stored == null ? DECOY : stored.hashed());
        if (stored == null || !matches || stored.disabled()) {
            return Optional.empty();
        }
        return Optional.of(new Login(username, stored.principalId()));
    }

    /** The principal id of a login, or empty: the console finds a user by their login name. */
    public Optional<Long> principalOf(final String username) {
        if (!USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        final Stored stored = find(username);
        return stored == null ? Optional.empty() : Optional.of(stored.principalId());
    }

    private Stored find(final String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT user_id, salt, iterations, "
                 + "password_hash, disabled_at IS NOT NULL FROM " + table + " WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Stored(row.getLong(1), new PasswordHasher.Hashed(row.getBytes(2), row.getInt(3),
                    row.getBytes(4)), row.getBoolean(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reason=login-read-failed", e);
        }
    }

    /** A verified login: its name and principal (engine user or operator id). */
    record Login(String username, long principalId) {
    }

    private record Stored(long principalId, PasswordHasher.Hashed hashed, boolean disabled) {
    }
}
