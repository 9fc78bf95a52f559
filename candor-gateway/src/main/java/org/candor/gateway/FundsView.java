package org.candor.gateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
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
import org.candor.engine.PolicyKind;
import org.candor.engine.WithdrawalPauseReason;
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
    /** Withdrawals that entered a state in the current command: stamped with its time at the command's result. */
    private final List<Long> changedInCommand = new ArrayList<>();
    /** Deposits kept per user for the deposit history, newest last. */
    static final int DEPOSITS_PER_USER_MAX = 200;
    private final Map<Long, ArrayDeque<DepositInfo>> deposits = new HashMap<>();
    private final List<DepositInfo> creditedInCommand = new ArrayList<>();

    /** Withdrawal addresses on users' allow-lists, by address id. */
    private final Map<Long, AddressInfo> addresses = new HashMap<>();
    /** Addresses added in the current command: stamped with its time at the command's result. */
    private final List<Long> addedInCommand = new ArrayList<>();
    /** Withdrawal settings per asset (deadlines, time lock, ...) as operators set them; absent: the engine's. */
    private final Map<Integer, Map<PolicyKind, Long>> slaByAsset = new HashMap<>();
    /** Assets whose withdrawals operators paused, with the reason and the public explanation. */
    private final Map<Integer, PauseInfo> pauses = new TreeMap<>();
    private long lastTradeId = -1;
    private int lastTradeMarket = -1;

    /**
     * A withdrawal not yet ended: its asset, amount, current state, when it was requested and entered that state,
     * the state's service-level deadline, its transaction once broadcast, and whether a deadline was missed.
     */
    record WithdrawalInfo(long withdrawalId, long userId, int assetId, long amount, long addressId,
        WithdrawalState state, long requestedMs, long stateSinceMs, String txRef, boolean slaMissed) {

        WithdrawalInfo inState(final WithdrawalState newState, final String newTxRef) {
            return new WithdrawalInfo(withdrawalId, userId, assetId, amount, addressId, newState, requestedMs, 0,
                newTxRef, slaMissed);
        }

        WithdrawalInfo stamped(final long timestampMs) {
            return new WithdrawalInfo(withdrawalId, userId, assetId, amount, addressId, state,
                requestedMs == 0 ? timestampMs : requestedMs, timestampMs, txRef, slaMissed);
        }

        WithdrawalInfo missed() {
            return new WithdrawalInfo(withdrawalId, userId, assetId, amount, addressId, state, requestedMs,
                stateSinceMs, txRef, true);
        }
    }

    /** A credited deposit: asset, amount, the chain's reference and when it was credited. */
    record DepositInfo(long seq, long userId, int assetId, long amount, long depositRef, long creditedMs) {
    }

    /** An allow-listed withdrawal address and when it becomes usable (after its time lock). */
    record AddressInfo(long addressId, long userId, int assetId, String address, long usableFromMs, long addedMs) {
    }

    /** A pause of an asset's withdrawals: why, the explanation users read, and who paused them. */
    record PauseInfo(int assetId, WithdrawalPauseReason reason, String explanation, long operatorId) {
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

    /** The user's latest credited deposits, newest first (at most {@link #DEPOSITS_PER_USER_MAX}). */
    List<DepositInfo> depositsOf(final long userId) {
        final List<DepositInfo> list = new ArrayList<>(deposits.getOrDefault(userId, new ArrayDeque<>()));
        Collections.reverse(list);
        return list;
    }

    /** The user's withdrawals under way, in id order. */
    List<WithdrawalInfo> withdrawalsOf(final long userId) {
        final List<WithdrawalInfo> list = new ArrayList<>();
        for (final WithdrawalInfo withdrawal : withdrawals.values()) {
            if (withdrawal.userId() == userId) {
                list.add(withdrawal);
            }
        }
        list.sort((a, b) -> Long.compare(a.withdrawalId(), b.withdrawalId()));
        return list;
    }

    /** The user's allow-listed addresses, in id order. */
    List<AddressInfo> addressesOf(final long userId) {
        final List<AddressInfo> list = new ArrayList<>();
        for (final AddressInfo address : addresses.values()) {
            if (address.userId() == userId) {
                list.add(address);
            }
        }
        list.sort((a, b) -> Long.compare(a.addressId(), b.addressId()));
        return list;
    }

    /**
     * Where a withdrawal not yet broadcast stands in its asset's queue (1 for the next), ordered by id as the engine
     * processes them; 0 once broadcast or unknown.
     */
    int queuePosition(final long withdrawalId) {
        final WithdrawalInfo info = withdrawals.get(withdrawalId);
        if (info == null || !queued(info.state())) {
            return 0;
        }
        int position = 1;
        for (final WithdrawalInfo other : withdrawals.values()) {
            if (other.assetId() == info.assetId() && queued(other.state()) && other.withdrawalId() < withdrawalId) {
                position++;
            }
        }
        return position;
    }

    /** By when the withdrawal's current state should be over (its service-level deadline), or 0 if none. */
    long stateDeadlineMs(final WithdrawalInfo info) {
        final PolicyKind kind = switch (info.state()) {
            case REQUESTED -> PolicyKind.WITHDRAWAL_SLA_REQUESTED;
            case AWAITING_APPROVAL -> PolicyKind.WITHDRAWAL_SLA_AWAITING_APPROVAL;
            case APPROVED -> PolicyKind.WITHDRAWAL_SLA_APPROVED;
            case SENDING -> PolicyKind.WITHDRAWAL_SLA_SENDING;
            case BROADCAST -> PolicyKind.WITHDRAWAL_SLA_BROADCAST;
            default -> null;
        };
        if (kind == null || info.stateSinceMs() == 0) {
            return 0;
        }
        return info.stateSinceMs() + setting(info.assetId(), kind);
    }

    /** The asset's current setting of a withdrawal policy: as operators set it, else the engine's default. */
    long setting(final int assetId, final PolicyKind kind) {
        return slaByAsset.getOrDefault(assetId, Map.of()).getOrDefault(kind, kind.withdrawalDefault());
    }

    /** The pause of the asset's withdrawals, or null while they run. */
    PauseInfo pause(final int assetId) {
        return pauses.get(assetId);
    }

    /** Every paused asset, in asset id order. */
    List<PauseInfo> pauses() {
        return List.copyOf(pauses.values());
    }

    /**
     * Withdrawals waiting for an operator's approval, oldest first, at most {@code max}: the operators' queue. Bounded
     * by the engine's capacity of pending withdrawals; a scan, as the console asks rarely.
     */
    List<WithdrawalInfo> awaitingApproval(final int max) {
        final List<WithdrawalInfo> list = new ArrayList<>();
        for (final WithdrawalInfo withdrawal : withdrawals.values()) {
            if (withdrawal.state() == WithdrawalState.AWAITING_APPROVAL) {
                list.add(withdrawal);
            }
        }
        list.sort((a, b) -> Long.compare(a.withdrawalId(), b.withdrawalId()));
        return list.size() > max ? List.copyOf(list.subList(0, max)) : list;
    }

    private static boolean queued(final WithdrawalState state) {
        return state == WithdrawalState.REQUESTED || state == WithdrawalState.AWAITING_APPROVAL
            || state == WithdrawalState.APPROVED;
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
        final long amount, final long addressId, final WithdrawalState state) {
        withdrawals.put(withdrawalId, new WithdrawalInfo(withdrawalId, userId, assetId, amount, addressId, state, 0,
            0, null, false));
        changedInCommand.add(withdrawalId);
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        final DepositInfo deposit = new DepositInfo(seq, userId, assetId, amount, depositRef, 0);
        final ArrayDeque<DepositInfo> list = deposits.computeIfAbsent(userId,
            id -> new ArrayDeque<>());
        list.addLast(deposit);
        if (list.size() > DEPOSITS_PER_USER_MAX) {
            list.removeFirst();
        }
        creditedInCommand.add(deposit);
    }

    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
        addresses.put(addressId, new AddressInfo(addressId, userId, assetId, address, usableFromMs, 0));
        addedInCommand.add(addressId);
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
        addresses.remove(addressId);
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
        enter(withdrawalId, WithdrawalState.APPROVED, null);
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
        enter(withdrawalId, WithdrawalState.BROADCAST, txRef);
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
        withdrawals.computeIfPresent(withdrawalId, (id, w) -> w.missed());
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        if (state.isFinal()) {
            // Its funds left WITHDRAWING in this command (confirmed or returned): nothing of it remains to show.
            withdrawals.remove(withdrawalId);
        } else {
            enter(withdrawalId, state, null);
        }
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        slaByAsset.computeIfAbsent(assetId, id -> new EnumMap<>(PolicyKind.class)).put(kind, value);
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        pauses.put(assetId, new PauseInfo(assetId, reason, explanation, operatorId));
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
        pauses.remove(assetId);
    }

    private void enter(final long withdrawalId, final WithdrawalState state, final String txRef) {
        final WithdrawalInfo info = withdrawals.get(withdrawalId);
        if (info != null) {
            withdrawals.put(withdrawalId, info.inState(state, txRef == null ? info.txRef() : txRef));
            changedInCommand.add(withdrawalId);
        }
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
        for (final long withdrawalId : changedInCommand) {
            withdrawals.computeIfPresent(withdrawalId, (id, w) -> w.stamped(timestampMs));
        }
        changedInCommand.clear();
        for (final long addressId : addedInCommand) {
            addresses.computeIfPresent(addressId, (id, a) -> new AddressInfo(a.addressId(), a.userId(), a.assetId(),
                a.address(), a.usableFromMs(), timestampMs));
        }
        addedInCommand.clear();
        for (final DepositInfo credited : creditedInCommand) {
            final ArrayDeque<DepositInfo> list = deposits.get(credited.userId());
            if (list != null && list.remove(credited)) {
                list.addLast(new DepositInfo(credited.seq(), credited.userId(), credited.assetId(), credited.amount(),
                    credited.depositRef(), timestampMs));
            }
        }
        creditedInCommand.clear();
    }
}
