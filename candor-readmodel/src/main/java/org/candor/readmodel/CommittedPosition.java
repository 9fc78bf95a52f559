package org.candor.readmodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How far the projection in a schema has committed: the last event sequence and its command's cluster time. Read by
 * processes that serve the tables another process projects (a gateway that reads history without projecting it).
 *
 * @param seq         the last event sequence committed to the tables (0 before the first)
 * @param timestampMs the cluster timestamp of the last command committed (0 before the first)
 */
public record CommittedPosition(long seq, long timestampMs) {
    /**
     * Reads the position from {@code database}.
     *
     * @throws IllegalStateException if the database cannot be read or the schema was not migrated
     */
    public static CommittedPosition read(final ReadModelDatabase database) {
        try (Connection connection = database.connection()) {
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the projection's position: " + e.getMessage(), e);
        }
    }

    /** Reads the position on {@code connection} (in the caller's transaction, if any). */
    static CommittedPosition read(final Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT last_seq, last_timestamp_ms FROM projection_state "
                 + "WHERE projection='main'")) {
            if (!rs.next()) {
                throw new IllegalStateException("projection_state has no row: the schema was not migrated");
            }
            return new CommittedPosition(rs.getLong(1), rs.getLong(2));
        }
    }
}
