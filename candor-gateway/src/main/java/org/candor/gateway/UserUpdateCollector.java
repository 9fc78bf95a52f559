package org.candor.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Turns each command's events into what the users' data streams report ({@link UserUpdate}), reading the order and
 * balance state from the views, which have already applied the event (it follows them in {@link ViewFanout}).
 * Updates wait for the command's result, which carries the command's time, then go to the drained list. It only
 * collects while someone listens ({@link #enabled}), so a gateway without user streams pays nothing.
 */
final class UserUpdateCollector extends IgnoringEvents {
    private final MarketView market;
    private final AccountView accounts;
    private final List<UserUpdate> command = new ArrayList<>();
    private final Map<Long, Set<Integer>> changedAssets = new HashMap<>();
    private final List<UserUpdate> ready = new ArrayList<>();
    private volatile boolean enabled;

    UserUpdateCollector(final MarketView market, final AccountView accounts) {
        this.market = market;
        this.accounts = accounts;
    }

    void enable(final boolean on) {
        enabled = on;
    }

    /** The updates of the commands applied since the last drain, in order (the writer thread). */
    List<UserUpdate> drain() {
        if (ready.isEmpty()) {
            return List.of();
        }
        final List<UserUpdate> taken = new ArrayList<>(ready);
        ready.clear();
        return taken;
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        if (enabled) {
            command.add(new UserUpdate.Execution(userId, accounts.openOrder(orderId), "NEW", 0, 0, 0, 0, -1, -1,
                false, 0));
        }
    }

    /** The NEW report was taken at acceptance, before the label: it is taken again, with it. */
    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        if (!enabled) {
            return;
        }
        for (int i = command.size() - 1; i >= 0; i--) {
            if (command.get(i) instanceof UserUpdate.Execution execution && execution.order().orderId() == orderId) {
                command.set(i, new UserUpdate.Execution(userId, accounts.openOrder(orderId), execution.execution(),
                    0, 0, 0, 0, -1, -1, false, 0));
                return;
            }
        }
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        if (!enabled) {
            return;
        }
        final MarketInfo info = market.market(marketId);
        for (final boolean maker : new boolean[] {true, false}) {
            final long orderId = maker ? makerOrderId : takerOrderId;
            final OrderRecord order = accounts.order(maker ? makerUserId : takerUserId, orderId);
            if (order == null) {
                continue;
            }
            final int feeAsset = order.side() == Side.BUY ? info.base().id() : info.quote().id();
            command.add(new UserUpdate.Execution(order.userId(), order, "TRADE", quantity, price, quoteAmount,
                maker ? makerFee : takerFee, feeAsset, tradeId, maker, 0));
        }
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        if (!enabled) {
            return;
        }
        final OrderRecord order = accounts.lastEnded();
        if (order == null || order.orderId() != orderId) {
            return;
        }
        if (reason == OrderEndReason.FILLED) {
            // Binance reports a fill's last trade with status FILLED rather than a separate report.
            for (int i = command.size() - 1; i >= 0; i--) {
                if (command.get(i) instanceof UserUpdate.Execution execution
                    && execution.order().orderId() == orderId) {
                    command.set(i, execution.withStatus(OrderStatus.FILLED));
                    return;
                }
            }
            return;
        }
        final String execution = switch (reason) {
            case CANCELLED -> "CANCELED";
            case EXPIRED_STP -> "TRADE_PREVENTION";
            default -> "EXPIRED";
        };
        command.add(new UserUpdate.Execution(order.userId(), order, execution, 0, 0, 0, 0, -1, -1, false, 0));
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause,
        final long reference) {
        if (!enabled) {
            return;
        }
        changed(fromUserId, assetId);
        changed(toUserId, assetId);
        switch (cause) {
            case DEPOSIT, WITHDRAWAL_RETURNED -> command.add(new UserUpdate.BalanceDelta(toUserId, assetId, amount, 0));
            case WITHDRAWAL_REQUESTED -> command.add(new UserUpdate.BalanceDelta(fromUserId, assetId, -amount, 0));
            default -> {
            }
        }
    }

    private void changed(final long userId, final int assetId) {
        if (userId != Engine.SYSTEM_USER_ID) {
            changedAssets.computeIfAbsent(userId, id -> new TreeSet<>()).add(assetId);
        }
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        for (final UserUpdate update : command) {
            if (update instanceof UserUpdate.Execution execution) {
                ready.add(execution.at(timestampMs));
            } else if (update instanceof UserUpdate.BalanceDelta delta) {
                ready.add(delta.at(timestampMs));
            } else {
                ready.add(update);
            }
        }
        command.clear();
        changedAssets.forEach((userId, assets) -> {
            final Map<Integer, long[]> all = accounts.balances(userId);
            final Map<Integer, long[]> changed = new TreeMap<>();
            for (final int asset : assets) {
                changed.put(asset, all.getOrDefault(asset, new long[AccountView.BUCKETS]));
            }
            ready.add(new UserUpdate.Balances(userId, changed, timestampMs));
        });
        changedAssets.clear();
    }
}
