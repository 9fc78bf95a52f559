package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.PRICE_30K;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelfTradePreventionTest {
    private static final long TRADER = 1;
    private static final long OTHER = 3;
    private static final long PRICE_30010 = 30_010 * USDT_UNIT;
    private static final long TRADER_USDT = 100_000 * USDT_UNIT;

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        fx.funded(TRADER, BTC_UNIT, TRADER_USDT);
        fx.funded(OTHER, BTC_UNIT, 0);
    }

    private long buy(final StpMode stp, final long quantity) {
        EngineFixture.accept(fx.place(TRADER, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PRICE_30010, quantity, 0,
            0, stp));
        return fx.lastReference();
    }

    @Test
    void stpNoneTradesWithSelf() {
        fx.sell(TRADER, PRICE_30K, 10_000_000);
        buy(StpMode.NONE, 10_000_000);

        assertThat(fx.events.trades).hasSize(1);
        assertThat(fx.events.trades.get(0).makerUserId()).isEqualTo(TRADER);
        assertThat(fx.events.trades.get(0).takerUserId()).isEqualTo(TRADER);
        fx.assertBuckets(TRADER, BTC, BTC_UNIT - 20_000, 0, 0, 0);
        fx.assertBuckets(TRADER, USDT, TRADER_USDT - 3_000_000, 0, 0, 0);
    }

    @Test
    void expireTakerEndsTheTakerAndKeepsTheMaker() {
        final long own = fx.sell(TRADER, PRICE_30K, 10_000_000);
        fx.sell(OTHER, PRICE_30010, 10_000_000);
        fx.events.clear();

        final long taker = buy(StpMode.EXPIRE_TAKER, 20_000_000);

        assertThat(fx.events.trades).isEmpty();
        assertThat(fx.events.done).containsExactly(new RecordingEvents.Done(taker, OrderEndReason.EXPIRED_STP,
            20_000_000));
        assertThat(fx.engine.orderRemaining(own)).isEqualTo(10_000_000);
        fx.assertBuckets(TRADER, USDT, TRADER_USDT, 0, 0, 0);
        fx.assertBuckets(TRADER, BTC, 90_000_000, 10_000_000, 0, 0);
    }

    @Test
    void expireTakerStillFillsOtherUsersAheadOfTheOwnOrder() {
        fx.sell(OTHER, PRICE_30K, 10_000_000);
        fx.sell(TRADER, PRICE_30K, 10_000_000);

        final long taker = buy(StpMode.EXPIRE_TAKER, 20_000_000);

        assertThat(fx.events.done).last().isEqualTo(new RecordingEvents.Done(taker, OrderEndReason.EXPIRED_STP,
            10_000_000));
        fx.assertBuckets(TRADER, USDT, TRADER_USDT - 3_000_000_000L, 0, 0, 0);
        fx.assertBuckets(TRADER, BTC, 90_000_000 + 10_000_000 - 20_000, 10_000_000, 0, 0);
    }

    @Test
    void expireMakerCancelsTheOwnOrderAndContinuesToOtherMakers() {
        final long own = fx.sell(TRADER, PRICE_30K, 10_000_000);
        final long other = fx.sell(OTHER, PRICE_30010, 10_000_000);
        fx.events.clear();

        final long taker = buy(StpMode.EXPIRE_MAKER, 20_000_000);

        assertThat(fx.events.done).containsExactly(
            new RecordingEvents.Done(own, OrderEndReason.EXPIRED_STP, 10_000_000),
            new RecordingEvents.Done(other, OrderEndReason.FILLED, 0));
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::makerOrderId).containsExactly(other);
        assertThat(fx.engine.orderRemaining(taker)).isEqualTo(10_000_000);
        fx.assertBuckets(TRADER, BTC, BTC_UNIT + 10_000_000 - 20_000, 0, 0, 0);
        fx.assertBuckets(TRADER, USDT, TRADER_USDT - 3_001_000_000L - 3_001_000_000L, 3_001_000_000L, 0, 0);
    }

    @Test
    void expireBothEndsTakerAndMaker() {
        final long own = fx.sell(TRADER, PRICE_30K, 10_000_000);
        fx.sell(OTHER, PRICE_30010, 10_000_000);
        fx.events.clear();

        final long taker = buy(StpMode.EXPIRE_BOTH, 20_000_000);

        assertThat(fx.events.trades).isEmpty();
        assertThat(fx.events.done).containsExactly(
            new RecordingEvents.Done(own, OrderEndReason.EXPIRED_STP, 10_000_000),
            new RecordingEvents.Done(taker, OrderEndReason.EXPIRED_STP, 20_000_000));
        fx.assertBuckets(TRADER, BTC, BTC_UNIT, 0, 0, 0);
        fx.assertBuckets(TRADER, USDT, TRADER_USDT, 0, 0, 0);
        assertThat(fx.engine.openOrderCount(TRADER)).isZero();
    }

    @Test
    void fokWithExpireMakerDoesNotCountOwnOrders() {
        fx.sell(TRADER, PRICE_30K, 10_000_000);
        fx.sell(OTHER, PRICE_30K, 10_000_000);

        EngineFixture.accept(fx.place(TRADER, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, PRICE_30K, 20_000_000, 0,
            0, StpMode.EXPIRE_MAKER));

        assertThat(fx.events.done).last().isEqualTo(new RecordingEvents.Done(fx.lastReference(),
            OrderEndReason.EXPIRED_FOK, 20_000_000));
        assertThat(fx.events.trades).isEmpty();
    }

    @Test
    void marketBuyWithExpireTakerStopsAtItsOwnOrder() {
        fx.sell(TRADER, PRICE_30K, 10_000_000);

        EngineFixture.accept(fx.place(TRADER, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, 3_000_000_000L, 0,
            StpMode.EXPIRE_TAKER));

        assertThat(fx.events.done).last().isEqualTo(new RecordingEvents.Done(fx.lastReference(),
            OrderEndReason.EXPIRED_STP, 3_000_000_000L));
        fx.assertBuckets(TRADER, USDT, TRADER_USDT, 0, 0, 0);
    }

    @Test
    void marketBuyThatSpentItsBudgetLeavesTheOwnOrderBehindItAlone() {
        fx.sell(OTHER, PRICE_30K, 10_000_000);
        final long own = fx.sell(TRADER, PRICE_30010, 10_000_000);
        fx.events.clear();

        EngineFixture.accept(fx.place(TRADER, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, 3_000_000_000L, 0,
            StpMode.EXPIRE_MAKER));

        assertThat(fx.events.done).containsExactly(
            new RecordingEvents.Done(fx.events.trades.get(0).makerOrderId(), OrderEndReason.FILLED, 0),
            new RecordingEvents.Done(fx.lastReference(), OrderEndReason.FILLED, 0));
        assertThat(fx.engine.orderRemaining(own)).isEqualTo(10_000_000);
        fx.assertBuckets(TRADER, BTC, 90_000_000 + 10_000_000 - 20_000, 10_000_000, 0, 0);
    }

    @Test
    void marketBuyWhoseRemainingBudgetBuysNoLotLeavesTheOwnOrderAlone() {
        final long own = fx.sell(TRADER, PRICE_30K, 10_000_000);

        EngineFixture.accept(fx.place(TRADER, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, 2_999_999, 0,
            StpMode.EXPIRE_BOTH));

        assertThat(fx.events.done).last().isEqualTo(new RecordingEvents.Done(fx.lastReference(),
            OrderEndReason.EXPIRED, 2_999_999));
        assertThat(fx.engine.orderRemaining(own)).isEqualTo(10_000_000);
    }
}
