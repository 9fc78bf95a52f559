package org.candor.notifications;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.candor.engine.EngineCapacity;
import org.candor.readmodel.EncodedEventLog;
import org.candor.testkit.RecordingEvents;
import org.candor.testkit.Universe;
import org.candor.testkit.Workload;

/**
 * Seeded workloads of candor-testkit run through a real engine: their events SBE-encoded in memory (the journal's
 * bytes) and, for checks, recorded as records. Seeds as in the other modules (decision 0005): a fixed list per test,
 * {@code -Dcandor.seed=N} to explore others.
 */
final class Workloads {
    static final EngineCapacity CAPACITY = EngineCapacity.small();
    private static final long DEFAULT_BASE_SEED = 0x4E4F54494659L;

    private Workloads() {
    }

    static LongStream seeds(final String test, final int count) {
        final long base = Long.getLong("candor.seed", DEFAULT_BASE_SEED) ^ test.hashCode();
        return new SplittableRandom(base).longs(count);
    }

    static Workload workload(final long seed, final int commands) {
        return Workload.generate(seed, Universe.standard(6, 3), CAPACITY, commands);
    }

    /** The workload's events as the journal holds them. */
    static EncodedEventLog encoded(final Workload workload) {
        final EncodedEventLog log = new EncodedEventLog();
        workload.run(CAPACITY, log.appender());
        return log;
    }

    /** The same events as records (the engine is deterministic, so a second run says the same). */
    static RecordingEvents recorded(final Workload workload) {
        final RecordingEvents recording = new RecordingEvents();
        workload.run(CAPACITY, recording);
        return recording;
    }
}
