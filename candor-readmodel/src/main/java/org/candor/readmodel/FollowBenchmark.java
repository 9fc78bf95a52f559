package org.candor.readmodel;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The live path of {@code candor bench projection --follow}: the events go through the loop the gateway's
 * {@code HistoryProjection} and {@code candor projections follow} run (poll up to {@link #POLL_EVENTS_MAX} events,
 * commit whenever a poll comes back short, batches of {@link Projector#DEFAULT_COMMANDS_PER_BATCH} commands, every
 * index maintained, nothing dropped or rebuilt), into tables that start empty. The source is never short until its
 * end, so this is the follower catching up with a backlog at full speed: the most it can sustain.
 *
 * <p>Latency: each poll's events are stamped when handed to the projector; once the committed sequence passes the
 * poll's last event, every event of the poll counts that wait (handed over to committed). Percentiles are over
 * events.
 */
final class FollowBenchmark {
    /** The same bound as the gateway's follower. */
    static final int POLL_EVENTS_MAX = 10_000;
    private static final long PROGRESS_NS = 1_000_000_000L;

    private FollowBenchmark() {
    }

    /** What one follow run measured; latencies in microseconds. */
    record Result(long events, long lastSeq, long elapsedMs, long p50Us, long p99Us, long p999Us, long maxUs) {
        double eventsPerSecond() {
            return events * 1000.0 / Math.max(1, elapsedMs);
        }
    }

    /** One poll waiting for its commit: its last sequence, when it was handed over, how many events it held. */
    private record Handed(long lastSeq, long atNs, int events) {
    }

    /** One latency sample and the events it stands for. */
    private record Sample(long latencyNs, int events) {
    }

    /** Empties the tables (keeping their indexes) and follows {@code source} to its end. */
    static Result run(final ReadModelDatabase database, final EventSource source, final int commandsPerBatch,
        final PrintStream out) {
        ProjectionRebuild.reset(database);
        final ArrayDeque<Handed> waiting = new ArrayDeque<>();
        final List<Sample> samples = new ArrayList<>();
        final long start = System.nanoTime();
        long nextProgressNs = start + PROGRESS_NS;
        long events = 0;
        try (Projector projector = Projector.open(database, commandsPerBatch)) {
            while (true) {
                final int delivered = source.poll(projector, POLL_EVENTS_MAX);
                final long now = System.nanoTime();
                if (delivered > 0) {
                    events += delivered;
                    waiting.add(new Handed(projector.lag().receivedSeq(), now, delivered));
                }
                if (delivered < POLL_EVENTS_MAX) {
                    projector.flush(); // caught up: commit what is complete, as the live loop does
                }
                drain(waiting, projector.lag().committedSeq(), samples);
                if (now >= nextProgressNs) {
                    out.printf(Locale.ROOT, "  %d events, committed seq %d, %.0f events/s%n", events,
                        projector.committedSeq(), events * 1e9 / (now - start));
                    nextProgressNs += PROGRESS_NS;
                }
                if (delivered == 0) {
                    break;
                }
            }
            final long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            if (!waiting.isEmpty() || projector.lag().eventsBehind() != 0) {
                throw new IllegalStateException("the source ended inside a command: lag=" + projector.lag());
            }
            return result(events, projector.committedSeq(), elapsedMs, samples);
        }
    }

    private static void drain(final ArrayDeque<Handed> waiting, final long committedSeq, final List<Sample> samples) {
        final long now = System.nanoTime();
        while (!waiting.isEmpty() && waiting.peekFirst().lastSeq() <= committedSeq) {
            final Handed handed = waiting.pollFirst();
            samples.add(new Sample(now - handed.atNs(), handed.events()));
        }
    }

    private static Result result(final long events, final long lastSeq, final long elapsedMs,
        final List<Sample> samples) {
        samples.sort(Comparator.comparingLong(Sample::latencyNs));
        return new Result(events, lastSeq, elapsedMs, percentile(samples, events, 0.5),
            percentile(samples, events, 0.99), percentile(samples, events, 0.999),
            samples.isEmpty() ? 0 : samples.get(samples.size() - 1).latencyNs() / 1_000);
    }

    /** The latency (us) that {@code share} of the events waited at most, each sample weighted by its events. */
    private static long percentile(final List<Sample> sorted, final long events, final double share) {
        final double target = share * events;
        long seen = 0;
        for (final Sample sample : sorted) {
            seen += sample.events();
            if (seen >= target) {
                return sample.latencyNs() / 1_000;
            }
        }
        return 0;
    }
}
