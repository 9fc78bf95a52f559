package org.candor.testkit;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds for the seeded property tests (decision 0005). Each property gets its own fixed list of seeds, so CI is
 * repeatable and a failing seed, printed in the test name, replays exactly. {@code -Dcandor.seed=N} explores other
 * seeds and {@code -Dcandor.trials.factor=K} runs K times as many trials.
 */
final class Trials {
    private static final long DEFAULT_BASE_SEED = 0x43414E444F52L;

    private Trials() {
    }

    static LongStream seeds(final String property, final int trials) {
        final long base = Long.getLong("candor.seed", DEFAULT_BASE_SEED) ^ property.hashCode();
        final int factor = Integer.getInteger("candor.trials.factor", 1);
        final SplittableRandom random = new SplittableRandom(base);
        return LongStream.generate(random::nextLong).limit((long) trials * factor);
    }

    /** The parameters of one trial, drawn from its seed. */
    static final class Trial {
        private final SplittableRandom random;

        Trial(final long seed) {
            this.random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        }

        int intIn(final int min, final int max) {
            return random.nextInt(min, max + 1);
        }

        boolean bool() {
            return random.nextBoolean();
        }
    }
}
