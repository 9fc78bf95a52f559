package org.candor.gateway;

import java.nio.file.Path;
import java.time.Duration;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.candor.journal.EventJournalReader;
import org.candor.readmodel.Projector;
import org.candor.readmodel.ReadModelDatabase;

/**
 * The gateway's read model: one thread follows the node's committed-event journal into PostgreSQL with the read
 * model's {@link Projector}, resuming after the last committed sequence, and commits whenever it has caught up (so
 * what a user just did is queryable within one transaction of the journal). {@link #committedSeq()} is how far the
 * tables are; history requests wait on it ({@link #awaitCommitted}). A failed write is retried from the last
 * commit with a new projector after {@link #RETRY_DELAY}; meanwhile the tables stay at their last commit.
 */
final class HistoryProjection implements AutoCloseable {
    /** Events per poll of the journal; a poll that returns fewer means the projector has caught up. */
    static final int POLL_EVENTS_MAX = 10_000;
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(HistoryProjection.class.getName());
    private static final long JOIN_TIMEOUT_MS = 5_000;

    private final Path journalDir;
    private final ReadModelDatabase database;
    private final Thread thread;
    private final Object progress = new Object();
    private volatile boolean running = true;
    private volatile long committedSeq;
    private volatile long committedTimestampMs;
    private volatile Throwable failure;

    HistoryProjection(final Path journalDir, final ReadModelDatabase database) {
        this.journalDir = journalDir;
        this.database = database;
        this.thread = new Thread(this::run, "candor-gateway-projection");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    ReadModelDatabase database() {
        return database;
    }

    private void run() {
        while (running) {
            try {
                follow();
            } catch (RuntimeException e) {
                failure = e;
                LOG.log(System.Logger.Level.ERROR, "read model projection failed; retrying from the last commit", e);
                sleep(RETRY_DELAY);
            }
        }
    }

    private void follow() {
        Projector projector = null;
        EventJournalReader reader = null;
        try {
            projector = Projector.open(database, Projector.DEFAULT_COMMANDS_PER_BATCH);
            reader = EventJournalReader.open(journalDir, projector.committedSeq());
            committedTimestampMs = projector.committedTimestampMs();
            published(projector.committedSeq());
            final IdleStrategy idle = new BackoffIdleStrategy();
            while (running) {
                final int events = reader.poll(projector, POLL_EVENTS_MAX);
                if (events < POLL_EVENTS_MAX) {
                    projector.flush();
                    committedTimestampMs = projector.committedTimestampMs();
                    published(projector.committedSeq());
                    failure = null;
                }
                idle.idle(events);
            }
        } finally {
            CloseHelper.quietCloseAll(reader, projector);
        }
    }

    private void published(final long seq) {
        if (seq != committedSeq) {
            committedSeq = seq;
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    /** The last event sequence committed to the tables. */
    long committedSeq() {
        return committedSeq;
    }

    /** The cluster timestamp of the last command committed to the tables. */
    long committedTimestampMs() {
        return committedTimestampMs;
    }

    /** Why the last attempt to project failed, or null while projecting. */
    Throwable failure() {
        return failure;
    }

    /** Waits until the tables hold every event up to {@code seq}; false if they did not within {@code timeout}. */
    boolean awaitCommitted(final long seq, final Duration timeout) {
        if (committedSeq >= seq) {
            return true;
        }
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (committedSeq < seq) {
                final long leftNs = deadlineNs - System.nanoTime();
                if (leftNs <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, leftNs / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private static void sleep(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(JOIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
