package org.candor.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.EngineEvents;
import org.candor.engine.Hold;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/**
 * A seeded trading session on a real engine for the projection and view-replay benchmarks: one market (BTC/USD),
 * funded users, limit orders around a drifting mid price (about half of them cross), cancels, market orders,
 * deposits, withdrawals and holds. It exercises every table the projector writes. The randomness chooses commands;
 * it never enters the engine.
 */
public final class BenchmarkWorkload {
    private static final long CLIENT = 1;
    private static final long START_MS = 1_767_225_600_000L;
    /** Command time advances this much per command, so candles of every interval fill. */
    private static final long STEP_MS = 50;
    private static final int BTC = 0;
    private static final int USD = 1;
    private static final int MARKET = 0;
    private static final long TICK = 100;
    private static final long LOT = 1_000_000;
    private static final long OPERATOR = 7;
    private static final long APPROVER = 8;
    /** Review deadlines a day ahead: far beyond the workload's span, so none fires during it. */
    private static final long HOLD_REVIEW_MS = 86_400_000L;
    /** Remembered orders, for cancels; older ones drop out. */
    private static final int TRACKED_ORDERS_MAX = 10_000;

    private final SplittableRandom random;
    private final Engine engine;
    private final int users;
    /** Open-looking orders as (user, client order id). */
    private final List<long[]> orders = new ArrayList<>();
    private long command;
    private long midTicks = 50_000;

    public BenchmarkWorkload(final long seed, final int users, final EngineEvents events) {
        this.random = new SplittableRandom(seed);
        this.users = users;
        this.engine = new Engine(EngineCapacity.DEFAULT, events);
    }

    public Engine engine() {
        return engine;
    }

    /** Lists the asset, market and users and funds every user. */
    public void setup() {
        engine.createAsset(CLIENT, ++command, now(), BTC, "BTC", 8);
        engine.createAsset(CLIENT, ++command, now(), USD, "USD", 2);
        engine.createMarket(CLIENT, ++command, now(), MARKET, "BTCUSD", BTC, USD, TICK, LOT, LOT, 1_000 * LOT, 1, 10,
            20);
        // Withdrawals go to allow-listed addresses; lowering the time lock to 0 takes two operators.
        engine.setWithdrawalPolicy(CLIENT, ++command, now(), USD, PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK, 0, OPERATOR);
        engine.approvePolicyChange(CLIENT, ++command, now(), 1, APPROVER);
        for (long user = 1; user <= users; user++) {
            engine.createUser(CLIENT, ++command, now(), user);
            engine.deposit(CLIENT, ++command, now(), user, BTC, 1_000_000_000_000L, command);
            engine.deposit(CLIENT, ++command, now(), user, USD, 100_000_000_000L, command);
            engine.addWithdrawalAddress(CLIENT, ++command, now(), user, USD, "usd-account-" + user);
        }
    }

    /** Sends {@code count} more commands. */
    public void run(final int count) {
        for (int i = 0; i < count; i++) {
            next();
        }
    }

    private void next() {
        midTicks = Math.max(1_000, midTicks + random.nextInt(3) - 1);
        final long user = 1 + random.nextInt(users);
        final int roll = random.nextInt(100);
        if (roll < 55) {
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long ticks = midTicks + (side == Side.BUY ? -8 : 8) + random.nextInt(-10, 11);
            place(user, side, OrderType.LIMIT, TimeInForce.GTC, ticks * TICK, LOT * (1 + random.nextInt(10)), 0);
        } else if (roll < 75) {
            cancel();
        } else if (roll < 85) {
            final boolean buy = random.nextBoolean();
            place(user, buy ? Side.BUY : Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0,
                buy ? 0 : LOT * (1 + random.nextInt(5)), buy ? midTicks * TICK * (1 + random.nextInt(5)) / 100 : 0);
        } else if (roll < 89) {
            engine.deposit(CLIENT, ++command, now(), user, random.nextBoolean() ? BTC : USD, 1_000_000, command);
        } else if (roll < 93) {
            // Address ids follow user ids: setup allow-lists one address per user, in order.
            engine.requestWithdrawal(CLIENT, ++command, now(), user, USD, 10_000, user);
        } else if (roll < 96 && engine.pendingWithdrawals().iterator().hasNext()) {
            final long withdrawalId = engine.pendingWithdrawals().iterator().next().withdrawalId();
            engine.claimWithdrawal(CLIENT, ++command, now(), withdrawalId);
            engine.markWithdrawalBroadcast(CLIENT, ++command, now(), withdrawalId, "tx-" + withdrawalId, 0);
            engine.completeWithdrawal(CLIENT, ++command, now(), withdrawalId);
        } else if (roll < 98) {
            // Every hold needs a second operator unless a threshold says otherwise: place, then approve.
            engine.placeHold(CLIENT, ++command, now(), user, BTC, 5_000, HoldKind.AMOUNT, HoldReason.COMPLIANCE_REVIEW,
                "Routine compliance review of recent deposits", OPERATOR, now() + HOLD_REVIEW_MS,
                ReleaseCondition.OPERATOR_RELEASE, 0, 0);
            for (final Hold hold : engine.holdsOf(user, BTC)) {
                if (hold.state() == HoldState.PENDING_APPROVAL) {
                    engine.approveHold(CLIENT, ++command, now(), hold.holdId(), APPROVER);
                }
            }
        } else if (engine.activeHolds().iterator().hasNext()) {
            engine.releaseHold(CLIENT, ++command, now(), engine.activeHolds().iterator().next().holdId(), OPERATOR);
        } else {
            cancel();
        }
    }

    private void place(final long user, final Side side, final OrderType type, final TimeInForce tif,
        final long price, final long quantity, final long quoteBudget) {
        final long clientOrderId = ++command;
        final RejectReason reason = engine.placeOrder(CLIENT, command, now(), user, MARKET, side, type, tif, price,
            quantity, quoteBudget, clientOrderId, StpMode.NONE);
        if (reason == RejectReason.NONE && type == OrderType.LIMIT) {
            orders.add(new long[] {user, clientOrderId});
            if (orders.size() > TRACKED_ORDERS_MAX) {
                orders.subList(0, orders.size() - TRACKED_ORDERS_MAX).clear();
            }
        }
    }

    /** Cancels a remembered order by its owner's client order id; it may have filled already (then refused). */
    private void cancel() {
        if (orders.isEmpty()) {
            return;
        }
        final long[] order = orders.remove(random.nextInt(orders.size()));
        engine.cancelOrder(CLIENT, ++command, now(), order[0], MARKET, 0, order[1]);
    }

    private long now() {
        return START_MS + command * STEP_MS;
    }
}
