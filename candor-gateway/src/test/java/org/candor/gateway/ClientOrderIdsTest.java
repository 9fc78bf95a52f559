package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.candor.engine.OrderType;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {
    private final ClientOrderIds ids = new ClientOrderIds(1_000);

    @Test
    void theSameStringOfTheSameUserAlwaysGetsTheSameNumber() {
        final long first = ids.numberFor(7, "x-R4BD3S82abc");
        assertThat(ids.numberFor(7, "x-R4BD3S82abc")).isEqualTo(first);
        assertThat(ids.numberFor(8, "x-R4BD3S82abc")).isNotEqualTo(first);
        assertThat(ids.knownNumber(7, "x-R4BD3S82abc")).isEqualTo(first);
        assertThat(first).isGreaterThanOrEqualTo(ClientOrderIds.DERIVED_BIT);
    }

    /** An order record shows the label it came with from the log, whatever the store holds. */
    @Test
    void aRecordShowsItsLabel() {
        final long number = ids.numberFor(7, "grid-bot-42");
        assertThat(ids.stringFor(record(7, number, "grid-bot-42"))).isEqualTo("grid-bot-42");
        assertThat(ids.stringFor(record(7, number, null))).as("no label, no store")
            .isEqualTo(ClientOrderIds.GENERATED_PREFIX + number);
    }

    /** An order placed before labels shows the string its gateway saved then; each string is asked for once. */
    @Test
    void aRecordWithoutALabelShowsTheStringSavedBeforeLabels() {
        final long number = ClientOrderIds.derived(7, "grid-bot-42");
        final Map<String, String> saved = new HashMap<>(Map.of(7 + "/" + number, "grid-bot-42"));
        final AtomicInteger asked = new AtomicInteger();
        final ClientOrderIds withStore = new ClientOrderIds(1_000, (userId, n) -> {
            asked.incrementAndGet();
            return saved.get(userId + "/" + n);
        });
        assertThat(withStore.stringFor(record(7, number, null))).isEqualTo("grid-bot-42");
        assertThat(withStore.stringFor(record(7, number, null))).isEqualTo("grid-bot-42");
        assertThat(asked).hasValue(1);
        assertThat(withStore.stringFor(record(8, number, null))).isEqualTo(ClientOrderIds.GENERATED_PREFIX + number);
    }

    @Test
    void anOrderWithoutAStringGetsAGeneratedOneThatCanBeLookedUp() {
        final ClientOrderIds failing = new ClientOrderIds(1_000, (userId, n) -> {
            throw new AssertionError("a counter number is never looked up");
        });
        final long number = failing.numberFor(7, null);
        assertThat(failing.stringFor(record(7, number, null))).isEqualTo(ClientOrderIds.GENERATED_PREFIX + number);
        assertThat(failing.knownNumber(7, ClientOrderIds.GENERATED_PREFIX + number)).isEqualTo(number);
    }

    @Test
    void theGeneratedFormIsNeverAUsersOwnString() {
        assertThatThrownBy(() -> ids.numberFor(7, "candor-5")).isInstanceOf(ApiError.class);
        assertThat(ids.knownNumber(7, "candor-5")).isEqualTo(5);
        assertThat(ids.knownNumber(7, "candor-x")).isEqualTo(-1);
        assertThat(ids.knownNumber(7, "candor-" + ClientOrderIds.DERIVED_BIT)).isEqualTo(-1);
        assertThat(ids.knownNumber(7, "has space")).isEqualTo(-1);
    }

    private static OrderRecord record(final long userId, final long clientOrderId, final String label) {
        return new OrderRecord(1, userId, 1, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 1, 1, 0,
            clientOrderId, 0, 0, OrderStatus.NEW, 0, 0, label);
    }

    @Test
    void refusesStringsBinanceWouldRefuse() {
        assertThatThrownBy(() -> ids.numberFor(7, "x".repeat(37))).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> ids.numberFor(7, "has space")).isInstanceOf(ApiError.class);
    }
}
