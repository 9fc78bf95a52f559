package org.candor.gateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.candor.engine.IgnoringEvents;
import org.candor.engine.LedgerCause;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/**
 * Each user's balances (by bucket) and orders, built only from committed events: open orders, and the most recent
 * {@link #CLOSED_ORDERS_PER_USER} finished ones so that a client can still query an order it just saw end. Full
 * order history belongs to the read model. Not thread-safe by itself: see {@link ReadViews}.
 *
 * <p>The times of an order come from the {@code commandResult} of the commands that touched it, which follows their
 * events; orders wait in {@link #touched} until then.
 */
final class AccountView extends IgnoringEvents {
    /** Finished orders kept per user for GET /api/v3/order; older ones need the read model (issue #5). */
    static final int CLOSED_ORDERS_PER_USER = 200;
    /** A user's buckets, indexed by {@link Bucket#ordinal()}: AVAILABLE, IN_ORDERS, WITHDRAWING, HELD. */
    static final int BUCKETS = 4;

    private final Map<Long, Map<Integer, long[]>> balances = new HashMap<>();
    private final Map<Long, UserOrders> orders = new HashMap<>();
    private final Map<Long, MutableOrder> open = new HashMap<>();
    private final List<MutableOrder> touched = new ArrayList<>();
    /** The order the last {@code orderDone} ended, for the followers that report it. */
    private MutableOrder lastEnded;

    // ---------------------------------------------------------------- reads (under the read lock)

    boolean userExists(final long userId) {
        return balances.containsKey(userId);
    }

    /** Asset id to {AVAILABLE, IN_ORDERS, WITHDRAWING, HELD}, a copy. */
    Map<Integer, long[]> balances(final long userId) {
        final Map<Integer, long[]> copy = new TreeMap<>();
        final Map<Integer, long[]> user = balances.get(userId);
        if (user != null) {
            user.forEach((asset, buckets) -> copy.put(asset, buckets.clone()));
        }
        return copy;
    }

    /** The user's open orders, in order id order; all markets when {@code marketId} is negative. */
    List<OrderRecord> openOrders(final long userId, final int marketId) {
        final UserOrders user = orders.get(userId);
        final List<OrderRecord> list = new ArrayList<>();
        if (user != null) {
            for (final MutableOrder order : user.open.values()) {
                if (marketId < 0 || order.marketId == marketId) {
                    list.add(order.record());
                }
            }
        }
        return list;
    }

    /** The user's order, open or recently finished, or null. Another user's order is not found. */
    OrderRecord order(final long userId, final long orderId) {
        final UserOrders user = orders.get(userId);
        if (user == null) {
            return null;
        }
        final MutableOrder order = user.open.get(orderId);
        if (order != null) {
            return order.record();
        }
        for (final MutableOrder closed : user.closed) {
            if (closed.orderId == orderId) {
                return closed.record();
            }
        }
        return null;
    }

    /**
     * The user's order with this engine client order id: the open one if any (ids are unique among open orders),
     * else the most recently finished one.
     */
    OrderRecord orderByClientNumber(final long userId, final long clientOrderId) {
        final UserOrders user = orders.get(userId);
        if (user == null) {
            return null;
        }
        for (final MutableOrder order : user.open.values()) {
            if (order.clientOrderId == clientOrderId) {
                return order.record();
            }
        }
        final Iterator<MutableOrder> newestFirst = user.closed.descendingIterator();
        while (newestFirst.hasNext()) {
            final MutableOrder order = newestFirst.next();
            if (order.clientOrderId == clientOrderId) {
                return order.record();
            }
        }
        return null;
    }

    /** The order the last {@code orderDone} event ended (the writer thread, right after that event). */
    OrderRecord lastEnded() {
        return lastEnded == null ? null : lastEnded.record();
    }

    /** An open order by id alone, whoever owns it, or null (the writer thread, for the followers). */
    OrderRecord openOrder(final long orderId) {
        final MutableOrder order = open.get(orderId);
        return order == null ? null : order.record();
    }

