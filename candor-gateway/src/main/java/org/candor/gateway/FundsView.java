package org.candor.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.IgnoringEvents;
import org.candor.engine.LedgerCause;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalState;

/**
 * What each user's money is doing, part by part, for GET /v1/funds: the IN_ORDERS bucket per market, the
 * WITHDRAWING bucket per withdrawal and the HELD bucket per hold, with each withdrawal's state and each hold's
 * reason, deadline and renewals. Every ledger entry that moves money in or out of one of those buckets is booked
 * to the part its reference names (the order's market, the trade's market, the withdrawal, the hold), so the
 * parts of a bucket add up to the bucket exactly, by construction: long arithmetic on the same entries
 * {@link AccountView} sums. An entry whose part cannot be named is booked to an unattributed part rather than
 * dropped. Not thread-safe by itself: see {@link ReadViews}.
 */
final class FundsView extends IgnoringEvents {
    /** The part of a bucket no market, withdrawal or hold could be named for (never expected). */
    static final long UNATTRIBUTED = -1;

    /** user -> asset -> bucket ordinal -> part key -> amount. */
    private final Map<Long, Map<Integer, Map<Integer, Map<Long, Long>>>> parts = new HashMap<>();
    private final Map<Long, Integer> marketOfOpenOrder = new HashMap<>();
    private final List<Long> endedInCommand = new ArrayList<>();
    private final Map<Long, WithdrawalInfo> withdrawals = new HashMap<>();
    private final Map<Long, HoldInfo> holds = new HashMap<>();
    private final List<HoldInfo> placedInCommand = new ArrayList<>();
    private final List<WithdrawalInfo> requestedInCommand = new ArrayList<>();
    private long lastTradeId = -1;
    private int lastTradeMarket = -1;

    /** A pending withdrawal: its asset, amount and current state, and when it was requested. */
    record WithdrawalInfo(long withdrawalId, long userId, int assetId, long amount, WithdrawalState state,
        long requestedMs) {
    }

    /** A hold as the user may see it; {@code placedMs} is its command's time. */
    record HoldInfo(long holdId, long userId, int assetId, long amount, HoldKind kind, HoldReason reason,
        String explanation, long reviewDeadlineMs, ReleaseCondition releaseCondition, long ticketRef,
        HoldState state, int renewals, long placedMs) {

        HoldInfo with(final HoldState newState, final long newDeadlineMs, final int newRenewals) {
            return new HoldInfo(holdId, userId, assetId, amount, kind, reason, explanation, newDeadlineMs,
                releaseCondition, ticketRef, newState, newRenewals, placedMs);
        }
    }

    // ---------------------------------------------------------------- reads (under the read lock)

    /** Asset -> bucket ordinal -> part key -> amount for one user, a copy; only non-zero parts. */
    Map<Integer, Map<Integer, Map<Long, Long>>> parts(final long userId) {
        final Map<Integer, Map<Integer, Map<Long, Long>>> copy = new TreeMap<>();
        parts.getOrDefault(userId, Map.of()).forEach((asset, buckets) -> {
            final Map<Integer, Map<Long, Long>> bucketCopy = new TreeMap<>();
            buckets.forEach((bucket, byKey) -> bucketCopy.put(bucket, new TreeMap<>(byKey)));
            copy.put(asset, bucketCopy);
        });
        return copy;
    }

    WithdrawalInfo withdrawal(final long withdrawalId) {
        return withdrawals.get(withdrawalId);
    }

    HoldInfo hold(final long holdId) {
        return holds.get(holdId);
    }

    /** The user's holds that are pending or in force, account blocks included, in id order. */
    List<HoldInfo> holdsOf(final long userId) {
        final List<HoldInfo> list = new ArrayList<>();
        for (final HoldInfo hold : holds.values()) {
            if (hold.userId() == userId) {
                list.add(hold);
            }
        }
        list.sort((a, b) -> Long.compare(a.holdId(), b.holdId()));
        return list;
    }

