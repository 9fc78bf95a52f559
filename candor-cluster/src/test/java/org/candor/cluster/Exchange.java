package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/**
 * A small exchange scenario driven through an {@link ExchangeClient}: BTC (scale 8), USDT (scale 6), the BTCUSDT
 * market, funded users, and limit orders. Every command must be applied.
 */
final class Exchange {
    static final int BTC = 1;
    static final int USDT = 2;
    static final int MARKET = 1;
    static final long TICK = 10_000;
    static final long LOT = 10_000;
    static final long BTC_UNIT = 100_000_000L;
    static final long USDT_UNIT = 1_000_000L;
    static final long PRICE_30K = 30_000 * USDT_UNIT;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ExchangeClient client;
    private long depositRef;

    Exchange(final ExchangeClient client) {
        this.client = client;
    }

    /** Lists the assets and the market. */
    void list() {
        applied((e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, BTC, "BTC", 8));
        applied((e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, USDT, "USDT", 6));
        applied((e, b, o, c, id) -> e.createMarket(b, o, c, id, 0, MARKET, "BTCUSDT", BTC, USDT, TICK, LOT, 10_000,
            100_000_000_000L, 1_000_000, 10, 20));
    }

    /** Creates a user holding {@code btc} whole BTC and {@code usdt} whole USDT (a zero amount is no deposit). */
    void fundedUser(final long userId, final long btc, final long usdt) {
        applied((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, userId));
        deposit(userId, BTC, btc * BTC_UNIT);
        deposit(userId, USDT, usdt * USDT_UNIT);
    }

    private void deposit(final long userId, final int assetId, final long amount) {
        if (amount > 0) {
            final long ref = ++depositRef;
            applied((e, b, o, c, id) -> e.deposit(b, o, c, id, 0, userId, assetId, amount, ref));
        }
    }

    /** A GTC limit order; returns its result (the reference is the order id). */
    CommandResult limit(final long userId, final Side side, final long price, final long quantity) {
        return applied(limitWriter(userId, side, price, quantity));
    }

    static CommandWriter limitWriter(final long userId, final Side side, final long price, final long quantity) {
        return (e, b, o, c, id) -> e.placeOrder(b, o, c, id, 0, userId, MARKET, side, OrderType.LIMIT,
            TimeInForce.GTC, price, quantity, 0, 0, StpMode.NONE);
    }

    /** Orders on both sides that cross at a few prices: trades, rests, and price improvement. */
    void trade(final long buyer, final long seller, final int rounds) {
        for (int round = 0; round < rounds; round++) {
            final long price = PRICE_30K + round * TICK * 100;
            limit(seller, Side.SELL, price, BTC_UNIT / 100);
            limit(buyer, Side.BUY, price + TICK * 50, BTC_UNIT / 200);
            limit(buyer, Side.BUY, price - TICK * 10, BTC_UNIT / 100);
        }
    }

    CommandResult applied(final CommandWriter writer) {
        final CommandResult result = client.submit(writer, TIMEOUT);
        assertThat(result.reason()).as("result of command %d", result.commandId()).isEqualTo(RejectReason.NONE);
        return result;
    }
}
