package org.candor.app;

import java.time.Duration;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;
import org.candor.cluster.CommandResult;
import org.candor.cluster.CommandWriter;
import org.candor.cluster.ExchangeClient;
import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/**
 * The chaos workload: a stream of deposits and resting orders in which every acknowledged command leaves an effect
 * the final state shows exactly once, so lost and duplicated commands can be counted.
 *
 * <p>Deposits. Each deposit user receives at most {@link #DEPOSITS_PER_USER} deposits of a checking asset that
 * nothing else touches; deposit {@code j} of a user is {@code 2^j} units. The user's final balance is then a bit
 * set: bit {@code j} is set once per application of deposit {@code j}, so a missing bit is a lost deposit and a bit
 * the client never had acknowledged (or a carry from a double credit) is a duplicated one.
 *
 * <p>Orders. Buy limit orders far below any seller, so they rest and never trade; the result's reference is the
 * order id. A lost order is an acknowledged id that is not open; a duplicated one shows as more open orders for its
 * trader than acknowledged.
 */
final class ChaosWorkload {
    static final int BTC = 1;
    static final int USDT = 2;
    /** The checking asset: only deposits touch it. */
    static final int CHK = 3;
    static final int MARKET = 1;
    static final long TICK = 10_000;
    static final long LOT = 10_000;
    static final long PRICE = 20_000 * 1_000_000L;
    /** Prices spread over this many ticks below {@link #PRICE}, so the book has levels, not one queue. */
    static final int PRICE_LEVELS = 100;
    /** Traders placing orders; each holds at most {@link #ORDERS_PER_TRADER} open orders. */
    static final int TRADERS = 64;
    static final int ORDERS_PER_TRADER = 2_000;
    static final long FIRST_TRADER = 1;
    /** Deposit users; with {@link #DEPOSITS_PER_USER} each, room for 480,000 deposits (20 kills at 2,000/s). */
    static final int DEPOSIT_USERS = 12_000;
    static final long FIRST_DEPOSIT_USER = 1_001;
    /** Bits of a balance used per user: 2^40 units stay far below any overflow. */
    static final int DEPOSITS_PER_USER = 40;
    static final long TRADER_USDT = 1_000_000L * 1_000_000L;
    static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

    private final long[] depositsSent = new long[DEPOSIT_USERS];
    private final long[] depositsAcked = new long[DEPOSIT_USERS];
    private final long[] ordersAckedPerTrader = new long[TRADERS];
    private final LongArrayList ordersAcked = new LongArrayList();
    /** Command id to plan: deposit number + 1 (positive), or -(trader index + 1) for an order. */
    private final Long2LongHashMap plans = new Long2LongHashMap(0);
    private long deposits;
    private long orders;
    private long acknowledged;
    private long rejected;
    private long watchFromId = Long.MAX_VALUE;
    private long watchAckNs;

    /** Hears every acknowledgement of the stream (setup commands carry no plan and are ignored). */
    void onResult(final CommandResult result) {
        final long plan = plans.remove(result.commandId());
        if (result.commandId() >= watchFromId && watchAckNs == 0) {
            watchAckNs = System.nanoTime();
        }
        if (plan == 0) {
            return;
        }
        acknowledged++;
        if (result.reason() != RejectReason.NONE) {
            rejected++;
        }
        if (plan > 0) {
            final long deposit = plan - 1;
            depositsAcked[(int) (deposit / DEPOSITS_PER_USER)] |= 1L << (deposit % DEPOSITS_PER_USER);
        } else if (result.reason() == RejectReason.NONE) {
            ordersAckedPerTrader[(int) (-plan - 1)]++;
            ordersAcked.addLong(result.reference());
        }
    }