    // ---------------------------------------------------------------- events (the writer thread)

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        marketOfOpenOrder.put(orderId, marketId);
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        // Released funds may follow the done event within the command: forget the order at its end.
        endedInCommand.add(orderId);
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        lastTradeId = tradeId;
        lastTradeMarket = marketId;
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause,
        final long reference) {
        book(fromUserId, assetId, fromBucket, cause, reference, -amount);
        book(toUserId, assetId, toBucket, cause, reference, amount);
    }

    private void book(final long userId, final int assetId, final Bucket bucket, final LedgerCause cause,
        final long reference, final long amount) {
        if (userId == Engine.SYSTEM_USER_ID || bucket == Bucket.AVAILABLE
            || bucket.ordinal() >= AccountView.BUCKETS) {
            return;
        }
        final long key = partKey(bucket, cause, reference);
        final Map<Long, Long> byKey = parts.computeIfAbsent(userId, id -> new HashMap<>())
            .computeIfAbsent(assetId, id -> new HashMap<>())
            .computeIfAbsent(bucket.ordinal(), id -> new HashMap<>());
        final long after = Math.addExact(byKey.getOrDefault(key, 0L), amount);
        if (after == 0) {
            byKey.remove(key);
        } else {
            byKey.put(key, after);
        }
    }

    /** The market, withdrawal or hold an entry on {@code bucket} belongs to. */
    private long partKey(final Bucket bucket, final LedgerCause cause, final long reference) {
        return switch (bucket) {
            case IN_ORDERS -> switch (cause) {
                case ORDER_RESERVED, ORDER_RELEASED -> marketOfOpenOrder.getOrDefault(reference, -1);
                case TRADE_SETTLED, TRADE_FEE -> reference == lastTradeId ? lastTradeMarket : UNATTRIBUTED;
                default -> UNATTRIBUTED;
            };
            case WITHDRAWING, HELD -> reference;
            default -> UNATTRIBUTED;
        };
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount) {
        final WithdrawalInfo info = new WithdrawalInfo(withdrawalId, userId, assetId, amount,
            WithdrawalState.PENDING, 0);
        withdrawals.put(withdrawalId, info);
        requestedInCommand.add(info);
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        if (state == WithdrawalState.PENDING) {
            return;
        }
        // Its funds left WITHDRAWING in this command (completed or returned): nothing of it remains to show.
        withdrawals.remove(withdrawalId);
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId,
        final long amount, final HoldKind kind, final HoldReason reason, final String explanation,
        final long operatorId, final long reviewDeadlineMs, final ReleaseCondition releaseCondition,
        final long ticketRef, final long massActionId, final HoldState state) {
        final HoldInfo hold = new HoldInfo(holdId, userId, assetId, amount, kind, reason, explanation,
            reviewDeadlineMs, releaseCondition, ticketRef, state, 0, 0);
        holds.put(holdId, hold);
        placedInCommand.add(hold);
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        holds.computeIfPresent(holdId, (id, h) -> h.with(HoldState.ACTIVE, h.reviewDeadlineMs(), h.renewals()));
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        holds.remove(holdId);
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        holds.remove(holdId);
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        holds.computeIfPresent(holdId, (id, h) -> h.with(HoldState.ESCALATED, reviewDeadlineMs, h.renewals()));
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        holds.computeIfPresent(holdId, (id, h) -> h.with(HoldState.ACTIVE, reviewDeadlineMs, renewals));
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        for (final long orderId : endedInCommand) {
            marketOfOpenOrder.remove(orderId);
        }
        endedInCommand.clear();
        for (final HoldInfo placed : placedInCommand) {
            holds.computeIfPresent(placed.holdId(), (id, h) -> new HoldInfo(h.holdId(), h.userId(), h.assetId(),
                h.amount(), h.kind(), h.reason(), h.explanation(), h.reviewDeadlineMs(), h.releaseCondition(),
                h.ticketRef(), h.state(), h.renewals(), timestampMs));
        }
        placedInCommand.clear();
        for (final WithdrawalInfo requested : requestedInCommand) {
            withdrawals.computeIfPresent(requested.withdrawalId(), (id, w) -> new WithdrawalInfo(w.withdrawalId(),
                w.userId(), w.assetId(), w.amount(), w.state(), timestampMs));
        }
        requestedInCommand.clear();
    }
}
