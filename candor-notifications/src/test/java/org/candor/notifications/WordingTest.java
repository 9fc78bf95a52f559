package org.candor.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Amounts move the decimal point exactly; times read in UTC. */
class WordingTest {
    @Test
    void amountsAreMinorUnitsWithTheDecimalPointMovedAndTrailingZerosDropped() {
        assertThat(Wording.amount(150_000_000L, 8)).isEqualTo("1.5");
        assertThat(Wording.amount(100_000_000L, 8)).isEqualTo("1");
        assertThat(Wording.amount(1, 8)).isEqualTo("0.00000001");
        assertThat(Wording.amount(0, 6)).isEqualTo("0");
        assertThat(Wording.amount(-2_500_000L, 6)).isEqualTo("-2.5");
        assertThat(Wording.amount(12_345, 0)).isEqualTo("12345");
        assertThat(Wording.amount(Long.MAX_VALUE, 18)).isEqualTo("9.223372036854775807");
        assertThat(Wording.amount(Long.MIN_VALUE, 2)).isEqualTo("-92233720368547758.08");
    }

    @Test
    void refusesAScaleNoLongCanCarry() {
        assertThatThrownBy(() -> Wording.amount(1, 19)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wording.amount(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesAreUtcToTheMinute() {
        assertThat(Wording.time(0)).isEqualTo("1970-01-01 00:00 UTC");
        assertThat(Wording.time(1_796_133_900_000L)).isEqualTo("2026-12-01 14:05 UTC");
    }
}
