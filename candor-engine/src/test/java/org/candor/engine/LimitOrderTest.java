package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.PRICE_30K;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LimitOrderTest {
    private static final long SELLER = 1;
    private static final long BUYER = 2;
    private static final long OTHER_SELLER = 3;
    private static final long PRICE_30010 = 30_010 * USDT_UNIT;
    private static final long BUYER_USDT = 100_000 * USDT_UNIT;

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        fx.funded(SELLER, 2 * BTC_UNIT, 0);
        fx.funded(BUYER, 0, BUYER_USDT);
        fx.funded(OTHER_SELLER, BTC_UNIT, 0);
    }

    @Test
    void gtcLimitBuyRestsAndReservesPriceTimesQuantity() {
        final long order = fx.buy(BUYER, PRICE_30K, BTC_UNIT);

        fx.assertBuckets(BUYER, USDT, 70_000 * USDT_UNIT, 30_000 * USDT_UNIT, 0, 0);
        assertThat(fx.book(Side.BUY)).containsExactly(order + "@" + PRICE_30K + "x" + BTC_UNIT);
        assertThat(fx.engine.orderRemaining(order)).isEqualTo(BTC_UNIT);
        assertThat(fx.engine.orderPrice(order)).isEqualTo(PRICE_30K);
        assertThat(fx.engine.openOrderCount(BUYER)).isEqualTo(1);
        assertThat(fx.events.trades).isEmpty();
    }

    @Test
    void gtcLimitSellRestsAndReservesItsQuantity() {
        final long order = fx.sell(SELLER, PRICE_30K, BTC_UNIT / 2);

        fx.assertBuckets(SELLER, BTC, 150_000_000, 50_000_000, 0, 0);
        assertThat(fx.book(Side.SELL)).containsExactly(order + "@" + PRICE_30K + "x" + 50_000_000);
    }

    @Test
    void partialFillsWalkMakersAndLevelsInPriceTimeOrder() {
        final long a1 = fx.sell(SELLER, PRICE_30K, 50_000_000);
        final long a2 = fx.sell(OTHER_SELLER, PRICE_30K, 30_000_000);
        final long a3 = fx.sell(SELLER, PRICE_30010, BTC_UNIT);
        fx.events.clear();

        final long taker = fx.buy(BUYER, PRICE_30010, BTC_UNIT);

        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::makerOrderId).containsExactly(a1, a2, a3);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::price)
            .containsExactly(PRICE_30K, PRICE_30K, PRICE_30010);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::quantity)
            .containsExactly(50_000_000L, 30_000_000L, 20_000_000L);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::quoteAmount)
            .containsExactly(15_000_000_000L, 9_000_000_000L, 6_002_000_000L);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::makerFee)
            .containsExactly(15_000_000L, 9_000_000L, 6_002_000L);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::takerFee)
            .containsExactly(100_000L, 60_000L, 40_000L);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::makerRemaining)
            .containsExactly(0L, 0L, 80_000_000L);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::takerRemaining)
            .containsExactly(50_000_000L, 20_000_000L, 0L);
        assertThat(fx.events.done).containsExactly(
            new RecordingEvents.Done(a1, OrderEndReason.FILLED, 0),
            new RecordingEvents.Done(a2, OrderEndReason.FILLED, 0),
            new RecordingEvents.Done(taker, OrderEndReason.FILLED, 0));

        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 30_002_000_000L, 0, 0, 0);
        fx.assertBuckets(BUYER, BTC, BTC_UNIT - 200_000, 0, 0, 0);
        fx.assertBuckets(SELLER, BTC, 50_000_000, 80_000_000, 0, 0);
        fx.assertBuckets(SELLER, USDT, 20_980_998_000L, 0, 0, 0);
        fx.assertBuckets(OTHER_SELLER, BTC, 70_000_000, 0, 0, 0);
        fx.assertBuckets(OTHER_SELLER, USDT, 8_991_000_000L, 0, 0, 0);
        assertThat(fx.fees(BTC)).isEqualTo(200_000);
        assertThat(fx.fees(USDT)).isEqualTo(30_002_000);
        assertThat(fx.book(Side.SELL)).containsExactly(a3 + "@" + PRICE_30010 + "x" + 80_000_000);
        assertThat(fx.book(Side.BUY)).isEmpty();
        assertThat(fx.engine.openOrderCount(SELLER)).isEqualTo(1);
        assertThat(fx.engine.openOrderCount(OTHER_SELLER)).isZero();
    }

    @Test
    void buyerWithLimitAboveMakerPriceGetsTheDifferenceReleasedImmediately() {
        fx.sell(SELLER, PRICE_30K, BTC_UNIT);
        fx.events.clear();

        final long taker = fx.buy(BUYER, 31_000 * USDT_UNIT, 10_000_000);

        assertThat(fx.events.entries).contains(new RecordingEvents.Entry(USDT, BUYER, Bucket.IN_ORDERS, BUYER,
            Bucket.AVAILABLE, 100_000_000, LedgerCause.ORDER_RELEASED, taker));
        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 3_000_000_000L, 0, 0, 0);
        fx.assertBuckets(BUYER, BTC, 10_000_000 - 20_000, 0, 0, 0);
        fx.assertBuckets(SELLER, USDT, 3_000_000_000L - 3_000_000, 0, 0, 0);
    }

    @Test
    void restingBuyRemainderKeepsReservationAtItsOwnLimit() {
        fx.sell(SELLER, PRICE_30K, 10_000_000);

        final long taker = fx.buy(BUYER, 31_000 * USDT_UNIT, 30_000_000);

        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 3_000_000_000L - 6_200_000_000L, 6_200_000_000L, 0, 0);
        assertThat(fx.engine.orderRemaining(taker)).isEqualTo(20_000_000);
    }

    @Test
    void iocRemainderExpiresAndReleasesItsReservation() {
        final long maker = fx.sell(SELLER, PRICE_30K, 30_000_000);
        fx.events.clear();

        final long taker = fx.limit(BUYER, Side.BUY, TimeInForce.IOC, PRICE_30K, BTC_UNIT);

        assertThat(fx.events.trades).hasSize(1);
        assertThat(fx.events.done).containsExactly(new RecordingEvents.Done(maker, OrderEndReason.FILLED, 0),
            new RecordingEvents.Done(taker, OrderEndReason.EXPIRED, 70_000_000));
        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 9_000_000_000L, 0, 0, 0);
        fx.assertBuckets(BUYER, BTC, 30_000_000 - 60_000, 0, 0, 0);
        assertThat(fx.book(Side.BUY)).isEmpty();
        assertThat(fx.engine.openOrderCount(BUYER)).isZero();
    }

    @Test
    void fokWithoutEnoughLiquidityExpiresWithNoTradeAndNoBalanceChange() {
        final long maker = fx.sell(SELLER, PRICE_30K, 30_000_000);
        final long sellerInOrders = fx.inOrders(SELLER, BTC);
        fx.events.clear();

        final long taker = fx.limit(BUYER, Side.BUY, TimeInForce.FOK, PRICE_30K, BTC_UNIT);

        assertThat(fx.events.trades).isEmpty();
        assertThat(fx.events.entries).isEmpty();
        assertThat(fx.events.done).containsExactly(new RecordingEvents.Done(taker, OrderEndReason.EXPIRED_FOK,
            BTC_UNIT));
        fx.assertBuckets(BUYER, USDT, BUYER_USDT, 0, 0, 0);
        assertThat(fx.inOrders(SELLER, BTC)).isEqualTo(sellerInOrders);
        assertThat(fx.engine.orderRemaining(maker)).isEqualTo(30_000_000);
    }

    @Test
    void fokThatCanFillWholeFillsAcrossLevels() {
        fx.sell(SELLER, PRICE_30K, 50_000_000);
        fx.sell(OTHER_SELLER, PRICE_30010, 50_000_000);
        fx.events.clear();

        final long taker = fx.limit(BUYER, Side.BUY, TimeInForce.FOK, PRICE_30010, BTC_UNIT);

        assertThat(fx.events.trades).hasSize(2);
        assertThat(fx.events.done).last().isEqualTo(new RecordingEvents.Done(taker, OrderEndReason.FILLED, 0));
        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 15_000_000_000L - 15_005_000_000L, 0, 0, 0);
        fx.assertBuckets(BUYER, BTC, BTC_UNIT - 200_000, 0, 0, 0);
    }

    @Test
    void fokDoesNotCountLiquidityBeyondItsLimit() {
        fx.sell(SELLER, PRICE_30K, 50_000_000);
        fx.sell(OTHER_SELLER, PRICE_30010, 50_000_000);

        final long taker = fx.limit(BUYER, Side.BUY, TimeInForce.FOK, PRICE_30K, BTC_UNIT);

        assertThat(fx.events.done).last().isEqualTo(new RecordingEvents.Done(taker, OrderEndReason.EXPIRED_FOK,
            BTC_UNIT));
        fx.assertBuckets(BUYER, USDT, BUYER_USDT, 0, 0, 0);
    }

    @Test
    void postOnlyRestsWhenItDoesNotCross() {
        fx.sell(SELLER, PRICE_30K, BTC_UNIT);

        final long order = fx.limit(BUYER, Side.BUY, TimeInForce.POST_ONLY, 29_990 * USDT_UNIT, BTC_UNIT);

        assertThat(fx.engine.orderPrice(order)).isEqualTo(29_990 * USDT_UNIT);
        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 29_990 * USDT_UNIT, 29_990 * USDT_UNIT, 0, 0);
    }

    @Test
    void rejectsPostOnlyThatWouldTake() {
        fx.sell(SELLER, PRICE_30K, BTC_UNIT);

        fx.assertRejectedWithoutChange(RejectReason.POST_ONLY_WOULD_TAKE, (e, c, id, t) -> e.placeOrder(c, id, t,
            BUYER, EngineFixture.MARKET, Side.BUY, OrderType.LIMIT, TimeInForce.POST_ONLY, PRICE_30K, BTC_UNIT, 0,
            0, StpMode.NONE));
        fx.assertBuckets(BUYER, USDT, BUYER_USDT, 0, 0, 0);
    }

    @Test
    void sellTakerGetsTheBidPriceNotItsLimit() {
        fx.buy(BUYER, PRICE_30010, 10_000_000);

        fx.limit(SELLER, Side.SELL, TimeInForce.GTC, PRICE_30K, 10_000_000);

        fx.assertBuckets(SELLER, USDT, 3_001_000_000L - 6_002_000, 0, 0, 0);
        fx.assertBuckets(BUYER, BTC, 10_000_000 - 10_000, 0, 0, 0);
        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 3_001_000_000L, 0, 0, 0);
    }
}
