package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.MARKET;
import static org.candor.engine.EngineFixture.PRICE_30K;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderValidationTest {
    private static final long SELLER = 1;
    private static final long BUYER = 2;
    private static final long BUYER_USDT = 100_000 * USDT_UNIT;

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        fx.funded(SELLER, BTC_UNIT, 0);
        fx.funded(BUYER, 0, BUYER_USDT);
    }

    private void rejectsLimit(final RejectReason reason, final long userId, final int marketId, final Side side,
        final long price, final long quantity) {
        fx.assertRejectedWithoutChange(reason, (e, c, id, t) -> e.placeOrder(c, id, t, userId, marketId, side,
            OrderType.LIMIT, TimeInForce.GTC, price, quantity, 0, 0, StpMode.NONE));
    }

    @Test
    void rejectsPriceTimesQuantityOverflow() {
        rejectsLimit(RejectReason.NOTIONAL_OVERFLOW, BUYER, MARKET, Side.BUY, 9_000_000_000_000_000_000L,
            100_000_000_000L);
        rejectsLimit(RejectReason.NOTIONAL_OVERFLOW, BUYER, MARKET, Side.BUY, 5_000_000_000_000_000_000L,
            100_000_000L);
    }

    @Test
    void rejectsTickAndLotViolations() {
        rejectsLimit(RejectReason.PRICE_NOT_ON_TICK, BUYER, MARKET, Side.BUY, PRICE_30K + 1, BTC_UNIT);
        rejectsLimit(RejectReason.QUANTITY_NOT_ON_LOT, BUYER, MARKET, Side.BUY, PRICE_30K, BTC_UNIT + 1);
        rejectsLimit(RejectReason.INVALID_PRICE, BUYER, MARKET, Side.BUY, 0, BTC_UNIT);
        rejectsLimit(RejectReason.INVALID_PRICE, BUYER, MARKET, Side.BUY, -PRICE_30K, BTC_UNIT);
    }

    @Test
    void rejectsQuantityBelowMinimumOrAboveMaximum() {
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.createMarket(c, id, t, 2, "BTCUSDT2", BTC, USDT, 10_000,
            10_000, 100_000, 1_000_000, 1_000_000, 10, 20)));

        rejectsLimit(RejectReason.QUANTITY_TOO_SMALL, BUYER, 2, Side.BUY, PRICE_30K, 90_000);
        rejectsLimit(RejectReason.QUANTITY_TOO_SMALL, BUYER, MARKET, Side.BUY, PRICE_30K, 0);
        rejectsLimit(RejectReason.QUANTITY_TOO_LARGE, BUYER, 2, Side.BUY, PRICE_30K, 1_010_000);
        rejectsLimit(RejectReason.QUANTITY_TOO_LARGE, BUYER, MARKET, Side.BUY, PRICE_30K, 100_000_010_000L);
    }

    @Test
    void rejectsNotionalBelowMinimum() {
        rejectsLimit(RejectReason.NOTIONAL_TOO_SMALL, BUYER, MARKET, Side.BUY, USDT_UNIT, 10_000);
        rejectsLimit(RejectReason.NOTIONAL_TOO_SMALL, SELLER, MARKET, Side.SELL, 99_990_000, 1_000_000);
    }

    @Test
    void acceptsNotionalExactlyAtMinimum() {
        fx.buy(BUYER, 100 * USDT_UNIT, 1_000_000);

        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 1_000_000, 1_000_000, 0, 0);
    }

    @Test
    void rejectsOrderWhenFundsAreInsufficient() {
        rejectsLimit(RejectReason.INSUFFICIENT_FUNDS, BUYER, MARKET, Side.BUY, PRICE_30K, 4 * BTC_UNIT);
        rejectsLimit(RejectReason.INSUFFICIENT_FUNDS, SELLER, MARKET, Side.SELL, PRICE_30K, BTC_UNIT + 10_000);
        rejectsLimit(RejectReason.INSUFFICIENT_FUNDS, SELLER, MARKET, Side.BUY, PRICE_30K, 10_000);
    }

    @Test
    void rejectsUnknownMarketUserAndAsset() {
        rejectsLimit(RejectReason.UNKNOWN_MARKET, BUYER, 5, Side.BUY, PRICE_30K, BTC_UNIT);
        rejectsLimit(RejectReason.UNKNOWN_MARKET, BUYER, -1, Side.BUY, PRICE_30K, BTC_UNIT);
        rejectsLimit(RejectReason.UNKNOWN_USER, 99, MARKET, Side.BUY, PRICE_30K, BTC_UNIT);
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ASSET,
            (e, c, id, t) -> e.deposit(c, id, t, BUYER, 9, 1_000, 1));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_USER,
            (e, c, id, t) -> e.deposit(c, id, t, 99, BTC, 1_000, 2));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_MARKET,
            (e, c, id, t) -> e.cancelAllOrders(c, id, t, BUYER, 6));
    }

    @Test
    void haltedMarketRejectsPlaceAndMoveButAllowsCancelAndReduce() {
        final long first = fx.sell(SELLER, PRICE_30K, 30_000_000);
        final long second = fx.sell(SELLER, PRICE_30K + 10_000, 30_000_000);
        EngineFixture.accept(fx.halt(MarketStatus.HALTED));
        assertThat(fx.engine.marketStatus(MARKET)).isEqualTo(MarketStatus.HALTED);

        rejectsLimit(RejectReason.MARKET_HALTED, BUYER, MARKET, Side.BUY, PRICE_30K, 10_000_000);
        fx.assertRejectedWithoutChange(RejectReason.MARKET_HALTED,
            (e, c, id, t) -> e.moveOrder(c, id, t, SELLER, MARKET, first, PRICE_30K + 20_000));
        EngineFixture.accept(fx.reduce(SELLER, first, 10_000_000));
        EngineFixture.accept(fx.cancel(SELLER, second));
        fx.assertBuckets(SELLER, BTC, 80_000_000, 20_000_000, 0, 0);

        EngineFixture.accept(fx.halt(MarketStatus.TRADING));
        fx.buy(BUYER, PRICE_30K, 20_000_000);
        assertThat(fx.events.trades).hasSize(1);
        fx.assertBuckets(SELLER, BTC, 80_000_000, 0, 0, 0);
    }

    @Test
    void cancellingAnotherUsersOrderIsUnknownAndChangesNothing() {
        final long order = fx.sell(SELLER, PRICE_30K, 30_000_000);

        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ORDER,
            (e, c, id, t) -> e.cancelOrder(c, id, t, BUYER, MARKET, order, 0));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ORDER,
            (e, c, id, t) -> e.cancelOrder(c, id, t, SELLER, MARKET, order + 1, 0));
        assertThat(fx.engine.orderRemaining(order)).isEqualTo(30_000_000);
    }

    @Test
    void cancelReleasesTheReservation() {
        final long order = fx.buy(BUYER, PRICE_30K, 30_000_000);
        fx.events.clear();

        EngineFixture.accept(fx.cancel(BUYER, order));

        assertThat(fx.lastReference()).isEqualTo(order);
        assertThat(fx.events.done).containsExactly(new RecordingEvents.Done(order, OrderEndReason.CANCELLED,
            30_000_000));
        fx.assertBuckets(BUYER, USDT, BUYER_USDT, 0, 0, 0);
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ORDER,
            (e, c, id, t) -> e.cancelOrder(c, id, t, BUYER, MARKET, order, 0));
    }

    private RejectReason placeWithClientId(final long clientOrderId) {
        return fx.place(BUYER, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PRICE_30K, 10_000_000, 0, clientOrderId,
            StpMode.NONE);
    }

    /**
     * A client order label (the client's own string for its client order id) comes out as an order-labelled event
     * right after the acceptance, also for an order that ends in the same command (FOK), and never without one.
     */
    @Test
    void aLabelledOrderIsFollowedByItsLabelAndAnUnlabelledOneIsNot() {
        fx.events.clear();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.placeOrder(c, id, t, BUYER, MARKET, Side.BUY,
            OrderType.LIMIT, TimeInForce.GTC, PRICE_30K, 10_000_000, 0, 42, StpMode.NONE, "x-AbC.1:2/3_4")));
        final long labelled = fx.lastReference();
        assertThat(fx.events.all.get(0)).contains(" accepted " + labelled + " ");
        assertThat(fx.events.all.get(1)).endsWith(" labelled " + labelled + " " + BUYER + " 42 x-AbC.1:2/3_4");

        fx.events.clear();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.placeOrder(c, id, t, BUYER, MARKET, Side.BUY,
            OrderType.LIMIT, TimeInForce.FOK, PRICE_30K, 10_000_000, 0, 43, StpMode.NONE, "fok-1")));
        assertThat(fx.events.all.get(1)).endsWith(" labelled " + fx.lastReference() + " " + BUYER + " 43 fok-1");
        assertThat(fx.events.all).anyMatch(line -> line.contains(" done " + fx.lastReference()));

        fx.events.clear();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.placeOrder(c, id, t, BUYER, MARKET, Side.BUY,
            OrderType.LIMIT, TimeInForce.GTC, PRICE_30K, 10_000_000, 0, 44, StpMode.NONE, "")));
        assertThat(fx.events.all).noneMatch(line -> line.contains(" labelled "));
    }

    /** A label the client could not have written, or one without a client order id, is refused and changes nothing. */
    @Test
    void rejectsLabelsThatAreNotAClientOrderId() {
        for (final String label : new String[] {"x".repeat(OrderRules.CLIENT_ORDER_LABEL_MAX + 1), "has space",
            "semi;colon", "caf\u00e9", "tab\t"}) {
            fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT, (e, c, id, t) -> e.placeOrder(c, id, t,
                BUYER, MARKET, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PRICE_30K, 10_000_000, 0, 42,
                StpMode.NONE, label));
        }
        fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT, (e, c, id, t) -> e.placeOrder(c, id, t,
            BUYER, MARKET, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PRICE_30K, 10_000_000, 0, 0, StpMode.NONE,
            "no-number"));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.placeOrder(c, id, t, BUYER, MARKET, Side.BUY,
            OrderType.LIMIT, TimeInForce.GTC, PRICE_30K, 10_000_000, 0, 42, StpMode.NONE,
            "x".repeat(OrderRules.CLIENT_ORDER_LABEL_MAX))));
    }

    @Test
    void rejectsDuplicateClientOrderIdAmongOpenOrdersAndAllowsReuseAfterCancel() {
        EngineFixture.accept(placeWithClientId(42));
        final long first = fx.lastReference();

        fx.assertRejectedWithoutChange(RejectReason.DUPLICATE_CLIENT_ORDER_ID, (e, c, id, t) -> e.placeOrder(c, id,
            t, BUYER, MARKET, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PRICE_30K, 10_000_000, 0, 42,
            StpMode.NONE));
        fx.funded(3, 0, BUYER_USDT);
        EngineFixture.accept(fx.place(3, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PRICE_30K, 10_000_000, 0, 42,
            StpMode.NONE));

        EngineFixture.accept(fx.cancel(BUYER, first));
        EngineFixture.accept(placeWithClientId(42));
        assertThat(fx.engine.orderRemaining(fx.lastReference())).isEqualTo(10_000_000);
    }

    @Test
    void cancelsByClientOrderId() {
        EngineFixture.accept(placeWithClientId(42));
        final long order = fx.lastReference();
        EngineFixture.accept(placeWithClientId(43));
        final long other = fx.lastReference();

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.cancelOrder(c, id, t, BUYER, MARKET, 0, 42)));

        assertThat(fx.lastReference()).isEqualTo(order);
        assertThat(fx.engine.orderRemaining(order)).isEqualTo(-1);
        assertThat(fx.engine.orderRemaining(other)).isEqualTo(10_000_000);
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ORDER,
            (e, c, id, t) -> e.cancelOrder(c, id, t, BUYER, MARKET, 0, 42));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ORDER,
            (e, c, id, t) -> e.cancelOrder(c, id, t, SELLER, MARKET, 0, 43));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ORDER,
            (e, c, id, t) -> e.cancelOrder(c, id, t, BUYER, MARKET, other, 44));
    }

    @Test
    void cancelAllCancelsOnlyThatMarketsOrdersOfThatUser() {
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.createAsset(c, id, t, 3, "ETH", 8)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.createMarket(c, id, t, 2, "ETHUSDT", 3, USDT, 10_000,
            10_000, 10_000, 100_000_000_000L, 1_000_000, 10, 20)));
        final long a = fx.buy(BUYER, PRICE_30K, 10_000_000);
        final long b = fx.buy(BUYER, PRICE_30K - 10_000, 10_000_000);
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.placeOrder(c, id, t, BUYER, 2, Side.BUY, OrderType.LIMIT,
            TimeInForce.GTC, 2_000 * USDT_UNIT, BTC_UNIT, 0, 0, StpMode.NONE)));
        final long eth = fx.lastReference();
        fx.funded(3, 0, BUYER_USDT);
        final long others = fx.buy(3, PRICE_30K, 10_000_000);

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.cancelAllOrders(c, id, t, BUYER, MARKET)));

        assertThat(fx.lastReference()).isEqualTo(2);
        assertThat(fx.engine.orderRemaining(a)).isEqualTo(-1);
        assertThat(fx.engine.orderRemaining(b)).isEqualTo(-1);
        assertThat(fx.engine.orderRemaining(eth)).isEqualTo(BTC_UNIT);
        assertThat(fx.engine.orderRemaining(others)).isEqualTo(10_000_000);
        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 2_000 * USDT_UNIT, 2_000 * USDT_UNIT, 0, 0);
        assertThat(fx.engine.openOrderCount(BUYER)).isEqualTo(1);
    }

    @Test
    void staleIdOfAReusedSlotIsUnknownAndLeavesTheNewOrderAlone() {
        final long first = fx.buy(BUYER, PRICE_30K, 10_000_000);
        EngineFixture.accept(fx.cancel(BUYER, first));
        final long second = fx.buy(BUYER, PRICE_30K, 20_000_000);
        assertThat(second & ((1L << Engine.ORDER_SLOT_BITS) - 1)).isEqualTo(first & ((1L << Engine.ORDER_SLOT_BITS)
            - 1));

        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ORDER,
            (e, c, id, t) -> e.cancelOrder(c, id, t, BUYER, MARKET, first, 0));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ORDER,
            (e, c, id, t) -> e.reduceOrder(c, id, t, BUYER, MARKET, first, 10_000));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ORDER,
            (e, c, id, t) -> e.moveOrder(c, id, t, BUYER, MARKET, first, PRICE_30K - 10_000));
        assertThat(fx.engine.orderRemaining(first)).isEqualTo(-1);
        assertThat(fx.engine.orderRemaining(second)).isEqualTo(20_000_000);
    }

    @Test
    void haltedMarketStillAllowsCancelAllAndCancelByClientOrderId() {
        EngineFixture.accept(placeWithClientId(42));
        fx.buy(BUYER, PRICE_30K - 10_000, 10_000_000);
        fx.buy(BUYER, PRICE_30K - 20_000, 10_000_000);
        EngineFixture.accept(fx.halt(MarketStatus.HALTED));

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.cancelOrder(c, id, t, BUYER, MARKET, 0, 42)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.cancelAllOrders(c, id, t, BUYER, MARKET)));

        assertThat(fx.lastReference()).isEqualTo(2);
        fx.assertBuckets(BUYER, USDT, BUYER_USDT, 0, 0, 0);
        fx.assertRejectedWithoutChange(RejectReason.MARKET_HALTED, (e, c, id, t) -> e.placeOrder(c, id, t, BUYER,
            MARKET, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, 5_000_000, 0, StpMode.NONE));
    }
}
