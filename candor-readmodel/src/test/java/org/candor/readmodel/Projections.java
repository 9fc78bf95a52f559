package org.candor.readmodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.testkit.RecordingEvents;
import org.candor.testkit.Universe;
import org.candor.testkit.Workload;

/** Shared steps of the projection tests: a seeded workload run through a real engine, and SQL reads. */
final class Projections {
    static final EngineCapacity CAPACITY = EngineCapacity.small();

    private Projections() {
    }

    /** A seeded workload of {@code commands} generated commands over a few users and all three markets. */
    static Workload workload(final long seed, final int commands) {
        return Workload.generate(seed, Universe.standard(6, 3), CAPACITY, commands);
    }

    /** Runs the workload through a fresh engine whose events go to the recording and to {@code also}. */
    static Engine run(final Workload workload, final RecordingEvents recording, final Projector also) {
        return workload.run(CAPACITY, Tee.of(recording, also));
    }

    static long count(final ReadModelDatabase database, final String sql) {
        return longs(database, sql).get(0);
    }

    /** The first column of every row, as longs. */
    static List<Long> longs(final ReadModelDatabase database, final String sql) {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery(sql)) {
            final List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
        } catch (final SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every row as text, columns joined by a space. */
    static List<String> rows(final ReadModelDatabase database, final String sql) {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery(sql)) {
            final List<String> rows = new ArrayList<>();
            final int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                final StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (final SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
