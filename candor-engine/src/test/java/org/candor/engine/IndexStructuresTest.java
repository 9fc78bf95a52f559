package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.CLIENT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The engine's own data structures against simple models, including growth and wrap-around. */
class IndexStructuresTest {

    @Test
    void clientOrderIndexAgreesWithAMapThroughGrowthAndDeletions() {
        final ClientOrderIndex index = new ClientOrderIndex(4);
        final Map<Long, Integer> model = new HashMap<>();
        final Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            final int user = random.nextInt(8);
            final long clientOrderId = 1 + random.nextInt(200);
            final long key = (long) user << 32 | clientOrderId;
            if (model.containsKey(key)) {
                assertThat(index.get(user, clientOrderId)).isEqualTo(model.get(key));
                if (random.nextInt(3) > 0) {
                    index.remove(user, clientOrderId);
                    model.remove(key);
                }
            } else {
                assertThat(index.get(user, clientOrderId)).isEqualTo(OrderStore.NONE);
                index.put(user, clientOrderId, i);
                model.put(key, i);
            }
            assertThat(index.size()).isEqualTo(model.size());
        }
        model.forEach((key, slot) -> assertThat(index.get((int) (key >>> 32), key & 0xFFFF_FFFFL)).isEqualTo(slot));
    }

    @Test
    void commandMemoryFindsResendsAfterItsRingWrapsAround() {
        final EngineFixture fx = new EngineFixture(new EngineCapacity(64, 16, 8, 512, 1024, 64, 512, 64, 64, 8, 4));
        for (int user = 1; user <= 10; user++) {
            EngineFixture.accept(fx.user(user));
        }
        final long last = fx.nextCommandId() - 1;
        for (long id = last - 3; id <= last; id++) {
            final long original = id;
            final RecordingEvents.Result result = fx.events.results.stream()
                .filter(r -> r.commandId() == original && !r.duplicate()).findFirst().orElseThrow();
            assertThat(fx.execAs(CLIENT, id, (e, c, cid, t) -> e.createUser(c, cid, t, 99)))
                .isEqualTo(RejectReason.NONE);
            assertThat(fx.events.lastResult().duplicate()).isTrue();
            assertThat(fx.events.lastResult().reference()).isEqualTo(result.reference());
            assertThat(fx.events.lastResult().firstSeq()).isEqualTo(result.firstSeq());
        }
        assertThat(fx.execAs(CLIENT, last - 4, (e, c, cid, t) -> e.createUser(c, cid, t, 99)))
            .isEqualTo(RejectReason.STALE_COMMAND_ID);
        assertThat(fx.engine.userExists(99)).isFalse();
    }

    @Test
    void booksWithManyLevelsStaySortedAsLevelsComeAndGo() {
        final EngineFixture fx = new EngineFixture(new EngineCapacity(64, 16, 8, 512, 1024, 512, 512, 64, 64, 8,
            1024));
        fx.funded(1, 100 * BTC_UNIT, 10_000_000 * USDT_UNIT);
        final Random random = new Random(5);
        final long[] bids = new long[150];
        final long[] asks = new long[150];
        for (int i = 0; i < 150; i++) {
            final int offset = random.nextInt(1_000);
            bids[i] = fx.buy(1, (20_000 + offset) * USDT_UNIT, 1_000_000);
            asks[i] = fx.sell(1, (40_000 + offset) * USDT_UNIT, 1_000_000);
        }
        for (int i = 0; i < 150; i += 2) {
            EngineFixture.accept(fx.cancel(1, bids[i]));
            EngineFixture.accept(fx.cancel(1, asks[i]));
        }
        final long[] previous = {Long.MAX_VALUE};
        fx.engine.forEachLevel(EngineFixture.MARKET, Side.BUY, 1_000, (price, quantity, orders) -> {
            assertThat(price).isLessThan(previous[0]);
            previous[0] = price;
        });
        assertThat(fx.bookIds(Side.BUY)).hasSize(75);
        assertThat(fx.bookIds(Side.SELL)).hasSize(75);
    }

    @Test
    void orderStoreGrowsBeyondItsInitialSlotsAndSnapshotsKeepTheLayout() {
        final EngineCapacity capacity = new EngineCapacity(64, 16, 8, 512, 3_000, 3_000, 3_000, 64, 64, 8, 1024);
        final EngineFixture fx = new EngineFixture(capacity);
        fx.funded(1, 100 * BTC_UNIT, 0);
        for (int i = 0; i < 1_100; i++) {
            fx.sell(1, (30_000 + i) * USDT_UNIT, 10_000);
        }
        assertThat(fx.engine.orders.capacity()).isEqualTo(2_048);
        final SnapshotWriter out = new SnapshotWriter();
        fx.engine.writeSnapshot(out);
        final RecordingEvents copyEvents = new RecordingEvents();
        final Engine copy = Engine.restore(capacity, copyEvents, new UnsafeBuffer(out.buffer().byteArray()), 0,
            out.length());
        assertThat(copy.digest()).isEqualTo(fx.engine.digest());
        fx.events.clear();
        fx.sell(1, 29_000 * USDT_UNIT, 10_000);
        copy.placeOrder(CLIENT, fx.nextCommandId() - 1, fx.nowMs(), 1, EngineFixture.MARKET, Side.SELL,
            OrderType.LIMIT, TimeInForce.GTC, 29_000 * USDT_UNIT, 10_000, 0, 0, StpMode.NONE);
        assertThat(copyEvents.all).isEqualTo(fx.events.all);
    }
}
