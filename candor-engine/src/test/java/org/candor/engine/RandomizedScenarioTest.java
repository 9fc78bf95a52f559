package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.MARKET;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long random command sequences with a fixed seed. The fixture audits every invariant and the digest after each
 * command, so any command that corrupts the books, the ledger or an index fails here; at the end a snapshot must
 * restore to an engine that continues identically.
 */
class RandomizedScenarioTest {
    private static final int USERS = 6;
    private static final EngineCapacity TIGHT = new EngineCapacity(16, 16, 8, 64, 10, 3, 8, 3, 3, 8, 64);
    private static final EngineCapacity CAPACITY = new EngineCapacity(64, 16, 8, 512, 1024, 40, 512, 8, 8, 8, 64);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomCommandsAtTightCapacitiesKeepEveryInvariantAndRejectsChangeNothing(final long seed) {
        final EngineFixture fx = new EngineFixture(TIGHT);
        for (int user = 1; user <= USERS; user++) {
            fx.funded(user, 5 * BTC_UNIT, 200_000 * USDT_UNIT);
        }
        fx.checkEveryReject();
        final Random random = new Random(seed + 100);
        for (int i = 0; i < 1_500; i++) {
            step(fx, random);
        }
        assertThat(fx.events.results).extracting(RecordingEvents.Result::reason)
            .contains(RejectReason.USER_ORDERS_CAPACITY_REACHED).containsAnyOf(
                RejectReason.MARKET_ORDERS_CAPACITY_REACHED, RejectReason.ORDERS_CAPACITY_REACHED);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomCommandsKeepEveryInvariantAndSnapshotsContinueIdentically(final long seed) {
        final EngineFixture fx = new EngineFixture(CAPACITY);
        for (int user = 1; user <= USERS; user++) {
            fx.funded(user, 20 * BTC_UNIT, 1_000_000 * USDT_UNIT);
        }
        fx.checkEveryReject();
        final Random random = new Random(seed);
        for (int i = 0; i < 1_500; i++) {
            step(fx, random);
        }
        assertThat(fx.events.trades).isNotEmpty();

        final SnapshotWriter out = new SnapshotWriter();
        fx.engine.writeSnapshot(out);
        final RecordingEvents copyEvents = new RecordingEvents();
        final EngineFixture copy = new EngineFixture(Engine.restore(CAPACITY, copyEvents,
            new UnsafeBuffer(out.buffer().byteArray()), 0, out.length()), copyEvents, fx.nextCommandId(), fx.nowMs());
        fx.events.clear();
        final Random left = new Random(seed * 31);
        final Random right = new Random(seed * 31);
        for (int i = 0; i < 300; i++) {
            step(fx, left);
            step(copy, right);
        }
        assertThat(copyEvents.all).isEqualTo(fx.events.all);
        assertThat(copy.engine.digest()).isEqualTo(fx.engine.digest());
    }

    private static long anyOrder(final EngineFixture fx, final Random random) {
        final List<Long> ids = new ArrayList<>(fx.bookIds(Side.BUY));
        ids.addAll(fx.bookIds(Side.SELL));
        return ids.isEmpty() ? 1 : ids.get(random.nextInt(ids.size()));
    }

    private static long price(final Random random) {
        return (30_000 + random.nextInt(21) - 10) * USDT_UNIT;
    }

    private static void step(final EngineFixture fx, final Random random) {
        final long user = 1 + random.nextInt(USERS);
        final int kind = random.nextInt(20);
        if (kind < 10) {
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final TimeInForce tif = TimeInForce.fromCode(random.nextInt(10) < 6 ? 0 : random.nextInt(4));
            final StpMode stp = StpMode.fromCode(random.nextInt(4));
            final long quantity = (1 + random.nextInt(300)) * 100_000L;
            final long clientOrderId = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 0;
            fx.place(user, side, OrderType.LIMIT, tif, price(random), quantity, 0, clientOrderId, stp);
        } else if (kind < 12) {
            final boolean buy = random.nextBoolean();
            fx.place(user, buy ? Side.BUY : Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0,
                buy ? 0 : (1 + random.nextInt(300)) * 100_000L, buy ? (1 + random.nextInt(20_000)) * USDT_UNIT : 0,
                0, StpMode.fromCode(random.nextInt(4)));
        } else if (kind < 14) {
            fx.cancel(user, anyOrder(fx, random));
        } else if (kind < 15) {
            fx.exec((e, c, id, t) -> e.cancelOrder(c, id, t, user, MARKET, 0, 1 + random.nextInt(5)));
        } else if (kind < 16) {
            fx.reduce(user, anyOrder(fx, random), (1 + random.nextInt(200)) * 10_000L);
        } else if (kind < 18) {
            fx.move(user, anyOrder(fx, random), price(random));
        } else if (kind < 19) {
            fx.exec((e, c, id, t) -> e.cancelAllOrders(c, id, t, user, MARKET));
        } else {
            moneyStep(fx, random, user);
        }
    }

    private static void moneyStep(final EngineFixture fx, final Random random, final long user) {
        final int asset = random.nextBoolean() ? BTC : USDT;
        switch (random.nextInt(6)) {
            case 0 -> fx.withdraw(user, asset, 1 + random.nextInt(1_000));
            case 1 -> fx.exec((e, c, id, t) -> e.completeWithdrawal(c, id, t, 1 + random.nextInt(40)));
            case 2 -> fx.exec((e, c, id, t) -> e.cancelWithdrawal(c, id, t, user, 1 + random.nextInt(40)));
            case 3 -> fx.hold(user, asset, 1 + random.nextInt(1_000), HoldReason.SECURITY_LOCK, 9);
            case 4 -> fx.exec((e, c, id, t) -> e.approveHold(c, id, t, 1 + random.nextInt(40), 10));
            default -> fx.exec((e, c, id, t) -> e.releaseHold(c, id, t, 1 + random.nextInt(40), 9));
        }
    }
}
