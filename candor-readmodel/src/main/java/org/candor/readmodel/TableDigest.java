package org.candor.readmodel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SHA-256 digest of every projection table's rows, read in key order, and of the projection state: two
 * projections of the same events (live and rebuilt, or before and after a crash) have equal digests.
 *
 * @param tables each table's digest, in a fixed table order
 * @param total  the digest of all the table digests
 */
public record TableDigest(Map<String, String> tables, String total) {
    /** Rows fetched per round trip, so a large table streams instead of filling memory. */
    private static final int FETCH_ROWS = 10_000;
    private static final List<Table> COVERED = withState();

    public TableDigest {
        tables = Map.copyOf(tables);
    }

    public static TableDigest of(final ReadModelDatabase database) {
        final Map<String, String> tables = new LinkedHashMap<>();
        final MessageDigest total = sha256();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            for (final Table table : COVERED) {
                final String digest = digest(connection, table);
                tables.put(table.name(), digest);
                total.update((table.name() + "=" + digest + "\n").getBytes(StandardCharsets.UTF_8));
            }
            connection.commit();
        } catch (final SQLException e) {
            throw new IllegalStateException("cannot digest the read model: " + e.getMessage(), e);
        }
        return new TableDigest(tables, HexFormat.of().formatHex(total.digest()));
    }

    private static String digest(final Connection connection, final Table table) throws SQLException {
        final MessageDigest digest = sha256();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_ROWS);
            try (ResultSet rs = statement.executeQuery("SELECT t::text FROM " + table.name() + " t ORDER BY "
                + table.keyOrder())) {
                while (rs.next()) {
                    digest.update(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) '\n');
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<Table> withState() {
        final List<Table> all = new ArrayList<>(Tables.PROJECTIONS);
        all.add(Tables.PROJECTION_STATE);
        return List.copyOf(all);
    }
}
