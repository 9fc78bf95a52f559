package org.candor.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;
import org.candor.journal.EventJournalReader;
import org.candor.readmodel.CommittedPosition;
import org.candor.readmodel.Projector;
import org.candor.readmodel.ReadModelDatabase;

/**
 * The gateway's read model: one thread follows the node's committed-event journal into PostgreSQL with the read
 * model's {@link Projector}, resuming after the last committed sequence, and commits whenever it has caught up (so
 * what a user just did is queryable within one transaction of the journal). {@link #committedSeq()} is how far the
 * tables are; history requests wait on it ({@link #awaitCommitted}). A failed write is retried from the last
 * commit with a new projector ({@link RetryingFollower}); meanwhile the tables stay at their last commit.
 *
 * <p>Only one process may project into a schema. Further gateways on the same schema {@linkplain #reading read}
 * it: their thread writes nothing and only watches how far the projecting process has committed, looking every
 * {@link #READ_POLL_WANTED_NS} while a request waits for a commit and every {@link #READ_POLL_IDLE_NS} otherwise.
 */
final class HistoryProjection implements AutoCloseable {
    /** Events per poll of the journal; a poll that returns fewer means the projector has caught up. */
    static final int POLL_EVENTS_MAX = 10_000;
    /** A reading gateway's look at the shared projection while a request waits for it. */
    static final long READ_POLL_WANTED_NS = TimeUnit.MILLISECONDS.toNanos(2);
    /** A reading gateway's look at the shared projection otherwise (for health and the lag metrics). */
    static final long READ_POLL_IDLE_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Path journalDir;
    private final ReadModelDatabase database;
    private final CommittedSeq committed = new CommittedSeq();
    private final RetryingFollower follower;
    private volatile long committedTimestampMs;

    HistoryProjection(final Path journalDir, final ReadModelDatabase database) {
        this.journalDir = journalDir;
        this.database = database;
        this.follower = new RetryingFollower("candor-gateway-projection", "read model projection", this::follow);
    }

    private HistoryProjection(final ReadModelDatabase database) {
        this.journalDir = null;
        this.database = database;
        this.follower = new RetryingFollower("candor-gateway-projection-reader", "read model reader", this::watch);
    }

    /** History from tables another process projects into {@code database}: nothing is written here. */
    static HistoryProjection reading(final ReadModelDatabase database) {
        return new HistoryProjection(database);
    }

    ReadModelDatabase database() {
        return database;
    }

    private void follow(final BooleanSupplier running) {
        Projector projector = null;
        EventJournalReader reader = null;
        try {
            projector = Projector.open(database, Projector.DEFAULT_COMMANDS_PER_BATCH);
            reader = EventJournalReader.open(journalDir, projector.committedSeq());
            committedTimestampMs = projector.committedTimestampMs();
            committed.publish(projector.committedSeq());
            final IdleStrategy idle = FlushCadence.idleStrategy();
            final FlushCadence cadence = new FlushCadence(committed, System.nanoTime());
            committed.writerThread(Thread.currentThread());
            while (running.getAsBoolean()) {
                final int events = reader.poll(projector, POLL_EVENTS_MAX);
                if (cadence.due(events, events < POLL_EVENTS_MAX, System.nanoTime())) {
                    projector.flush();
                    cadence.flushed(System.nanoTime());
                    committedTimestampMs = projector.committedTimestampMs();
                    committed.publish(projector.committedSeq());
                    follower.committed();
                }
                idle.idle(events);
            }
        } finally {
            CloseHelper.quietCloseAll(reader, projector);
        }
    }

    private void watch(final BooleanSupplier running) {
        committed.writerThread(Thread.currentThread());
        while (running.getAsBoolean()) {
            final CommittedPosition position = CommittedPosition.read(database);
            committedTimestampMs = position.timestampMs();
            committed.publish(position.seq());
            follower.committed();
            LockSupport.parkNanos(committed.wanted() ? READ_POLL_WANTED_NS : READ_POLL_IDLE_NS);
        }
    }

    /** The last event sequence committed to the tables. */
    long committedSeq() {
        return committed.get();
    }

    /** The cluster timestamp of the last command committed to the tables. */
    long committedTimestampMs() {
        return committedTimestampMs;
    }

    /** Why the last attempt to project failed, or null while projecting. */
    Throwable failure() {
        return follower.failure();
    }

    /** Waits until the tables hold every event up to {@code seq}; false if they did not within {@code timeout}. */
    boolean awaitCommitted(final long seq, final Duration timeout) {
        return committed.await(seq, timeout);
    }

    @Override
    public void close() {
        follower.close();
    }
}