    /** Lists the assets and the market and creates every user, through the client, and waits for all answers. */
    void setUp(final ExchangeClient client) {
        submit(client, (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, BTC, "BTC", 8));
        submit(client, (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, USDT, "USDT", 6));
        submit(client, (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, CHK, "CHK", 0));
        submit(client, (e, b, o, c, id) -> e.createMarket(b, o, c, id, 0, MARKET, "BTCUSDT", BTC, USDT, TICK, LOT,
            LOT, 100_000_000_000L, 1_000_000, 10, 20));
        for (int t = 0; t < TRADERS; t++) {
            final long trader = FIRST_TRADER + t;
            client.send((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, trader));
            client.send((e, b, o, c, id) -> e.deposit(b, o, c, id, 0, trader, USDT, TRADER_USDT, trader));
        }
        for (int u = 0; u < DEPOSIT_USERS; u++) {
            final long user = FIRST_DEPOSIT_USER + u;
            client.send((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, user));
        }
        final long deadlineNs = System.nanoTime() + SETUP_TIMEOUT.toNanos();
        while (client.inFlight() > 0) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new IllegalStateException("reason=setup-timeout inFlight=" + client.inFlight());
            }
            client.poll();
            Thread.onSpinWait();
        }
    }

    private static void submit(final ExchangeClient client, final CommandWriter writer) {
        final CommandResult result = client.submit(writer, SETUP_TIMEOUT);
        if (result.reason() != RejectReason.NONE) {
            throw new IllegalStateException("reason=setup-rejected commandId=" + result.commandId() + " result="
                + result.reason());
        }
    }

    /** False once both deposit and order room are used up. */
    boolean hasNext() {
        return deposits < (long) DEPOSIT_USERS * DEPOSITS_PER_USER || orders < (long) TRADERS * ORDERS_PER_TRADER;
    }

    /** Sends the next command of the stream: deposits and orders alternate while both have room. */
    void sendNext(final ExchangeClient client) {
        final long commandId = client.nextCommandId();
        final boolean depositTurn = (commandId & 1) == 0 || orders >= (long) TRADERS * ORDERS_PER_TRADER;
        if (depositTurn && deposits < (long) DEPOSIT_USERS * DEPOSITS_PER_USER) {
            final long deposit = deposits++;
            final int userIndex = (int) (deposit / DEPOSITS_PER_USER);
            final long user = FIRST_DEPOSIT_USER + userIndex;
            final long amount = 1L << (deposit % DEPOSITS_PER_USER);
            depositsSent[userIndex] |= amount;
            plans.put(commandId, deposit + 1);
            client.send((e, b, o, c, id) -> e.deposit(b, o, c, id, 0, user, CHK, amount, id));
        } else {
            final long order = orders++;
            final int traderIndex = (int) (order % TRADERS);
            final long trader = FIRST_TRADER + traderIndex;
            final long price = PRICE - (order % PRICE_LEVELS) * TICK;
            plans.put(commandId, -(traderIndex + 1));
            client.send((e, b, o, c, id) -> e.placeOrder(b, o, c, id, 0, trader, MARKET, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, price, LOT, 0, 0, StpMode.NONE));
        }
    }

    /** Starts timing: the first acknowledgement of a command with id at least {@code commandId}. */
    void watchFrom(final long commandId) {
        watchFromId = commandId;
        watchAckNs = 0;
    }

    /** When the watched acknowledgement arrived ({@link System#nanoTime()}), or 0 while it has not. */
    long watchAckNs() {
        return watchAckNs;
    }

    long acknowledged() {
        return acknowledged;
    }

    long rejected() {
        return rejected;
    }

    /** Compares every acknowledged command with {@code engine}, the final state. */
    Audit audit(final Engine engine) {
        long applied = 0;
        long lost = 0;
        long duplicated = 0;
        for (int u = 0; u < DEPOSIT_USERS; u++) {
            final long balance = engine.balance(FIRST_DEPOSIT_USER + u, CHK, Bucket.AVAILABLE);
            applied += Long.bitCount(depositsAcked[u] & balance);
            lost += Long.bitCount(depositsAcked[u] & ~balance);
            duplicated += Long.bitCount(balance & ~depositsAcked[u]);
        }
        for (int i = 0; i < ordersAcked.size(); i++) {
            if (engine.orderRemaining(ordersAcked.getLong(i)) > 0) {
                applied++;
            } else {
                lost++;
            }
        }
        for (int t = 0; t < TRADERS; t++) {
            duplicated += Math.max(0, engine.openOrderCount(FIRST_TRADER + t) - ordersAckedPerTrader[t]);
        }
        final long ordersRejected = acknowledged - countDepositsAcked() - ordersAcked.size();
        return new Audit(acknowledged, applied, lost + ordersRejected, duplicated);
    }

    private long countDepositsAcked() {
        long count = 0;
        for (final long mask : depositsAcked) {
            count += Long.bitCount(mask);
        }
        return count;
    }

    /** Acknowledged stream commands, those whose effect is in the final state, and those missing or doubled. */
    record Audit(long acknowledged, long applied, long lost, long duplicated) {
    }
}
