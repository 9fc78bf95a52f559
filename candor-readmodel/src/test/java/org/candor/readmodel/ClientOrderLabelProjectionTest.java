package org.candor.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.candor.engine.Engine;
import org.candor.engine.EngineEvents;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An order's client order label (schema version 5) lands in its row and stays there: across a projector restart and
 * the rewrites of the row that later fills and the end bring.
 */
class ClientOrderLabelProjectionTest {
    private static final long CLIENT = 1;
    private static final int BTC = 1;
    private static final int USDT = 2;
    private static final int MARKET = 1;
    private static final long SELLER = 11;
    private static final long BUYER = 12;
    private static final long PRICE = 30_000_000_000L;
    private static ReadModelDatabase database;
    private static EngineEvents sink;
    private static long commandId;
    /** The reference of the last command's result: a placed order's id. */
    private static long lastReference;
    private static long nowMs = 1_700_000_000_000L;

    @BeforeAll
    static void open() {
        database = TestDatabases.freshSchema("t_labels");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aLabelSurvivesARestartAndEveryLaterRewriteOfItsRow() {
        final Engine engine = new Engine(Projections.CAPACITY, forwarding());
        final long labelled;
        final long unlabelled;
        try (Projector projector = Projector.open(database, 1)) {
            sink = projector;
            ok(engine.createAsset(CLIENT, ++commandId, nowMs, BTC, "BTC", 8));
            ok(engine.createAsset(CLIENT, ++commandId, nowMs, USDT, "USDT", 6));
            ok(engine.createMarket(CLIENT, ++commandId, nowMs, MARKET, "BTCUSDT", BTC, USDT, 10_000, 10_000, 10_000,
                100_000_000_000L, 1_000_000, 10, 20));
            ok(engine.createUser(CLIENT, ++commandId, nowMs, SELLER));
            ok(engine.createUser(CLIENT, ++commandId, nowMs, BUYER));
            ok(engine.deposit(CLIENT, ++commandId, nowMs, SELLER, BTC, 100_000_000L, 1));
            ok(engine.deposit(CLIENT, ++commandId, nowMs, BUYER, USDT, 100_000_000_000L, 2));
            ok(engine.placeOrder(CLIENT, ++commandId, ++nowMs, SELLER, MARKET, Side.SELL, OrderType.LIMIT,
                TimeInForce.GTC, PRICE, 20_000_000, 0, 77, StpMode.NONE, "x-grid.bot:42"));
            labelled = lastReference;
            ok(engine.placeOrder(CLIENT, ++commandId, ++nowMs, SELLER, MARKET, Side.SELL, OrderType.LIMIT,
                TimeInForce.GTC, PRICE + 10_000, 20_000_000, 0, 78, StpMode.NONE));
            unlabelled = lastReference;
        }
        assertThat(labels()).containsEntry(labelled, "x-grid.bot:42").containsEntry(unlabelled, null);

        try (Projector restarted = Projector.open(database, 1)) {
            sink = restarted;
            // A partial fill, then the rest: the labelled row is written twice more, from the reloaded state.
            ok(engine.placeOrder(CLIENT, ++commandId, ++nowMs, BUYER, MARKET, Side.BUY, OrderType.LIMIT,
                TimeInForce.IOC, PRICE, 5_000_000, 0, 0, StpMode.NONE));
            ok(engine.placeOrder(CLIENT, ++commandId, ++nowMs, BUYER, MARKET, Side.BUY, OrderType.LIMIT,
                TimeInForce.IOC, PRICE, 15_000_000, 0, 0, StpMode.NONE));
        }
        assertThat(labels()).containsEntry(labelled, "x-grid.bot:42").containsEntry(unlabelled, null);
        assertThat(Projections.rows(database, "SELECT status, filled_quantity FROM orders WHERE order_id = "
            + labelled)).containsExactly(OrderStatus.DONE.code() + " 20000000");
    }

    private static Map<Long, String> labels() {
        final Map<Long, String> labels = new HashMap<>();
        for (final UserHistory.OrderView order : new UserHistory(database).orders(SELLER, TimeRange.ALL,
            UserHistory.NEWEST, 10).items()) {
            labels.put(order.orderId(), order.clientOrderLabel());
        }
        return labels;
    }

    /** The engine's one sink, forwarding to whichever projector is open now. */
    private static EngineEvents forwarding() {
        return (EngineEvents) Proxy.newProxyInstance(EngineEvents.class.getClassLoader(),
            new Class<?>[] {EngineEvents.class}, (proxy, method, args) -> {
                if (method.getName().equals("commandResult")) {
                    lastReference = (long) args[5];
                }
                try {
                    return method.invoke(sink, args);
                } catch (final InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    private static void ok(final RejectReason reason) {
        assertThat(reason).isEqualTo(RejectReason.NONE);
    }
}
