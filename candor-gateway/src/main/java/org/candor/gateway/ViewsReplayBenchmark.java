package org.candor.gateway;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.agrona.IoUtil;
import org.candor.journal.EventJournalWriter;
import org.candor.journal.JournalFormat;
import org.candor.protocol.EventEncoder;
import org.candor.readmodel.BenchmarkWorkload;

/**
 * {@code candor bench views}: how long a starting gateway takes to replay a journal into its views, the time during
 * which it answers nothing. A seeded workload (orders, cancels, trades, deposits, withdrawals, holds: the projection
 * benchmark's) runs on a real engine whose events go, encoded as the node writes them, into a journal on disk; then a
 * {@link JournalFollower} replays that journal into fresh {@link ReadViews} in this JVM, cold, as at a gateway's
 * start, and the wait ends as the gateway's does ({@link JournalFollower#awaitCaughtUp}, which logs its progress).
 * Prints events/s and the heap the views hold, key=value last.
 */
public final class ViewsReplayBenchmark {
    /** Commands generated between two progress lines. */
    private static final int GENERATE_STEP = 100_000;

    /**
     * @param commands commands after the setup (each a few events)
     * @param users    funded users the orders come from
     * @param seed     the workload's seed
     */
    public record Options(int commands, int users, long seed) {
        public static Options defaults() {
            return new Options(1_000_000, 1_000, 42);
        }
    }

    /** What one run measured. */
    public record Result(long events, long elapsedMs, double eventsPerSecond, long viewsHeapMb) {
        String line(final Options options) {
            return String.format(Locale.ROOT, "events_per_s=%.0f events=%d elapsed_ms=%d views_heap_mb=%d "
                + "commands=%d users=%d", eventsPerSecond, events, elapsedMs, viewsHeapMb, options.commands(),
                options.users());
        }
    }

    private ViewsReplayBenchmark() {
    }

    public static Result run(final Options options, final PrintStream out) {
        out.println("candor bench views");
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
            + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB");
        final Path dir = newDirectory();
        try {
            final long events = generate(options, dir, out);
            final long heapBefore = heapUsedAfterGc();
            final ReadViews views = new ReadViews();
            final long startNs = System.nanoTime();
            try (JournalFollower follower = new JournalFollower(dir, views)) {
                follower.awaitCaughtUp();
                final long elapsedMs = Math.max(1, (System.nanoTime() - startNs) / 1_000_000);
                if (views.lastSeq() != events) {
                    throw new IllegalStateException("views caught up at seq=" + views.lastSeq() + ", journal holds "
                        + events + " events");
                }
                final long viewsHeapMb = Math.max(0, heapUsedAfterGc() - heapBefore) >> 20;
                final Result result = new Result(events, elapsedMs, events * 1000.0 / elapsedMs,
                    viewsHeapMb);
                out.printf(Locale.ROOT, "replayed %d events into the views in %d ms: %.0f events/s; the views hold "
                    + "about %d MB of heap%n", events, elapsedMs,
                    result.eventsPerSecond(), viewsHeapMb);
                out.println(result.line(options));
                return result;
            }
        } finally {
            IoUtil.delete(dir.toFile(), true);
        }
    }

    /** Runs the workload into a journal in {@code dir}, printing progress; returns the events written. */
    private static long generate(final Options options, final Path dir, final PrintStream out) {
        final long startNs = System.nanoTime();
        try (EventJournalWriter journal = EventJournalWriter.open(dir, JournalFormat.SEGMENT_BYTES_DEFAULT, 0)) {
            final BenchmarkWorkload workload = new BenchmarkWorkload(options.seed(), options.users(),
                new EventEncoder(journal::append));
            workload.setup();
            for (int done = 0; done < options.commands(); ) {
                final int step = Math.min(GENERATE_STEP, options.commands() - done);
                workload.run(step);
                done += step;
                out.printf(Locale.ROOT, "generating: %d of %d commands, %d events%n", done, options.commands(),
                    journal.lastSeq());
            }
            out.printf(Locale.ROOT, "generated %d events in %d ms%n", journal.lastSeq(),
                (System.nanoTime() - startNs) / 1_000_000);
            return journal.lastSeq();
        }
    }

    private static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Path newDirectory() {
        try {
            return Files.createTempDirectory("candor-bench-views-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
