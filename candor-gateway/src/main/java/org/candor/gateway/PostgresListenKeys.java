package org.candor.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Listen keys in {@code gateway.listen_key} (migration V8), found by the SHA-256 of the key ({@link TokenHash}), so
 * a key made on one gateway is valid on every gateway sharing the database and after a restart. Each operation is
 * one statement on the hot paths: a connect finds the key ({@link #find}), a keepalive is one update
 * ({@link #extend}), a close one delete. Expired rows are refused by every read and removed in bounded batches
 * ({@link #purgeExpired}). A database that fails is 503 -1001 to the caller, never a key silently lost.
 */
final class PostgresListenKeys {
    private static final System.Logger LOG = System.getLogger(PostgresListenKeys.class.getName());
    private static final String INSERT = "INSERT INTO gateway.listen_key (key_hash, user_id, created_ms, expires_ms) "
        + "VALUES (?, ?, ?, ?)";
    /** The user's expired keys and the live ones beyond the newest {@code keep}: dropped as a new key is made. */
    private static final String DROP_OLDEST = "DELETE FROM gateway.listen_key WHERE user_id = ? AND (expires_ms <= ? "
        + "OR key_hash NOT IN (SELECT key_hash FROM gateway.listen_key WHERE user_id = ? AND expires_ms > ? "
        + "ORDER BY created_ms DESC, key_hash LIMIT ?)) RETURNING key_hash";
    private static final String FIND = "SELECT user_id, expires_ms FROM gateway.listen_key WHERE key_hash = ?";
    private static final String EXTEND = "UPDATE gateway.listen_key SET expires_ms = ? "
        + "WHERE key_hash = ? AND user_id = ? AND expires_ms > ?";
    private static final String DELETE = "DELETE FROM gateway.listen_key "
        + "WHERE key_hash = ? AND user_id = ? AND expires_ms > ?";
    private static final String EXPIRIES = "SELECT key_hash, expires_ms FROM gateway.listen_key "
        + "WHERE key_hash IN (SELECT decode(h, 'hex') FROM unnest(?::text[]) AS h)";
    private static final String PURGE = "DELETE FROM gateway.listen_key WHERE key_hash IN "
        + "(SELECT key_hash FROM gateway.listen_key WHERE expires_ms <= ? LIMIT ?)";

    private final DataSource dataSource;

    PostgresListenKeys(final DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A live key: its user and when it expires. */
    record Owner(long userId, long expiresMs) {
    }

    /**
     * Stores a new key of {@code userId}, first dropping the user's expired keys and the oldest live ones so that
     * with the new one at most {@code perUserMax} remain; returns the hashes dropped (in hex), whose connections
     * must be closed.
     */
    List<String> create(final byte[] keyHash, final long userId, final long nowMs, final long expiresMs,
        final int perUserMax) {
        try {
            return Transactions.inTransaction(dataSource, connection -> {
                final List<String> dropped = new ArrayList<>();
                try (PreparedStatement drop = connection.prepareStatement(DROP_OLDEST)) {
                    drop.setLong(1, userId);
                    drop.setLong(2, nowMs);
                    drop.setLong(3, userId);
                    drop.setLong(4, nowMs);
                    drop.setInt(5, perUserMax - 1);
                    try (ResultSet rows = drop.executeQuery()) {
                        while (rows.next()) {
                            dropped.add(HexFormat.of().formatHex(rows.getBytes(1)));
                        }
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setBytes(1, keyHash);
                    insert.setLong(2, userId);
                    insert.setLong(3, nowMs);
                    insert.setLong(4, expiresMs);
                    insert.executeUpdate();
                }
                return dropped;
            });
        } catch (SQLException e) {
            throw failed("create", e);
        }
    }

    /** The key's user and expiry if it is live at {@code nowMs}, else null: the one lookup of a connect. */
    Owner find(final byte[] keyHash, final long nowMs) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setBytes(1, keyHash);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getLong(2) <= nowMs) {
                    return null;
                }
                return new Owner(row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw failed("find", e);
        }
    }

    /** Moves a live key of {@code userId} to expire at {@code expiresMs}; false when it is not one. */
    boolean extend(final byte[] keyHash, final long userId, final long nowMs, final long expiresMs) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(EXTEND)) {
            update.setLong(1, expiresMs);
            update.setBytes(2, keyHash);
            update.setLong(3, userId);
            update.setLong(4, nowMs);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("extend", e);
        }
    }

    /** Deletes a live key of {@code userId}; false when it is not one. */
    boolean delete(final byte[] keyHash, final long userId, final long nowMs) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setBytes(1, keyHash);
            delete.setLong(2, userId);
            delete.setLong(3, nowMs);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("delete", e);
        }
    }

    /** The expiry of each of these keys (hashes in hex) still stored; a key absent from the answer is gone. */
    Map<String, Long> expiries(final Collection<String> keyHashesHex) {
        final Map<String, Long> found = new HashMap<>();
        if (keyHashesHex.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(EXPIRIES)) {
            select.setArray(1, connection.createArrayOf("text", keyHashesHex.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(HexFormat.of().formatHex(rows.getBytes(1)), rows.getLong(2));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failed("expiries", e);
        }
    }

    /** Deletes at most {@code rowsMax} keys expired at {@code nowMs}; returns how many. */
    int purgeExpired(final long nowMs, final int rowsMax) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setLong(1, nowMs);
            purge.setInt(2, rowsMax);
            return purge.executeUpdate();
        } catch (SQLException e) {
            throw failed("purge", e);
        }
    }

    /** Live keys stored, for tests and metrics. */
    int liveCount(final long nowMs) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                 "SELECT count(*) FROM gateway.listen_key WHERE expires_ms > ?")) {
            count.setLong(1, nowMs);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw failed("count", e);
        }
    }

    private static ApiError failed(final String operation, final SQLException e) {
        LOG.log(System.Logger.Level.WARNING, "reason=listen-key-store-failed operation=" + operation
            + " sqlState=" + e.getSQLState() + " message=" + e.getMessage());
        return ErrorMapper.databaseUnavailable();
    }
}
