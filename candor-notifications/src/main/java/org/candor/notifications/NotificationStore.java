package org.candor.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.candor.readmodel.Page;
import org.flywaydb.core.Flyway;

/**
 * The notifications in PostgreSQL, in a schema of their own ({@link #DEFAULT_SCHEMA}) with their own Flyway history
 * ({@code db/notifications}), on any pool: the gateway shares the read model's. SQL names tables with the schema,
 * never through the connection's search path, so a shared pool's connections are left as they were found.
 *
 * <p>The derived rows and the follower's position are written together ({@link #append}); read marks are user
 * state in a table of their own that {@link #reset} leaves alone. Every query about a user takes the user id and
 * sees that user's rows and the notices for everyone, nothing else.
 */
public final class NotificationStore {
    public static final String DEFAULT_SCHEMA = "notifications";
    /** Most notifications one page returns. */
    public static final int PAGE_LIMIT_MAX = 100;
    /** Unread notifications are counted up to this many; beyond it the count says "at least". */
    public static final int UNREAD_COUNT_MAX = 10_000;
    /** Most notifications one {@link #after} returns: a reader takes a busy stretch in pieces of bounded memory. */
    public static final int TAIL_LIMIT_MAX = 1_000;
    static final String MIGRATIONS = "classpath:db/notifications";
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String COLUMNS = "id, user_id, time_ms, kind, title, body, hold_id, withdrawal_id, asset, "
        + "market";

    /** Where the follower stands: the last sequence accounted for and its command's time. */
    public record Position(long lastSeq, long lastTimestampMs) {
    }

    private final DataSource dataSource;
    private final String schema;

