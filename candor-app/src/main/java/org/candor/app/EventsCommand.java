package org.candor.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.candor.journal.EventJournalReader;
import org.candor.journal.JournalGapException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints a node's committed events from its journal, one line each, from a sequence number on; with
 * {@code --follow} it keeps printing as the node writes. Reads the files only: safe beside a running node.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = "Print a node's committed events (its journal) as key=value lines; --follow to keep reading.")
final class EventsCommand implements Callable<Integer> {
    /** Events decoded per poll: large enough to read quickly, small enough to stop promptly. */
    static final int POLL_EVENTS = 4_096;

    @Option(names = "--dir", required = true, description = "The node's directory (its journal is dir/events).")
    Path dir;

    @Option(names = "--after", defaultValue = "0", description = "Print events after this sequence (default 0: all).")
    long afterSeq;

    @Option(names = "--limit", defaultValue = "0", description = "Stop after this many events (default 0: no limit).")
    long limit;

    @Option(names = "--follow", description = "Keep waiting for new events instead of stopping at the end.")
    boolean follow;

    private final PrintStream out;

    EventsCommand() {
        this(System.out);
    }

    EventsCommand(final PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        final Path journal = dir.resolve("events");
        if (!Files.isDirectory(journal)) {
            System.err.println("candor events: reason=no-journal dir=" + journal);
            return 2;
        }
        final EventLines lines = new EventLines(out);
        final BackoffIdleStrategy idle = new BackoffIdleStrategy();
        long printed = 0;
        try (EventJournalReader reader = EventJournalReader.open(journal, afterSeq)) {
            while (limit == 0 || printed < limit) {
                final int want = limit == 0 ? POLL_EVENTS : (int) Math.min(POLL_EVENTS, limit - printed);
                final int read = reader.poll(lines, want);
                printed += read;
                if (read == 0) {
                    if (!follow) {
                        break;
                    }
                    out.flush();
                    idle.idle();
                } else {
                    idle.reset();
                }
            }
        } catch (JournalGapException e) {
            out.flush();
            System.err.println("candor events: " + e.getMessage() + " (read those from another member)");
            return 3;
        }
        out.flush();
        return 0;
    }
}
