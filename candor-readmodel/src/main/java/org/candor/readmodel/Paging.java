package org.candor.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Runs one keyset-paginated query: reads one row past the limit to know whether more remain. */
final class Paging {
    /** The largest page a caller may ask for; keeps one request's memory and time bounded. */
    static final int PAGE_SIZE_MAX = 1_000;

    private Paging() {
    }

    /** Reads one row of a result set into a view. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static void checkLimit(final int limit) {
        if (limit < 1 || limit > PAGE_SIZE_MAX) {
            throw new IllegalArgumentException("page size out of range: limit=" + limit + " max=" + PAGE_SIZE_MAX);
        }
    }

    /**
     * Runs {@code sql}, whose last parameter is the row limit, with {@code parameters} before it; the cursor of the
     * next page is {@code cursorOf} the last row.
     */
    static <T> Page<T> page(final ReadModelDatabase database, final String sql, final int limit,
        final RowReader<T> reader, final ToLongFunction<T> cursorOf, final long... parameters) {
        checkLimit(limit);
        try (Connection connection = database.connection();
            PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
            statement.setInt(parameters.length + 1, limit + 1);
            final List<T> items = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    items.add(reader.read(rs));
                }
            }
            final boolean more = items.size() > limit;
            if (more) {
                items.remove(limit);
            }
            final long next = items.isEmpty() ? 0 : cursorOf.applyAsLong(items.get(items.size() - 1));
            return new Page<>(items, next, more);
        } catch (final SQLException e) {
            throw new IllegalStateException("read-model query failed: " + e.getMessage(), e);
        }
    }

    /** A nullable smallint column as an int, or -1 when NULL. */
    static int codeOrNone(final ResultSet rs, final String column) throws SQLException {
        final int code = rs.getInt(column);
        return rs.wasNull() ? -1 : code;
    }
}
