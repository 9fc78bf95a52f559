package org.candor.readmodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Row counts of projection tables, for reports. */
final class TableStats {
    private TableStats() {
    }

    static long count(final ReadModelDatabase database, final String table) {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (final SQLException e) {
            throw new IllegalStateException("cannot count rows of " + table + ": " + e.getMessage(), e);
        }
    }
}
