package org.candor.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Browser sessions in PostgreSQL (migration V8): {@code gateway.web_session} for the web app's traders,
 * {@code gateway.operator_session} for the console's operators, each row found by the SHA-256 of the session id
 * ({@link TokenHash}), so a session opened on one gateway is valid on every gateway sharing the database and after
 * a restart. A request costs one indexed lookup; the idle deadline is moved forward by an update at most once per
 * {@link #TOUCH_INTERVAL_MS} per session, not on every request. A database that fails is 503 -1001.
 */
final class PostgresWebSessions {
    /**
     * How stale the stored idle deadline may get before a request moves it: the session's idle time is recorded to
     * this precision, so an idle session ends between {@code idleMs - TOUCH_INTERVAL_MS} and {@code idleMs} after
     * its last request.
     */
    static final long TOUCH_INTERVAL_MS = 60_000;
    private static final System.Logger LOG = System.getLogger(PostgresWebSessions.class.getName());

    private final DataSource dataSource;
    private final String table;

    private PostgresWebSessions(final DataSource dataSource, final String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    static PostgresWebSessions traders(final DataSource dataSource) {
        return new PostgresWebSessions(dataSource, "gateway.web_session");
    }

    static PostgresWebSessions operators(final DataSource dataSource) {
        return new PostgresWebSessions(dataSource, "gateway.operator_session");
    }

    /** A stored session: who, its CSRF token, when it was opened and when it ends unless used. */
    record Stored(String username, long principalId, String csrfToken, long createdMs, long expiresMs) {
    }

    /**
     * Stores a new session, first dropping the principal's expired sessions and its oldest live ones so that with
     * the new one at most {@code perPrincipalMax} remain, and up to {@code purgeMax} expired sessions of anyone.
     */
    void open(final byte[] idHash, final Stored session, final long nowMs, final int perPrincipalMax,
        final int purgeMax) {
        try {
            Transactions.inTransaction(dataSource, connection -> {
                try (PreparedStatement drop = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE principal_id = ? AND (expires_ms <= ? OR id_hash NOT IN (SELECT id_hash FROM " + table
                    + " WHERE principal_id = ? AND expires_ms > ? ORDER BY created_ms DESC, id_hash LIMIT ?))")) {
                    drop.setLong(1, session.principalId());
                    drop.setLong(2, nowMs);
                    drop.setLong(3, session.principalId());
                    drop.setLong(4, nowMs);
                    drop.setInt(5, perPrincipalMax - 1);
                    drop.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (id_hash, principal_id, username, csrf_token, created_ms, expires_ms) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setBytes(1, idHash);
                    insert.setLong(2, session.principalId());
                    insert.setString(3, session.username());
                    insert.setString(4, session.csrfToken());
                    insert.setLong(5, session.createdMs());
                    insert.setLong(6, session.expiresMs());
                    insert.executeUpdate();
                }
                purgeExpired(connection, nowMs, purgeMax);
                return null;
            });
        } catch (SQLException e) {
            throw failed("open", e);
        }
    }

    /**
     * The live session with this id hash, or null. This request earns it the deadline {@code nowMs + idleMs}, never
     * past {@code lifetimeMs} after it was opened; when the stored one is more than {@link #TOUCH_INTERVAL_MS}
     * behind that, it is moved there.
     */
    Stored find(final byte[] idHash, final long nowMs, final long idleMs, final long lifetimeMs) {
        try (Connection connection = dataSource.getConnection()) {
            final Stored found;
            try (PreparedStatement select = connection.prepareStatement("SELECT username, principal_id, "
                + "csrf_token, created_ms, expires_ms FROM " + table + " WHERE id_hash = ?")) {
                select.setBytes(1, idHash);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next() || row.getLong(5) <= nowMs) {
                        return null;
                    }
                    found = new Stored(row.getString(1), row.getLong(2), row.getString(3), row.getLong(4),
                        row.getLong(5));
                }
            }
            final long wantedExpiresMs = Math.min(nowMs + idleMs, found.createdMs() + lifetimeMs);
            if (wantedExpiresMs - found.expiresMs() <= TOUCH_INTERVAL_MS) {
                return found;
            }
            try (PreparedStatement touch = connection.prepareStatement("UPDATE " + table
                + " SET expires_ms = greatest(expires_ms, ?) WHERE id_hash = ?")) {
                touch.setLong(1, wantedExpiresMs);
                touch.setBytes(2, idHash);
                touch.executeUpdate();
            }
            return new Stored(found.username(), found.principalId(), found.csrfToken(), found.createdMs(),
                wantedExpiresMs);
        } catch (SQLException e) {
            throw failed("find", e);
        }
    }

    /** Ends a session (logout); nothing when there is none. */
    void delete(final byte[] idHash) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id_hash = ?")) {
            delete.setBytes(1, idHash);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failed("delete", e);
        }
    }

    private void purgeExpired(final Connection connection, final long nowMs, final int rowsMax) throws SQLException {
        try (PreparedStatement purge = connection.prepareStatement("DELETE FROM " + table + " WHERE id_hash IN "
            + "(SELECT id_hash FROM " + table + " WHERE expires_ms <= ? LIMIT ?)")) {
            purge.setLong(1, nowMs);
            purge.setInt(2, rowsMax);
            purge.executeUpdate();
        }
    }

    private ApiError failed(final String operation, final SQLException e) {
        LOG.log(System.Logger.Level.WARNING, "reason=web-session-store-failed table=" + table + " operation="
            + operation + " sqlState=" + e.getSQLState() + " message=" + e.getMessage());
        return ErrorMapper.databaseUnavailable();
    }
}
