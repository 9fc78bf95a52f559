package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
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
        assertThat(first).isGreaterThanOrEqualTo(ClientOrderIds.DERIVED_BIT);
    }

    /** Another gateway, or this one restarted, derives the same number and finds the string in the store. */
    @Test
    void aStringSurvivesARestartThroughTheStore() {
        final Map<String, String> saved = new HashMap<>();
        final ClientOrderIdStore store = new ClientOrderIdStore() {
            @Override
            public void save(final long userId, final long number, final String text) {
                saved.put(userId + "/" + number, text);
            }

            @Override
            public String find(final long userId, final long number) {
                return saved.get(userId + "/" + number);
            }
        };
        final ClientOrderIds first = new ClientOrderIds(1_000, store);
        final long number = first.numberFor(7, "grid-bot-42");
        first.save(7, number, "grid-bot-42");
        final ClientOrderIds restarted = new ClientOrderIds(2_000, store);
        assertThat(restarted.knownNumber(7, "grid-bot-42")).isEqualTo(number);
        assertThat(restarted.stringFor(7, number)).isEqualTo("grid-bot-42");
        assertThat(new ClientOrderIds(3_000).stringFor(7, number)).as("without the store")
            .isEqualTo(ClientOrderIds.GENERATED_PREFIX + number);
    }

    @Test
    void anOrderWithoutAStringGetsAGeneratedOneThatCanBeLookedUp() {
        final long number = ids.numberFor(7, null);
        assertThat(ids.stringFor(7, number)).isEqualTo(ClientOrderIds.GENERATED_PREFIX + number);
        assertThat(ids.knownNumber(7, ClientOrderIds.GENERATED_PREFIX + number)).isEqualTo(number);
    }

    @Test
    void aStoreThatFailsIsCountedAndTheOrderGoesOn() {
        final ClientOrderIds failing = new ClientOrderIds(1_000, new ClientOrderIdStore() {
            @Override
            public void save(final long userId, final long number, final String text) {
                throw new IllegalStateException("database down");
            }

            @Override
            public String find(final long userId, final long number) {
                return null;
            }
        });
        final long number = failing.numberFor(7, "grid-bot-43");
        failing.save(7, number, "grid-bot-43");
        assertThat(failing.saveFailures()).isEqualTo(1);
        assertThat(failing.stringFor(7, number)).as("still in memory").isEqualTo("grid-bot-43");
    }

    @Test
    void theGeneratedFormIsNeverAUsersOwnString() {
        assertThatThrownBy(() -> ids.numberFor(7, "candor-5")).isInstanceOf(ApiError.class);
        assertThat(ids.knownNumber(7, "candor-5")).isEqualTo(5);
        assertThat(ids.knownNumber(7, "candor-x")).isEqualTo(-1);
        assertThat(ids.knownNumber(7, "candor-" + ClientOrderIds.DERIVED_BIT)).isEqualTo(-1);
        assertThat(ids.knownNumber(7, "has space")).isEqualTo(-1);
    }

    @Test
    void refusesStringsBinanceWouldRefuse() {
        assertThatThrownBy(() -> ids.numberFor(7, "x".repeat(37))).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> ids.numberFor(7, "has space")).isInstanceOf(ApiError.class);
    }
}
