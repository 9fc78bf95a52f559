package org.candor.app.projections;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.candor.journal.EventJournalReader;
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
 */
@Command(name = "follow", mixinStandardHelpOptions = true,
    description = "Project the node's journal into PostgreSQL live, resuming where the read model stopped.")
public final class FollowCommand implements Callable<Integer> {
    /** Events per poll: enough to catch up quickly, few enough to commit often once caught up. */
    static final int POLL_EVENTS_MAX = 10_000;
    /** Lag report interval. */
    static final long REPORT_INTERVAL_NS = 5_000_000_000L;

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
             EventJournalReader reader = EventJournalReader.open(journal, projector.committedSeq())) {
            out.printf("following %s from seq %d%n", journal, projector.committedSeq());
            out.flush();
            follow(reader, projector);
            projector.flush();
            out.printf("stopped at seq %d%n", projector.committedSeq());
        } finally {
            removeHook(hook);
        }
        return 0;
    }

    private void follow(final EventJournalReader reader, final Projector projector) {
        final BackoffIdleStrategy idle = new BackoffIdleStrategy();
        long lastReportNs = System.nanoTime();
        boolean flushed = true;
        while (running.get()) {
            final int delivered = reader.poll(projector, POLL_EVENTS_MAX);
            if (delivered > 0) {
                flushed = false;
            } else if (!flushed) {
                // Caught up: commit what is buffered now rather than when a batch fills.
                projector.flush();
                flushed = true;
            }
            final long now = System.nanoTime();
            if (now - lastReportNs >= REPORT_INTERVAL_NS) {
                lastReportNs = now;
                final ProjectionLag lag = projector.lag();
                out.printf("  committed seq %d, %d events behind%n", lag.committedSeq(), lag.eventsBehind());
                out.flush();
            }
            idle.idle(delivered);
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
