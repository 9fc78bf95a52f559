package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.MARKET;
import static org.candor.engine.EngineFixture.PRICE_30K;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import org.junit.jupiter.api.Test;

class CapacityTest {
    private static final int USERS = 0;
    private static final int ASSETS = 1;
    private static final int MARKETS = 2;
    private static final int ACCOUNTS = 3;
    private static final int ORDERS = 4;
    private static final int USER_ORDERS = 5;
    private static final int MARKET_ORDERS = 6;
    private static final int WITHDRAWALS = 7;
    private static final int HOLDS = 8;
    private static final int CLIENTS = 9;

    /** {@link EngineCapacity#small()} with one bound lowered. */
    private static EngineCapacity with(final int which, final int value) {
        final int[] v = {64, 16, 8, 512, 1024, 64, 512, 64, 64, 8, 1024};
        v[which] = value;
        return new EngineCapacity(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    private static RejectReason gtcBuy(final EngineFixture fx, final long userId) {
        return fx.place(userId, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PRICE_30K, 10_000_000, 0, 0,
            StpMode.NONE);
    }

    private static EngineFixture.Command placeBuy(final long userId, final TimeInForce tif) {
        return (e, c, id, t) -> e.placeOrder(c, id, t, userId, MARKET, Side.BUY, OrderType.LIMIT, tif, PRICE_30K,
            10_000_000, 0, 0, StpMode.NONE);
    }

    @Test
    void rejectsUserBeyondCapacity() {
        final EngineFixture fx = new EngineFixture(with(USERS, 2));
        EngineFixture.accept(fx.user(1));
        EngineFixture.accept(fx.user(2));

        fx.assertRejectedWithoutChange(RejectReason.USERS_CAPACITY_REACHED,
            (e, c, id, t) -> e.createUser(c, id, t, 3));
        assertThat(fx.engine.userExists(3)).isFalse();
    }

    @Test
    void rejectsAssetBeyondCapacity() {
        final EngineFixture fx = new EngineFixture(with(ASSETS, 3));

        fx.assertRejectedWithoutChange(RejectReason.ASSETS_CAPACITY_REACHED,
            (e, c, id, t) -> e.createAsset(c, id, t, 3, "ETH", 8));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.createAsset(c, id, t, 0, "ETH", 8)));
    }

    @Test
    void rejectsMarketBeyondCapacity() {
        final EngineFixture fx = new EngineFixture(with(MARKETS, 2));

        fx.assertRejectedWithoutChange(RejectReason.MARKETS_CAPACITY_REACHED, (e, c, id, t) -> e.createMarket(c,
            id, t, 2, "BTCUSDT2", BTC, USDT, 10_000, 10_000, 10_000, 100_000_000_000L, 1_000_000, 10, 20));
    }

    @Test
    void rejectsAccountBeyondCapacity() {
        final EngineFixture fx = new EngineFixture(with(ACCOUNTS, 3));
        fx.funded(1, BTC_UNIT, 100_000 * USDT_UNIT);
        fx.funded(2, BTC_UNIT, 0);

        fx.assertRejectedWithoutChange(RejectReason.ACCOUNTS_CAPACITY_REACHED,
            (e, c, id, t) -> e.deposit(c, id, t, 2, USDT, 1_000, 5));
        fx.assertRejectedWithoutChange(RejectReason.ACCOUNTS_CAPACITY_REACHED, (e, c, id, t) -> e.placeOrder(c, id,
            t, 2, MARKET, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, PRICE_30K, 10_000_000, 0, 0, StpMode.NONE));
        EngineFixture.accept(gtcBuy(fx, 1));
    }

