package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.PRICE_30K;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReduceAndMoveTest {
    private static final long SELLER = 1;
    private static final long BUYER = 2;
    private static final long OTHER_SELLER = 3;
    private static final long PRICE_30010 = 30_010 * USDT_UNIT;
    private static final long PRICE_29990 = 29_990 * USDT_UNIT;
    private static final long BUYER_USDT = 100_000 * USDT_UNIT;

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        fx.funded(SELLER, BTC_UNIT, 0);
        fx.funded(BUYER, 0, BUYER_USDT);
        fx.funded(OTHER_SELLER, BTC_UNIT, 0);
    }

    @Test
    void reducedOrderKeepsItsPriorityAndStillFillsFirst() {
        final long first = fx.sell(SELLER, PRICE_30K, 30_000_000);
        final long second = fx.sell(OTHER_SELLER, PRICE_30K, 30_000_000);

        EngineFixture.accept(fx.reduce(SELLER, first, 10_000_000));

        assertThat(fx.bookIds(Side.SELL)).containsExactly(first, second);
        assertThat(fx.engine.orderRemaining(first)).isEqualTo(20_000_000);
        fx.assertBuckets(SELLER, BTC, 80_000_000, 20_000_000, 0, 0);
        final long[] level = new long[2];
        fx.engine.forEachLevel(EngineFixture.MARKET, Side.SELL, 5, (price, quantity, orders) -> {
            level[0] = quantity;
            level[1] = orders;
        });
        assertThat(level).containsExactly(50_000_000, 2);

        fx.buy(BUYER, PRICE_30K, 20_000_000);

        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::makerOrderId).containsExactly(first);
        assertThat(fx.bookIds(Side.SELL)).containsExactly(second);
        fx.assertBuckets(SELLER, BTC, 80_000_000, 0, 0, 0);
    }

    @Test
    void reducingABuyReleasesItsQuoteAtTheOrderPrice() {
        final long order = fx.buy(BUYER, PRICE_30K, 30_000_000);

        EngineFixture.accept(fx.reduce(BUYER, order, 10_000_000));

        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 6_000_000_000L, 6_000_000_000L, 0, 0);
    }

    @Test
    void reduceByRemainingOrMoreCancels() {
        final long order = fx.sell(SELLER, PRICE_30K, 30_000_000);
        fx.events.clear();

        EngineFixture.accept(fx.reduce(SELLER, order, 50_000_000));

        assertThat(fx.events.done).containsExactly(new RecordingEvents.Done(order, OrderEndReason.CANCELLED,
            30_000_000));
        assertThat(fx.engine.orderRemaining(order)).isEqualTo(-1);
        fx.assertBuckets(SELLER, BTC, BTC_UNIT, 0, 0, 0);
        assertThat(fx.engine.openOrderCount(SELLER)).isZero();
    }

    @Test
    void rejectsReduceByZeroOrOffLot() {
        final long order = fx.sell(SELLER, PRICE_30K, 30_000_000);

        fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT,
            (e, c, id, t) -> e.reduceOrder(c, id, t, SELLER, EngineFixture.MARKET, order, 0));
        fx.assertRejectedWithoutChange(RejectReason.QUANTITY_NOT_ON_LOT,
            (e, c, id, t) -> e.reduceOrder(c, id, t, SELLER, EngineFixture.MARKET, order, 10_001));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ORDER,
            (e, c, id, t) -> e.reduceOrder(c, id, t, OTHER_SELLER, EngineFixture.MARKET, order, 10_000));
    }

    @Test
    void movedOrderLosesPriorityAndGoesBehindOrdersAtTheNewPrice() {
        final long moved = fx.sell(SELLER, PRICE_30010, 30_000_000);
        final long waiting = fx.sell(OTHER_SELLER, PRICE_30K, 30_000_000);

        EngineFixture.accept(fx.move(SELLER, moved, PRICE_30K));

        assertThat(fx.bookIds(Side.SELL)).containsExactly(waiting, moved);
        assertThat(fx.engine.orderPrice(moved)).isEqualTo(PRICE_30K);
        fx.buy(BUYER, PRICE_30K, 30_000_000);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::makerOrderId).containsExactly(waiting);
    }

    @Test
    void moveThatCrossesTradesAsTaker() {
        final long bid = fx.buy(BUYER, PRICE_29990, 30_000_000);
        final long ask = fx.sell(SELLER, PRICE_30010, 10_000_000);
        fx.events.clear();

        EngineFixture.accept(fx.move(SELLER, ask, PRICE_29990));

        assertThat(fx.events.trades).hasSize(1);
        final RecordingEvents.Trade trade = fx.events.trades.get(0);
        assertThat(trade.makerOrderId()).isEqualTo(bid);
        assertThat(trade.takerOrderId()).isEqualTo(ask);
        assertThat(trade.quoteAmount()).isEqualTo(2_999_000_000L);
        assertThat(trade.takerFee()).isEqualTo(5_998_000);
        assertThat(trade.makerFee()).isEqualTo(10_000);
        fx.assertBuckets(SELLER, BTC, 90_000_000, 0, 0, 0);
        fx.assertBuckets(SELLER, USDT, 2_999_000_000L - 5_998_000, 0, 0, 0);
        fx.assertBuckets(BUYER, BTC, 10_000_000 - 10_000, 0, 0, 0);
        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 3 * 2_999_000_000L, 2 * 2_999_000_000L, 0, 0);
    }

    @Test
    void buyMovedAboveTheBestAskTradesAndRestsTheRemainder() {
        fx.sell(SELLER, PRICE_30K, 10_000_000);
        final long bid = fx.buy(BUYER, PRICE_29990, 30_000_000);

        EngineFixture.accept(fx.move(BUYER, bid, PRICE_30010));

        assertThat(fx.events.trades).hasSize(1);
        assertThat(fx.engine.orderRemaining(bid)).isEqualTo(20_000_000);
        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 3_000_000_000L - 6_002_000_000L, 6_002_000_000L, 0, 0);
    }

    @Test
    void rejectsPostOnlyMoveThatWouldCross() {
        fx.buy(BUYER, PRICE_30K, 10_000_000);
        final long ask = fx.limit(SELLER, Side.SELL, TimeInForce.POST_ONLY, PRICE_30010, 10_000_000);

        fx.assertRejectedWithoutChange(RejectReason.POST_ONLY_WOULD_TAKE,
            (e, c, id, t) -> e.moveOrder(c, id, t, SELLER, EngineFixture.MARKET, ask, PRICE_30K));
        assertThat(fx.engine.orderPrice(ask)).isEqualTo(PRICE_30010);
    }

    @Test
    void rejectsBuyMoveUpThatNeedsMoreFundsThanAvailable() {
        fx.funded(9, 0, 3_000_000_000L);
        final long bid = fx.buy(9, PRICE_30K, 10_000_000);

        fx.assertRejectedWithoutChange(RejectReason.INSUFFICIENT_FUNDS,
            (e, c, id, t) -> e.moveOrder(c, id, t, 9, EngineFixture.MARKET, bid, PRICE_30010));
        fx.assertBuckets(9, USDT, 0, 3_000_000_000L, 0, 0);
    }

    @Test
    void buyMovedDownReleasesTheDifference() {
        final long bid = fx.buy(BUYER, PRICE_30K, 10_000_000);

        EngineFixture.accept(fx.move(BUYER, bid, PRICE_29990));

        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 2_999_000_000L, 2_999_000_000L, 0, 0);
    }

    @Test
    void rejectsMovesToTheSamePriceOffTickOrOfAnotherUsersOrder() {
        final long bid = fx.buy(BUYER, PRICE_30K, 10_000_000);

        fx.assertRejectedWithoutChange(RejectReason.PRICE_UNCHANGED,
            (e, c, id, t) -> e.moveOrder(c, id, t, BUYER, EngineFixture.MARKET, bid, PRICE_30K));
        fx.assertRejectedWithoutChange(RejectReason.PRICE_NOT_ON_TICK,
            (e, c, id, t) -> e.moveOrder(c, id, t, BUYER, EngineFixture.MARKET, bid, PRICE_30K + 1));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ORDER,
            (e, c, id, t) -> e.moveOrder(c, id, t, SELLER, EngineFixture.MARKET, bid, PRICE_29990));
        fx.assertRejectedWithoutChange(RejectReason.NOTIONAL_TOO_SMALL,
            (e, c, id, t) -> e.moveOrder(c, id, t, BUYER, EngineFixture.MARKET, bid, 10_000));
    }
}
