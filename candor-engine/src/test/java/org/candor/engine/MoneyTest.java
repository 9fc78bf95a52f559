package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final BigInteger MAX = BigInteger.valueOf(Ledger.AMOUNT_MAX);

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

    @Property
    void multiplyIsTheExactProductOrOverflow(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) final long a,
        @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) final long b) {
        final BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        final long expected = exact.compareTo(MAX) > 0 ? Money.OVERFLOW : exact.longValueExact();
        assertThat(Money.multiply(a, b)).isEqualTo(expected);
    }

    @Property
    void multiplyOfSmallFactorsIsExact(@ForAll @LongRange(min = 0, max = 1L << 31) final long a,
        @ForAll @LongRange(min = 0, max = 1L << 31) final long b) {
        assertThat(Money.multiply(a, b)).isEqualTo(a * b);
    }

    @Property
    void feeFloorIsTheFloorOfTheExactFee(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) final long amount,
        @ForAll @IntRange(min = 0, max = 10_000) final int bps) {
        final long exact = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(bps))
            .divide(BigInteger.valueOf(Money.BPS_PER_UNIT)).longValueExact();
        assertThat(Money.feeFloor(amount, bps)).isEqualTo(exact);
    }

    @Property
    void feePlusNetIsGross(@ForAll @LongRange(min = 0, max = Ledger.AMOUNT_MAX) final long gross,
        @ForAll @IntRange(min = 0, max = MarketSpec.FEE_BPS_MAX) final int bps) {
        final long fee = Money.feeFloor(gross, bps);
        final long net = gross - fee;
        assertThat(fee).isBetween(0L, gross);
        assertThat(net).isNotNegative();
        assertThat(fee + net).isEqualTo(gross);
        assertThat(BigInteger.valueOf(fee).multiply(BigInteger.valueOf(Money.BPS_PER_UNIT)))
            .isLessThanOrEqualTo(BigInteger.valueOf(gross).multiply(BigInteger.valueOf(bps)));
    }
}
