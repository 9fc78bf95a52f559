package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecimalsTest {
    @Test
    void convertsDecimalStringsToMinorUnitsExactly() {
        assertThat(Decimals.toMinor("price", "30000.25", 2)).isEqualTo(3_000_025);
        assertThat(Decimals.toMinor("qty", "0.001", 8)).isEqualTo(100_000);
        assertThat(Decimals.toMinor("qty", "1", 8)).isEqualTo(100_000_000);
        assertThat(Decimals.toMinor("qty", "0.10000000000", 2)).isEqualTo(10);
        assertThat(Decimals.toMinor("qty", ".5", 1)).isEqualTo(5);
        assertThat(Decimals.toMinor("qty", "92233720368547758.07", 2)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesExcessPrecisionInsteadOfRounding() {
        assertThatThrownBy(() -> Decimals.toMinor("price", "1.005", 2))
            .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(-1111))
            .hasMessageContaining("'price'");
    }

    @Test
    void refusesSignsExponentsGarbageAndOverflow() {
        for (final String bad : new String[] {"-1", "+1", "1e3", "1.2.3", "", ".", " 1", "0x10", "NaN",
            "92233720368547758.08"}) {
            assertThatThrownBy(() -> Decimals.toMinor("quantity", bad, 2)).as(bad)
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(-1100));
        }
    }

    @Test
    void formatsMinorUnitsWithEveryDecimalOfTheScale() {
        assertThat(Decimals.format(3_000_025, 2)).isEqualTo("30000.25");
        assertThat(Decimals.format(100_000, 8)).isEqualTo("0.00100000");
        assertThat(Decimals.format(0, 8)).isEqualTo("0.00000000");
        assertThat(Decimals.format(7, 0)).isEqualTo("7");
    }
}