    @Test
    void rejectsOrderBeyondOrderStoreCapacity() {
        final EngineFixture fx = new EngineFixture(with(ORDERS, 2));
        fx.funded(1, 0, 100_000 * USDT_UNIT);
        EngineFixture.accept(gtcBuy(fx, 1));
        EngineFixture.accept(gtcBuy(fx, 1));

        fx.assertRejectedWithoutChange(RejectReason.ORDERS_CAPACITY_REACHED, placeBuy(1, TimeInForce.GTC));
        fx.assertRejectedWithoutChange(RejectReason.ORDERS_CAPACITY_REACHED, placeBuy(1, TimeInForce.IOC));
    }

    @Test
    void rejectsRestingOrderBeyondUserCapacityButAllowsIoc() {
        final EngineFixture fx = new EngineFixture(with(USER_ORDERS, 2));
        fx.funded(1, 0, 100_000 * USDT_UNIT);
        fx.funded(2, 0, 100_000 * USDT_UNIT);
        EngineFixture.accept(gtcBuy(fx, 1));
        EngineFixture.accept(gtcBuy(fx, 1));

        fx.assertRejectedWithoutChange(RejectReason.USER_ORDERS_CAPACITY_REACHED, placeBuy(1, TimeInForce.GTC));
        fx.assertRejectedWithoutChange(RejectReason.USER_ORDERS_CAPACITY_REACHED,
            placeBuy(1, TimeInForce.POST_ONLY));
        EngineFixture.accept(fx.exec(placeBuy(1, TimeInForce.IOC)));
        EngineFixture.accept(gtcBuy(fx, 2));
    }

    @Test
    void rejectsRestingOrderBeyondMarketCapacity() {
        final EngineFixture fx = new EngineFixture(with(MARKET_ORDERS, 2));
        fx.funded(1, 0, 100_000 * USDT_UNIT);
        fx.funded(2, 0, 100_000 * USDT_UNIT);
        EngineFixture.accept(gtcBuy(fx, 1));
        EngineFixture.accept(gtcBuy(fx, 2));

        fx.assertRejectedWithoutChange(RejectReason.MARKET_ORDERS_CAPACITY_REACHED, placeBuy(1, TimeInForce.GTC));
    }

    @Test
    void rejectsWithdrawalBeyondPendingCapacity() {
        final EngineFixture fx = new EngineFixture(with(WITHDRAWALS, 1));
        fx.funded(1, BTC_UNIT, 0);
        EngineFixture.accept(fx.withdraw(1, BTC, 1_000));

        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWALS_CAPACITY_REACHED,
            fx.withdrawal(1, BTC, 1_000));
    }

    @Test
    void rejectsHoldBeyondCapacity() {
        final EngineFixture fx = new EngineFixture(with(HOLDS, 1));
        fx.funded(1, BTC_UNIT, 0);
        EngineFixture.accept(fx.hold(1, BTC, 1_000, HoldReason.SECURITY_LOCK, 9));

        fx.assertRejectedWithoutChange(RejectReason.HOLDS_CAPACITY_REACHED, (e, c, id, t) -> e.placeHold(c, id, t,
            1, BTC, 1_000, HoldKind.AMOUNT, HoldReason.SECURITY_LOCK, EngineFixture.HOLD_TEXT, 9,
            t + EngineFixture.HOLD_REVIEW_MS, ReleaseCondition.OPERATOR_RELEASE, 0, 0));
    }

    @Test
    void rejectsCommandFromAClientBeyondCapacity() {
        final EngineFixture fx = new EngineFixture(with(CLIENTS, 1));
        final String before = fx.state();
        final long memoryBefore = fx.engine.memory.hash();
        fx.events.clear();

        final RejectReason reason = fx.execAs(2, 1, (e, c, id, t) -> e.createUser(c, id, t, 1));

        assertThat(reason).isEqualTo(RejectReason.CLIENTS_CAPACITY_REACHED);
        assertThat(fx.events.all).hasSize(1);
        assertThat(fx.state()).isEqualTo(before);
        assertThat(fx.engine.memory.hash()).isEqualTo(memoryBefore);
        assertThat(fx.engine.userExists(1)).isFalse();
    }
}