    // ---------------------------------------------------------------- events (the writer thread)

    @Override
    public void userCreated(final long seq, final long userId) {
        balances.put(userId, new TreeMap<>());
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause, final long reference) {
        move(fromUserId, assetId, fromBucket, -amount);
        move(toUserId, assetId, toBucket, amount);
    }

    private void move(final long userId, final int assetId, final Bucket bucket, final long amount) {
        if (userId == Engine.SYSTEM_USER_ID) {
            return;
        }
        final long[] buckets = balances.computeIfAbsent(userId, id -> new TreeMap<>())
            .computeIfAbsent(assetId, id -> new long[BUCKETS]);
        buckets[bucket.ordinal()] += amount;
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        final MutableOrder order = new MutableOrder(orderId, userId, marketId, side, type, timeInForce, stpMode, price,
            quantity, quoteBudget, clientOrderId);
        open.put(orderId, order);
        orders.computeIfAbsent(userId, id -> new UserOrders()).open.put(orderId, order);
        touched.add(order);
    }

    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        open.get(orderId).label = label.toString();
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        fill(open.get(makerOrderId), quantity, quoteAmount);
        fill(open.get(takerOrderId), quantity, quoteAmount);
    }

    private void fill(final MutableOrder order, final long quantity, final long quoteAmount) {
        order.executedQuantity += quantity;
        order.cumulativeQuote += quoteAmount;
        order.status = OrderStatus.open(order.executedQuantity);
        touched.add(order);
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        final MutableOrder order = open.get(orderId);
        order.quantity = order.executedQuantity + remaining;
        touched.add(order);
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        final MutableOrder order = open.get(orderId);
        order.price = newPrice;
        touched.add(order);
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        final MutableOrder order = open.remove(orderId);
        order.status = OrderStatus.ended(reason);
        final UserOrders user = orders.get(order.userId);
        user.open.remove(orderId);
        if (user.closed.size() == CLOSED_ORDERS_PER_USER) {
            user.closed.removeFirst();
        }
        user.closed.addLast(order);
        touched.add(order);
        lastEnded = order;
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        for (final MutableOrder order : touched) {
            if (order.timeMs == 0) {
                order.timeMs = timestampMs;
            }
            order.updateTimeMs = timestampMs;
        }
        touched.clear();
    }

    /** A user's open orders by id, and a bounded tail of finished ones, oldest first. */
    private static final class UserOrders {
        final Map<Long, MutableOrder> open = new TreeMap<>();
        final ArrayDeque<MutableOrder> closed = new ArrayDeque<>();
    }

    /** The writer's copy of an order; readers get {@link #record()}. */
    private static final class MutableOrder {
        final long orderId;
        final long userId;
        final int marketId;
        final Side side;
        final OrderType type;
        final TimeInForce timeInForce;
        final StpMode stpMode;
        final long quoteBudget;
        final long clientOrderId;
        long price;
        long quantity;
        long executedQuantity;
        long cumulativeQuote;
        OrderStatus status = OrderStatus.NEW;
        long timeMs;
        long updateTimeMs;
        /** The client order id as the client wrote it; null when the order has none or predates labels. */
        String label;

        MutableOrder(final long orderId, final long userId, final int marketId, final Side side, final OrderType type,
            final TimeInForce timeInForce, final StpMode stpMode, final long price, final long quantity,
            final long quoteBudget, final long clientOrderId) {
            this.orderId = orderId;
            this.userId = userId;
            this.marketId = marketId;
            this.side = side;
            this.type = type;
            this.timeInForce = timeInForce;
            this.stpMode = stpMode;
            this.price = price;
            this.quantity = quantity;
            this.quoteBudget = quoteBudget;
            this.clientOrderId = clientOrderId;
        }

        OrderRecord record() {
            return new OrderRecord(orderId, userId, marketId, side, type, timeInForce, stpMode, price, quantity,
                quoteBudget, clientOrderId, executedQuantity, cumulativeQuote, status, timeMs, updateTimeMs, label);
        }
    }
}
