package org.candor.chain;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds for this module's seeded property tests (decision 0005), as in the testkit: a fixed list per property,
 * {@code -Dcandor.seed=N} to explore others, {@code -Dcandor.trials.factor=K} for K times as many. A failing seed
 * is in the test's name and replays exactly, since the simulated chains are deterministic.
 */
final class Seeds {
    private static final long DEFAULT_BASE_SEED = 0x43414E444F52L;

    private Seeds() {
    }

    static LongStream of(final String property, final int trials) {
        final long base = Long.getLong("candor.seed", DEFAULT_BASE_SEED) ^ property.hashCode();
        final int factor = Integer.getInteger("candor.trials.factor", 1);
        final SplittableRandom random = new SplittableRandom(base);
        return LongStream.generate(random::nextLong).limit((long) trials * factor);
    }
}
