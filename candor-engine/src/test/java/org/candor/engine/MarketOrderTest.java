package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.PRICE_30K;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketOrderTest {
    private static final long SELLER = 1;
    private static final long BUYER = 2;
    private static final long PRICE_30010 = 30_010 * USDT_UNIT;
    private static final long PRICE_29990 = 29_990 * USDT_UNIT;
    private static final long BUYER_USDT = 100_000 * USDT_UNIT;

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        fx.funded(SELLER, BTC_UNIT, 0);
        fx.funded(BUYER, 0, BUYER_USDT);
    }

    private long marketSell(final long quantity) {
        EngineFixture.accept(fx.place(SELLER, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, quantity, 0, 0,
            StpMode.NONE));
        return fx.lastReference();
    }

    private long marketBuy(final long budget) {
        EngineFixture.accept(fx.place(BUYER, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, budget, 0,
            StpMode.NONE));
        return fx.lastReference();
    }

    @Test
    void marketSellByBaseQuantityWalksTheBids() {
        fx.buy(BUYER, PRICE_30K, 50_000_000);
        final long second = fx.buy(BUYER, PRICE_29990, 50_000_000);
        fx.events.clear();

        final long taker = marketSell(80_000_000);

        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::quoteAmount)
            .containsExactly(15_000_000_000L, 8_997_000_000L);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::takerFee)
            .containsExactly(30_000_000L, 17_994_000L);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::makerFee).containsExactly(50_000L, 30_000L);
        assertThat(fx.events.done).last().isEqualTo(new RecordingEvents.Done(taker, OrderEndReason.FILLED, 0));
        fx.assertBuckets(SELLER, BTC, 20_000_000, 0, 0, 0);
        fx.assertBuckets(SELLER, USDT, 23_949_006_000L, 0, 0, 0);
        fx.assertBuckets(BUYER, BTC, 79_920_000, 0, 0, 0);
        fx.assertBuckets(BUYER, USDT, 70_005_000_000L, 5_998_000_000L, 0, 0);
        assertThat(fx.engine.orderRemaining(second)).isEqualTo(20_000_000);
    }

    @Test
    void marketSellRemainderBeyondLiquidityExpires() {
        fx.buy(BUYER, PRICE_30K, 10_000_000);

        final long taker = marketSell(30_000_000);

        assertThat(fx.events.done).last().isEqualTo(new RecordingEvents.Done(taker, OrderEndReason.EXPIRED,
            20_000_000));
        fx.assertBuckets(SELLER, BTC, 90_000_000, 0, 0, 0);
        fx.assertBuckets(SELLER, USDT, 3_000_000_000L - 6_000_000, 0, 0, 0);
    }

    @Test
    void marketBuyByBudgetReleasesUnspentDustAndExpires() {
        fx.sell(SELLER, PRICE_30K, 10_000_000);
        final long second = fx.sell(SELLER, PRICE_30010, 10_000_000);
        fx.events.clear();

        final long taker = marketBuy(4_000_000_000L);

        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::quantity)
            .containsExactly(10_000_000L, 3_330_000L);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::quoteAmount)
            .containsExactly(3_000_000_000L, 999_333_000L);
        assertThat(fx.events.trades).extracting(RecordingEvents.Trade::takerRemaining)
            .containsExactly(1_000_000_000L, 667_000L);
        assertThat(fx.events.done).last().isEqualTo(new RecordingEvents.Done(taker, OrderEndReason.EXPIRED,
            667_000));
        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 3_999_333_000L, 0, 0, 0);
        fx.assertBuckets(BUYER, BTC, 13_330_000 - 20_000 - 6_660, 0, 0, 0);
        fx.assertBuckets(SELLER, USDT, 3_999_333_000L - 3_000_000 - 999_333, 0, 0, 0);
        fx.assertBuckets(SELLER, BTC, 80_000_000, 6_670_000, 0, 0);
        assertThat(fx.engine.orderRemaining(second)).isEqualTo(6_670_000);
    }

    @Test
    void marketBuyThatSpendsItsWholeBudgetEndsFilled() {
        fx.sell(SELLER, PRICE_30K, 20_000_000);

        final long taker = marketBuy(3_000_000_000L);

        assertThat(fx.events.done).last().isEqualTo(new RecordingEvents.Done(taker, OrderEndReason.FILLED, 0));
        fx.assertBuckets(BUYER, USDT, BUYER_USDT - 3_000_000_000L, 0, 0, 0);
        fx.assertBuckets(BUYER, BTC, 10_000_000 - 20_000, 0, 0, 0);
    }

    @Test
    void marketBuyOnAnEmptyBookExpiresWithItsWholeBudgetReleased() {
        final long taker = marketBuy(5_000_000_000L);

        assertThat(fx.events.done).last().isEqualTo(new RecordingEvents.Done(taker, OrderEndReason.EXPIRED,
            5_000_000_000L));
        fx.assertBuckets(BUYER, USDT, BUYER_USDT, 0, 0, 0);
    }

    @Test
    void rejectsMarketOrdersWithWrongTerms() {
        fx.assertRejectedWithoutChange(RejectReason.INVALID_TIME_IN_FORCE, (e, c, id, t) -> e.placeOrder(c, id, t,
            BUYER, EngineFixture.MARKET, Side.BUY, OrderType.MARKET, TimeInForce.GTC, 0, 0, 5_000_000, 0,
            StpMode.NONE));
        fx.assertRejectedWithoutChange(RejectReason.INVALID_PRICE, (e, c, id, t) -> e.placeOrder(c, id, t,
            BUYER, EngineFixture.MARKET, Side.BUY, OrderType.MARKET, TimeInForce.IOC, PRICE_30K, 0, 5_000_000, 0,
            StpMode.NONE));
        fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT, (e, c, id, t) -> e.placeOrder(c, id, t,
            BUYER, EngineFixture.MARKET, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 10_000, 5_000_000, 0,
            StpMode.NONE));
        fx.assertRejectedWithoutChange(RejectReason.NOTIONAL_TOO_SMALL, (e, c, id, t) -> e.placeOrder(c, id, t,
            BUYER, EngineFixture.MARKET, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, 999_999, 0,
            StpMode.NONE));
        fx.assertRejectedWithoutChange(RejectReason.INSUFFICIENT_FUNDS, (e, c, id, t) -> e.placeOrder(c, id, t,
            BUYER, EngineFixture.MARKET, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, BUYER_USDT + 1, 0,
            StpMode.NONE));
        fx.assertRejectedWithoutChange(RejectReason.INSUFFICIENT_FUNDS, (e, c, id, t) -> e.placeOrder(c, id, t,
            SELLER, EngineFixture.MARKET, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 2 * BTC_UNIT, 0, 0,
            StpMode.NONE));
    }
}
