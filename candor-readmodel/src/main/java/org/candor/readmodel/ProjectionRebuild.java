package org.candor.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops every projected row and projects the whole event stream again. The tables are a function of the events,
 * so a rebuild gives the same rows as the live projection did ({@link TableDigest} compares them).
 */
public final class ProjectionRebuild {
    /**
     * Commands per transaction for a rebuild: nobody reads the tables meanwhile, so lag does not matter, and
     * larger batches write each hot row (an account, a busy order) once instead of once per small batch.
     */
    public static final int DEFAULT_COMMANDS_PER_BATCH = 20_000;
    /** Events taken from the source per poll. */
    public static final int POLL_EVENTS_MAX = 10_000;

    private ProjectionRebuild() {
    }

    /**
     * What a rebuild did.
     *
     * @param events    events projected
     * @param lastSeq   the last sequence now in the tables
     * @param elapsedMs how long it took
     */
    public record Result(long events, long lastSeq, long elapsedMs) {
    }

    /**
     * Empties the tables, then projects {@code source} (opened at the start of the stream) to its end. The large
     * tables' indexes are dropped for the load and built again at the end, also when the load fails.
     */
    public static Result rebuild(final ReadModelDatabase database, final EventSource source,
        final int commandsPerBatch) {
        final long start = System.nanoTime();
        reset(database);
        indexes(database, false);
        final Result result;
        try {
            result = project(database, source, commandsPerBatch);
        } finally {
            indexes(database, true);
        }
        return new Result(result.events(), result.lastSeq(), (System.nanoTime() - start) / 1_000_000);
    }

    private static Result project(final ReadModelDatabase database, final EventSource source,
        final int commandsPerBatch) {
        long events = 0;
        try (Projector projector = Projector.open(database, commandsPerBatch)) {
            for (int delivered = source.poll(projector, POLL_EVENTS_MAX); delivered > 0;
                delivered = source.poll(projector, POLL_EVENTS_MAX)) {
                events += delivered;
            }
            projector.flush();
            if (projector.lag().eventsBehind() != 0) {
                throw new IllegalStateException("the source ended inside a command: lag=" + projector.lag());
            }
            return new Result(events, projector.committedSeq(), 0);
        }
    }

    private static void indexes(final ReadModelDatabase database, final boolean build) {
        try (Connection connection = database.connection()) {
            if (build) {
                BulkIndexes.create(connection);
            } else {
                BulkIndexes.drop(connection);
            }
        } catch (final SQLException e) {
            throw new IllegalStateException((build ? "cannot build" : "cannot drop") + " the bulk indexes: "
                + e.getMessage(), e);
        }
    }

    /** Empties every projection table and sets the last applied sequence back to 0, in one transaction. */
    public static void reset(final ReadModelDatabase database) {
        final List<String> names = new ArrayList<>();
        for (final Table table : Tables.PROJECTIONS) {
            names.add(table.name());
        }
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("TRUNCATE " + String.join(",", names));
            statement.executeUpdate("UPDATE projection_state SET last_seq=0, last_timestamp_ms=0");
            connection.commit();
        } catch (final SQLException e) {
            throw new IllegalStateException("cannot reset the read model: " + e.getMessage(), e);
        }
    }
}