    private NotificationStore(final DataSource dataSource, final String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** The store in {@code schema}, created and migrated to the current version if needed. */
    public static NotificationStore open(final DataSource dataSource, final String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier: schema=" + schema);
        }
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema)
            .createSchemas(true)
            .locations(MIGRATIONS)
            .load()
            .migrate();
        return new NotificationStore(dataSource, schema);
    }

    public String schema() {
        return schema;
    }

    private String table(final String name) {
        return schema + "." + name;
    }

    public Position position() {
        try (Connection connection = dataSource.getConnection();
            Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("SELECT last_seq, last_timestamp_ms FROM "
                + table("follower_position") + " WHERE follower = 'main'")) {
            if (!rs.next()) {
                throw new IllegalStateException("reason=position-row-missing schema=" + schema);
            }
            return new Position(rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the notification position: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code rows} and moves the position from {@code previousSeq} to {@code lastSeq} in one transaction. The
     * move is conditional, so a second writer on the same schema, or one that lost track, fails instead of writing
     * twice; the primary key would refuse a repeated row anyway.
     */
    public void append(final List<Notification> rows, final long previousSeq, final long lastSeq,
        final long lastTimestampMs) {
        if (lastSeq < previousSeq) {
            throw new IllegalArgumentException("position moves backwards: previousSeq=" + previousSeq + " lastSeq="
                + lastSeq);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, rows, previousSeq, lastSeq);
                move(connection, previousSeq, lastSeq, lastTimestampMs);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write notifications up to seq=" + lastSeq + ": "
                + e.getMessage(), e);
        }
    }

    private void insert(final Connection connection, final List<Notification> rows, final long previousSeq,
        final long lastSeq) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table("notifications")
            + " (" + COLUMNS + ", severity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (final Notification n : rows) {
                if (n.id() <= previousSeq || n.id() > lastSeq) {
                    throw new IllegalArgumentException("notification outside the batch: id=" + n.id()
                        + " previousSeq=" + previousSeq + " lastSeq=" + lastSeq);
                }
                insert.setLong(1, n.id());
                insert.setLong(2, n.userId());
                insert.setLong(3, n.timeMs());
                insert.setString(4, n.kind().code());
                insert.setString(5, n.title());
                insert.setString(6, n.body());
                insert.setLong(7, n.holdId());
                insert.setLong(8, n.withdrawalId());
                insert.setString(9, n.asset());
                insert.setString(10, n.market());
                insert.setString(11, n.severity().code());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void move(final Connection connection, final long previousSeq, final long lastSeq,
        final long lastTimestampMs) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table("follower_position")
            + " SET last_seq = ?, last_timestamp_ms = ? WHERE follower = 'main' AND last_seq = ?")) {
            update.setLong(1, lastSeq);
            update.setLong(2, lastTimestampMs);
            update.setLong(3, previousSeq);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("reason=position-moved-by-another-writer expected=" + previousSeq);
            }
        }
    }

    /**
     * A user's notifications and the notices for everyone, newest first, older than {@code beforeId} (0 for the
     * newest); only those after the user's read mark when {@code unreadOnly}. Continue with {@code next} as
     * {@code beforeId}.
     */
    public Page<Notification> page(final long userId, final long beforeId, final int limit,
        final boolean unreadOnly) {
        if (limit < 1 || limit > PAGE_LIMIT_MAX || beforeId < 0 || userId <= 0) {
            throw new IllegalArgumentException("bad page: userId=" + userId + " beforeId=" + beforeId + " limit="
                + limit);
        }
        final long before = beforeId == 0 ? Long.MAX_VALUE : beforeId;
        final String part = "(SELECT " + COLUMNS + " FROM " + table("notifications")
            + " WHERE user_id = ? AND id < ? AND id > ? ORDER BY id DESC LIMIT ?)";
        final String sql = "SELECT " + COLUMNS + " FROM (" + part + " UNION ALL " + part
            + ") AS seen ORDER BY id DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection()) {
            final long after = unreadOnly ? readUpTo(connection, userId) : 0;
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int i = 1;
                for (final long owner : new long[] {userId, Notification.EVERYONE}) {
                    query.setLong(i++, owner);
                    query.setLong(i++, before);
                    query.setLong(i++, after);
                    query.setInt(i++, limit + 1);
                }
                query.setInt(i, limit + 1);
                final List<Notification> rows = new ArrayList<>(limit + 1);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                final boolean more = rows.size() > limit;
                final List<Notification> items = more ? rows.subList(0, limit) : rows;
                return new Page<>(items, items.isEmpty() ? 0 : items.get(items.size() - 1).id(), more);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read notifications: " + e.getMessage(), e);
        }
    }

    /**
     * Every notification (each user's and the notices for everyone) with an id above {@code afterId} and at most
     * {@code upToId}, oldest first, at most {@code limit} of them: what a reader of another process's store has not
     * seen yet. Read {@link #position()} first and pass its sequence as {@code upToId}: rows and position are
     * committed together, so every row up to it is there.
     */
    public List<Notification> after(final long afterId, final long upToId, final int limit) {
        if (limit < 1 || limit > TAIL_LIMIT_MAX || afterId < 0 || upToId < afterId) {
            throw new IllegalArgumentException("bad range: afterId=" + afterId + " upToId=" + upToId + " limit="
                + limit);
        }
        try (Connection connection = dataSource.getConnection();
            PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
                + table("notifications") + " WHERE id > ? AND id <= ? ORDER BY id LIMIT ?")) {
            query.setLong(1, afterId);
            query.setLong(2, upToId);
            query.setInt(3, limit);
            final List<Notification> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read notifications after id=" + afterId + ": " + e.getMessage(),
                e);
        }
    }

    private static Notification row(final ResultSet rs) throws SQLException {
        final NotificationKind kind = NotificationKind.fromCode(rs.getString(4));
        if (kind == null) {
            throw new IllegalStateException("reason=unknown-kind code=" + rs.getString(4) + " id=" + rs.getLong(1));
        }
        return new Notification(rs.getLong(1), rs.getLong(2), rs.getLong(3), kind, rs.getString(5), rs.getString(6),
            rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getString(10));
    }

    /** The user's read mark: notifications at or below it are read (0 when they never read any). */
    public long readUpTo(final long userId) {
        try (Connection connection = dataSource.getConnection()) {
            return readUpTo(connection, userId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the read mark: " + e.getMessage(), e);
        }
    }

    private long readUpTo(final Connection connection, final long userId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT read_up_to FROM " + table("read_marks")
            + " WHERE user_id = ?")) {
            query.setLong(1, userId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** How many of the user's notifications (notices for everyone included) are unread, up to UNREAD_COUNT_MAX. */
    public int unreadCount(final long userId) {
        final String part = "(SELECT id FROM " + table("notifications") + " WHERE user_id = ? AND id > ? "
            + "ORDER BY id LIMIT " + UNREAD_COUNT_MAX + ")";
        try (Connection connection = dataSource.getConnection()) {
            final long after = readUpTo(connection, userId);
            try (PreparedStatement query = connection.prepareStatement("SELECT least(count(*), " + UNREAD_COUNT_MAX
                + ") FROM (" + part + " UNION ALL " + part + ") AS unread")) {
                query.setLong(1, userId);
                query.setLong(2, after);
                query.setLong(3, Notification.EVERYONE);
                query.setLong(4, after);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count unread notifications: " + e.getMessage(), e);
        }
    }

    /**
     * Marks read every notification the user sees up to {@code upToId}, and returns the user's mark. The mark only
     * moves forward, and only as far as the newest notification the user can see at or below {@code upToId}: a mark
     * beyond it would silently mark notifications not written yet as read.
     */
    public long markRead(final long userId, final long upToId) {
        if (userId <= 0 || upToId < 0) {
            throw new IllegalArgumentException("bad read mark: userId=" + userId + " upToId=" + upToId);
        }
        final String newest = "(SELECT id FROM " + table("notifications") + " WHERE user_id = ? AND id <= ? "
            + "ORDER BY id DESC LIMIT 1)";
        final String sql = "INSERT INTO " + table("read_marks") + " (user_id, read_up_to) "
            + "SELECT ?, max(id) FROM (" + newest + " UNION ALL " + newest + ") AS seen HAVING max(id) IS NOT NULL "
            + "ON CONFLICT (user_id) DO UPDATE SET read_up_to = greatest(" + table("read_marks")
            + ".read_up_to, excluded.read_up_to)";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                upsert.setLong(1, userId);
                upsert.setLong(2, userId);
                upsert.setLong(3, upToId);
                upsert.setLong(4, Notification.EVERYONE);
                upsert.setLong(5, upToId);
                upsert.executeUpdate();
            }
            return readUpTo(connection, userId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark notifications read: " + e.getMessage(), e);
        }
    }

    /** Empties the derived rows and puts the position back to the start; read marks are user state and stay. */
    public void reset() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("TRUNCATE " + table("notifications"));
            statement.execute("UPDATE " + table("follower_position") + " SET last_seq = 0, last_timestamp_ms = 0");
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the notifications: " + e.getMessage(), e);
        }
    }

    /** A SHA-256 of every derived row in id order and of the position: equal digests, equal notifications. */
    public String digest() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("SELECT " + COLUMNS + ", severity FROM " + table("notifications")
                + " ORDER BY id")) {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            final int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    final String value = rs.getString(i);
                    sha.update((value == null ? "\\N" : value).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) (i == columns ? '\n' : '\t'));
                }
            }
            sha.update(("position " + position()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot digest the notifications: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
