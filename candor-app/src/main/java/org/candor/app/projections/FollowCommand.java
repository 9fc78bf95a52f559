package org.candor.app.projections;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.candor.journal.EventJournalReader;
import org.candor.notifications.NotificationFollower;
import org.candor.notifications.NotificationStore;
import org.candor.readmodel.ProjectionLag;
import org.candor.readmodel.Projector;
import org.candor.readmodel.ReadModelDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The live projection: follows the node's journal from the last sequence the read model committed, commits a
 * batch whenever it has caught up (so the tables trail the exchange by at most one poll), and reports its lag. Safe
 * to stop at any moment and start again: the projector resumes after its last committed sequence.
 *
 * <p>It also writes the users' notifications into the same database ({@link NotificationStore}, their own schema),
 * as a projecting gateway does: the schema's one projecting process is either a gateway or this command, and
 * gateways that read its tables ({@code --history-reader}) list and push what it writes. The notifier reads the
 * journal from its start (its memory of assets, holds and withdrawals is rebuilt from it) and writes only what comes
 * after the store's position.
 */
@Command(name = "follow", mixinStandardHelpOptions = true,
    description = "Project the node's journal into PostgreSQL live, resuming where the read model stopped.")
public final class FollowCommand implements Callable<Integer> {
    /** Events per poll: enough to catch up quickly, few enough to commit often once caught up. */
    static final int POLL_EVENTS_MAX = 10_000;
    /** Lag report interval. */
    static final long REPORT_INTERVAL_NS = 5_000_000_000L;
    /**
     * Longest a caught-up notifier keeps written notifications uncommitted: the gateway's own cadence, so a busy
     * exchange costs one notification transaction per 20 ms instead of one per poll.
     */
    static final long NOTICE_LINGER_NS = 20_000_000L;

    @Option(names = "--dir", required = true, description = "The node's directory (journal in <dir>/events).")
    Path dir;

    @Option(names = "--batch-commands", defaultValue = "" + Projector.DEFAULT_COMMANDS_PER_BATCH,
        description = "Most commands per transaction while catching up (default ${DEFAULT-VALUE}).")
    int commandsPerBatch;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    private final PrintStream out;
    private final AtomicBoolean running = new AtomicBoolean(true);

    FollowCommand() {
        this(System.out);
    }

    public FollowCommand(final PrintStream out) {
        this.out = out;
    }

    /** Asks a running follow to stop after its current poll (for tests and the shutdown hook). */
    public void stop() {
        running.set(false);
    }

    @Override
    public Integer call() {
        final Path journal = dir.resolve("events");
        if (!Files.isDirectory(journal)) {
            System.err.println("candor projections follow: reason=no-journal dir=" + journal);
            return 2;
        }
        final Thread hook = new Thread(this::stop, "candor-projections-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ReadModelDatabase db = database.open(dir);
             Projector projector = Projector.open(db, commandsPerBatch);
             EventJournalReader reader = EventJournalReader.open(journal, projector.committedSeq());
             EventJournalReader noticeReader = EventJournalReader.open(journal, 0)) {
            final NotificationFollower notifier = NotificationFollower.open(
                NotificationStore.open(db.dataSource(), NotificationStore.DEFAULT_SCHEMA));
            out.printf("following %s from seq %d (notifications from seq %d)%n", journal, projector.committedSeq(),
                notifier.committedSeq());
            out.flush();
            follow(reader, projector, noticeReader, notifier);
            projector.flush();
            notifier.flush();
            out.printf("stopped at seq %d, notifications at seq %d%n", projector.committedSeq(),
                notifier.committedSeq());
        } finally {
            removeHook(hook);
        }
        return 0;
    }

    private void follow(final EventJournalReader reader, final Projector projector,
        final EventJournalReader noticeReader, final NotificationFollower notifier) {
        final BackoffIdleStrategy idle = new BackoffIdleStrategy();
        long lastReportNs = System.nanoTime();
        long lastNoticeFlushNs = lastReportNs;
        boolean flushed = true;
        boolean noticesPending = false;
        while (running.get()) {
            final int delivered = reader.poll(projector, POLL_EVENTS_MAX);
            if (delivered > 0) {
                flushed = false;
            } else if (!flushed) {
                // Caught up: commit what is buffered now rather than when a batch fills.
                projector.flush();
                flushed = true;
            }
            final int noticed = notifier.poll(noticeReader::poll, POLL_EVENTS_MAX);
            noticesPending |= noticed > 0;
            final long now = System.nanoTime();
            if (noticesPending && (noticed == POLL_EVENTS_MAX || now - lastNoticeFlushNs >= NOTICE_LINGER_NS)) {
                // What flush returns is for pushing to connected users; this process has none.
                notifier.flush();
                noticesPending = false;
                lastNoticeFlushNs = now;
            }
            if (now - lastReportNs >= REPORT_INTERVAL_NS) {
                lastReportNs = now;
                final ProjectionLag lag = projector.lag();
                out.printf("  committed seq %d, %d events behind; notifications at seq %d%n", lag.committedSeq(),
                    lag.eventsBehind(), notifier.committedSeq());
                out.flush();
            }
            idle.idle(delivered + noticed);
        }
    }

    private static void removeHook(final Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping: the hook has run or will run; nothing to undo.
        }
    }
}
