package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {
    private final ClientOrderIds ids = new ClientOrderIds(1_000);

    @Test
    void theSameStringOfTheSameUserAlwaysGetsTheSameNumber() {
        final long first = ids.numberFor(7, "x-R4BD3S82abc");
        assertThat(ids.numberFor(7, "x-R4BD3S82abc")).isEqualTo(first);
        assertThat(ids.numberFor(8, "x-R4BD3S82abc")).isNotEqualTo(first);
        assertThat(ids.stringFor(7, first)).isEqualTo("x-R4BD3S82abc");
        assertThat(ids.knownNumber(7, "x-R4BD3S82abc")).isEqualTo(first);
        assertThat(ids.knownNumber(8, "never")).isEqualTo(-1);
    }

    @Test
    void anOrderWithoutAStringGetsAGeneratedOneThatCanBeLookedUp() {
        final long number = ids.numberFor(7, null);
        assertThat(ids.stringFor(7, number)).isEqualTo(ClientOrderIds.GENERATED_PREFIX + number);
        assertThat(ids.knownNumber(7, ClientOrderIds.GENERATED_PREFIX + number)).isEqualTo(number);
    }

    @Test
    void aUsersOwnStringWinsOverTheGeneratedForm() {
        final long number = ids.numberFor(7, "candor-5");
        assertThat(ids.knownNumber(7, "candor-5")).isEqualTo(number).isNotEqualTo(5);
    }

    @Test
    void refusesStringsBinanceWouldRefuse() {
        assertThatThrownBy(() -> ids.numberFor(7, "x".repeat(37))).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> ids.numberFor(7, "has space")).isInstanceOf(ApiError.class);
    }
}
