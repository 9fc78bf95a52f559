package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.candor.engine.EngineCapacity;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the views say after a few hand-made commands on a real engine: trades, tickers, orders and their times. */
class ViewsScenarioTest {
    static final int BTC = 1;
    static final int USDT = 2;
    static final int MARKET = 1;
    static final long ALICE = 11;
    static final long BOB = 12;
    /** 0.0001 BTC at BTC scale 8. */
    static final long LOT = 10_000;
    /** 0.01 USDT at USDT scale 6: one tick on one lot costs exactly 1 minor unit of USDT. */
    static final long TICK = 10_000;
    static final long PRICE = 30_000_000_000L;

    private EngineFeed feed;

    @BeforeEach
    void listAndFund() {
        feed = new EngineFeed(EngineCapacity.small());
        ok(feed.engine.createAsset(1, feed.commandId(), feed.nowMs(), BTC, "BTC", 8));
        ok(feed.engine.createAsset(1, feed.commandId(), feed.nowMs(), USDT, "USDT", 6));
        ok(feed.engine.createMarket(1, feed.commandId(), feed.nowMs(), MARKET, "BTCUSDT", BTC, USDT, TICK, LOT, LOT,
            10_000_000_000L, 1_000_000, 10, 20));
        for (final long user : new long[] {ALICE, BOB}) {
            ok(feed.engine.createUser(1, feed.commandId(), feed.nowMs(), user));
            ok(feed.engine.deposit(1, feed.commandId(), feed.nowMs(), user, BTC, 500_000_000L, user * 10));
            ok(feed.engine.deposit(1, feed.commandId(), feed.nowMs(), user, USDT, 10_000_000_000L, user * 10 + 1));
        }
        feed.publish();
    }

    private static void ok(final RejectReason reason) {
        assertThat(reason).isEqualTo(RejectReason.NONE);
    }

    private long place(final long user, final Side side, final TimeInForce tif, final long price, final long qty) {
        ok(feed.engine.placeOrder(1, feed.commandId(), feed.nowMs(), user, MARKET, side, OrderType.LIMIT, tif,
            price, qty, 0, 0, StpMode.NONE));
        feed.publish();
        return feed.views.read(s -> s.accounts().openOrders(user, MARKET)).stream()
            .mapToLong(OrderRecord::orderId).max().orElse(-1);
    }

    @Test
    void aTradeUpdatesBookTradesTickerAndBothOrders() {
        final long ask = place(ALICE, Side.SELL, TimeInForce.GTC, PRICE, 3 * LOT);
        final long askTime = feed.nowMs();
        final long bookBefore = book().lastUpdateId();
        ok(feed.engine.placeOrder(1, feed.commandId(), feed.nowMs(), BOB, MARKET, Side.BUY, OrderType.LIMIT,
            TimeInForce.IOC, PRICE + TICK, LOT, 0, 77, StpMode.NONE));
        feed.publish();
        final long tradeTime = feed.nowMs();

        final BookSnapshot book = book();
        assertThat(book.asks()).containsExactly(new long[] {PRICE, 2 * LOT});
        assertThat(book.lastUpdateId()).isGreaterThan(bookBefore);
        assertThat(trades())
            .containsExactly(new PublicTrade(1, PRICE, LOT, 3_000_000, tradeTime, false));
        final DayTicker day = ticker(tradeTime);
        assertThat(day.lastPrice()).isEqualTo(PRICE);
        assertThat(day.volume()).isEqualTo(LOT);
        assertThat(day.quoteVolume()).isEqualTo(3_000_000);
        assertThat(day.count()).isEqualTo(1);
        assertThat(ticker(tradeTime + 24 * 3_600_000L).count()).isZero();

        final OrderRecord maker = order(ALICE, ask);
        assertThat(maker.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(maker.executedQuantity()).isEqualTo(LOT);
        assertThat(maker.cumulativeQuote()).isEqualTo(3_000_000);
        assertThat(maker.timeMs()).isEqualTo(askTime);
        assertThat(maker.updateTimeMs()).isEqualTo(tradeTime);
        final OrderRecord taker = feed.views.read(s -> s.accounts().orderByClientNumber(BOB, 77));
        assertThat(taker.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(openOrders(BOB)).isEmpty();
    }

    @Test
    void anotherUsersOrderIsNotFound() {
        final long bid = place(ALICE, Side.BUY, TimeInForce.GTC, PRICE - 100 * TICK, LOT);
        assertThat(order(ALICE, bid)).isNotNull();
        assertThat(order(BOB, bid)).isNull();
    }

    @Test
    void aCancelledOrderStaysQueryableWhileItIsAmongTheRecentlyClosed() {
        final long bid = place(ALICE, Side.BUY, TimeInForce.GTC, PRICE - 100 * TICK, LOT);
        ok(feed.engine.cancelOrder(1, feed.commandId(), feed.nowMs(), ALICE, MARKET, bid, 0));
        feed.publish();
        assertThat(order(ALICE, bid).status()).isEqualTo(OrderStatus.CANCELED);
        for (int i = 0; i < AccountView.CLOSED_ORDERS_PER_USER; i++) {
            final long next = place(ALICE, Side.BUY, TimeInForce.GTC, PRICE - 100 * TICK, LOT);
            ok(feed.engine.cancelOrder(1, feed.commandId(), feed.nowMs(), ALICE, MARKET, next, 0));
        }
        feed.publish();
        assertThat(order(ALICE, bid)).isNull();
    }

    @Test
    void readYourWritesWaitsForTheCommandsResult() {
        final long commandId = feed.commandId();
        ok(feed.engine.createUser(EngineFeed.CLIENT_ID, commandId, feed.nowMs(), 99));
        final Thread publisher = new Thread(() -> {
            sleepQuietly(50);
            feed.publish();
        });
        publisher.start();
        feed.views.awaitCommand(EngineFeed.CLIENT_ID, commandId, Duration.ofSeconds(5));
        final boolean exists = feed.views.read(s -> s.accounts().userExists(99));
        assertThat(exists).isTrue();
    }

    @Test
    void viewsThatStoppedFollowingTheStreamRefuseToAnswer() {
        feed.views.fail(new IllegalStateException("reason=journal-gap"));
        assertThatThrownBy(this::book)
            .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThatThrownBy(() -> feed.views.awaitCommand(EngineFeed.CLIENT_ID, 1_000, Duration.ofSeconds(5)))
            .isInstanceOf(ApiError.class);
    }

    private BookSnapshot book() {
        return feed.views.read(s -> s.market().book(MARKET, 10));
    }

    private List<PublicTrade> trades() {
        return feed.views.read(s -> s.market().trades(MARKET, 10));
    }

    private DayTicker ticker(final long nowMs) {
        return feed.views.read(s -> s.market().ticker(MARKET, nowMs));
    }

    private OrderRecord order(final long user, final long orderId) {
        return feed.views.read(s -> s.accounts().order(user, orderId));
    }

    private List<OrderRecord> openOrders(final long user) {
        return feed.views.read(s -> s.accounts().openOrders(user, -1));
    }

    private static void sleepQuietly(final long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
