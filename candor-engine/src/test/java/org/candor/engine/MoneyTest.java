package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact checks of the one multiply and the one rounding rule, with seeded random samples against BigInteger
 * (decision 0005: seeded JUnit properties). Samples are drawn across the whole range, near the amount limit and
 * among small numbers, where overflow and rounding bugs live.
 */
class MoneyTest {
    private static final BigInteger MAX = BigInteger.valueOf(Ledger.AMOUNT_MAX);
    private static final int SAMPLES_PER_SEED = 20_000;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 8);
    }

    /** A non-negative long, a third each from the full range, near the amount limit's square root and small. */
    private static long sample(final SplittableRandom random, final long max) {
        switch (random.nextInt(3)) {
            case 0:
                return random.nextLong(max) + (random.nextBoolean() ? 1 : 0);
            case 1:
                return Math.min(max, (1L << 31) + random.nextLong(-1_000, 1_000));
            default:
                return Math.min(max, random.nextLong(100_000));
        }
    }

    @Test
    void multiplyFitsUpToTheAmountLimitAndOverflowsBeyond() {
        assertThat(Money.multiply(1L << 31, 1L << 31)).isEqualTo(Ledger.AMOUNT_MAX);
        assertThat(Money.multiply(Ledger.AMOUNT_MAX, 1)).isEqualTo(Ledger.AMOUNT_MAX);
        assertThat(Money.multiply(Ledger.AMOUNT_MAX + 1, 1)).isEqualTo(Money.OVERFLOW);
        assertThat(Money.multiply(1L << 31, (1L << 31) + 1)).isEqualTo(Money.OVERFLOW);
        assertThat(Money.multiply(1L << 32, 1L << 32)).isEqualTo(Money.OVERFLOW);
        assertThat(Money.multiply(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Money.OVERFLOW);
        assertThat(Money.multiply(3_000_000, 10_000)).isEqualTo(30_000_000_000L);
        assertThat(Money.multiply(0, Long.MAX_VALUE)).isZero();
    }

    @Test
    void multiplyOfANegativeOperandIsABug() {
        assertThatThrownBy(() -> Money.multiply(-1, 1)).isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> Money.multiply(1, Long.MIN_VALUE)).isInstanceOf(InvariantViolation.class);
    }

    @Test
    void feeFloorRoundsDown() {
        assertThat(Money.feeFloor(3_000_001, 10)).isEqualTo(3_000);
        assertThat(Money.feeFloor(9_999, 1)).isZero();
        assertThat(Money.feeFloor(10_000, 1)).isEqualTo(1);
        assertThat(Money.feeFloor(Long.MAX_VALUE, 10_000)).isEqualTo(Long.MAX_VALUE);
        assertThat(Money.feeFloor(Long.MAX_VALUE, 9_999)).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE)
            .multiply(BigInteger.valueOf(9_999)).divide(BigInteger.valueOf(10_000)).longValueExact());
    }

    @Test
    void feeFloorRejectsImpossibleInputs() {
        assertThatThrownBy(() -> Money.feeFloor(-1, 10)).isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> Money.feeFloor(1, -1)).isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> Money.feeFloor(1, 10_001)).isInstanceOf(InvariantViolation.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void multiplyIsTheExactProductOrOverflow(final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SAMPLES_PER_SEED; i++) {
            final long a = sample(random, Long.MAX_VALUE);
            final long b = sample(random, Long.MAX_VALUE);
            final BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
            final long expected = exact.compareTo(MAX) > 0 ? Money.OVERFLOW : exact.longValueExact();
            assertThat(Money.multiply(a, b)).as("seed %d: %d * %d", seed, a, b).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void feeFloorIsTheFloorOfTheExactFee(final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SAMPLES_PER_SEED; i++) {
            final long amount = sample(random, Long.MAX_VALUE);
            final int bps = random.nextInt(Money.BPS_PER_UNIT + 1);
            final long exact = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(bps))
                .divide(BigInteger.valueOf(Money.BPS_PER_UNIT)).longValueExact();
            assertThat(Money.feeFloor(amount, bps)).as("seed %d: %d at %d bps", seed, amount, bps).isEqualTo(exact);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void feePlusNetIsGross(final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SAMPLES_PER_SEED; i++) {
            final long gross = sample(random, Ledger.AMOUNT_MAX);
            final int bps = random.nextInt(MarketSpec.FEE_BPS_MAX + 1);
            final long fee = Money.feeFloor(gross, bps);
            final long net = gross - fee;
            assertThat(fee).isBetween(0L, gross);
            assertThat(net).isNotNegative();
            assertThat(fee + net).isEqualTo(gross);
            assertThat(BigInteger.valueOf(fee).multiply(BigInteger.valueOf(Money.BPS_PER_UNIT)))
                .isLessThanOrEqualTo(BigInteger.valueOf(gross).multiply(BigInteger.valueOf(bps)));
        }
    }
}
