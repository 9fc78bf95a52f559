package org.candor.engine;

import java.util.Comparator;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The withdrawal lifecycle (decision 0010): request with every check up front, approval above the asset's
 * threshold, a claim by the chain edge before it broadcasts (SENDING), the broadcast, confirmation or failure,
 * cancellation by the owner before the claim, and one service-level deadline per state entry. Live withdrawals are
 * kept in id order (TreeMap) and their pending deadlines in (deadline, id) order (TreeSet), so walks, queue
 * positions and the firing order are the same on every replica. A withdrawal that ends leaves the engine after its
 * events; the read side keeps its history.
 */
final class Withdrawals {
    private static final Comparator<Withdrawal> BY_DEADLINE =
        Comparator.<Withdrawal>comparingLong(w -> w.slaDeadlineMs).thenComparingLong(w -> w.withdrawalId);

    private final Users users;
    private final Assets assets;
    private final Ledger ledger;
    private final Emitter emitter;
    private final Digest digest;
    private final WithdrawalPolicy policy;
    private final WithdrawalAddresses addresses;
    private final Velocity velocity;
    private final int pendingWithdrawalsMax;
    private final TreeMap<Long, Withdrawal> live = new TreeMap<>();
    private final TreeSet<Withdrawal> deadlines = new TreeSet<>(BY_DEADLINE);
    private long withdrawalSeq;
    private long lastReference;

    Withdrawals(final Users users, final Assets assets, final Ledger ledger, final Emitter emitter, final Digest digest,
        final WithdrawalPolicy policy, final WithdrawalAddresses addresses, final Velocity velocity,
        final EngineCapacity capacity) {
        this.users = users;
        this.assets = assets;
        this.ledger = ledger;
        this.emitter = emitter;
        this.digest = digest;
        this.policy = policy;
        this.addresses = addresses;
        this.velocity = velocity;
        this.pendingWithdrawalsMax = capacity.pendingWithdrawalsMax();
    }

    /** The withdrawal acted on, or after a rejection that names its cause, the cause; else 0. */
    long lastReference() {
        return lastReference;
    }

    /**
     * Checks everything, then moves the amount AVAILABLE -> WITHDRAWING and starts the withdrawal REQUESTED, or
     * AWAITING_APPROVAL when the amount is above the asset's approval threshold. A failed check changes nothing.
     */
    RejectReason request(final int userSlot, final int assetId, final long amount, final long addressId,
        final long nowMs) {
        lastReference = 0;
        if (amount <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (policy.isPaused(assetId)) {
            lastReference = policy.pauseReason(assetId).code();
            return RejectReason.WITHDRAWALS_PAUSED;
        }
        final WithdrawalAddress address = addresses.get(addressId);
        if (address == null || address.userSlot != userSlot || address.assetId != assetId) {
            return RejectReason.ADDRESS_NOT_ON_ALLOW_LIST;
        }
        if (nowMs < address.usableFromMs) {
            lastReference = address.usableFromMs;
            return RejectReason.ADDRESS_TIME_LOCKED;
        }
        final int account = ledger.find(userSlot, assetId);
        if (account == Ledger.NONE || ledger.balance(account, Bucket.AVAILABLE) < amount) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        final RejectReason limited = checkVelocity(account, assetId, amount, nowMs);
        if (limited != RejectReason.NONE) {
            return limited;
        }
        if (live.size() >= pendingWithdrawalsMax) {
            return RejectReason.WITHDRAWALS_CAPACITY_REACHED;
        }
        if (!velocity.hasRoom(account, nowMs)) {
            return RejectReason.VELOCITY_WINDOW_CAPACITY_REACHED;
        }
        final Withdrawal withdrawal =
            new Withdrawal(++withdrawalSeq, userSlot, account, assetId, amount, nowMs, addressId);
        final boolean approvalRequired = amount > policy.get(PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD, assetId);
        enter(withdrawal, approvalRequired ? WithdrawalState.AWAITING_APPROVAL : WithdrawalState.REQUESTED, nowMs);
        live.put(withdrawal.withdrawalId, withdrawal);
        deadlines.add(withdrawal);
        digest.add(withdrawal.hash(users.idOf(userSlot)));
        velocity.count(account, assetId, amount, nowMs);
        lastReference = withdrawal.withdrawalId;
        emitter.withdrawalRequested(withdrawal.withdrawalId, users.idOf(userSlot), assetId, amount, addressId,
            withdrawal.state);
        ledger.move(account, Bucket.AVAILABLE, Bucket.WITHDRAWING, amount, LedgerCause.WITHDRAWAL_REQUESTED,
            withdrawal.withdrawalId);
        return RejectReason.NONE;
    }

    /** The user's limit first, then the asset's; both compare without overflow (totals never exceed a limit). */
    private RejectReason checkVelocity(final int account, final int assetId, final long amount, final long nowMs) {
        final long userLimit = policy.get(PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT, assetId);
        if (amount > userLimit - velocity.accountTotal(account, nowMs)) {
            lastReference = PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT.code();
            return RejectReason.WITHDRAWAL_VELOCITY_LIMIT;
        }
        final long assetLimit = policy.get(PolicyKind.WITHDRAWAL_ASSET_VELOCITY_LIMIT, assetId);
        if (amount > assetLimit - velocity.assetTotal(assetId, nowMs)) {
            lastReference = PolicyKind.WITHDRAWAL_ASSET_VELOCITY_LIMIT.code();
            return RejectReason.WITHDRAWAL_VELOCITY_LIMIT;
        }
        return RejectReason.NONE;
    }

    /** An operator approves a withdrawal above the threshold; it is ready for the chain processor. */
    RejectReason approve(final long withdrawalId, final long operatorId, final long nowMs) {
        lastReference = 0;
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final Withdrawal withdrawal = live.get(withdrawalId);
        if (withdrawal == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (withdrawal.state != WithdrawalState.AWAITING_APPROVAL) {
            return RejectReason.WITHDRAWAL_NOT_AWAITING_APPROVAL;
        }
        final long before = hash(withdrawal);
        withdrawal.approvedBy = operatorId;
        transition(withdrawal, WithdrawalState.APPROVED, nowMs, before);
        lastReference = withdrawalId;
        emitter.withdrawalApproved(withdrawalId, operatorId);
        return RejectReason.NONE;
    }

    /** An operator turns a withdrawal above the threshold down with a justification; its funds return. */
    RejectReason reject(final long withdrawalId, final long operatorId, final String justification) {
        lastReference = 0;
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!HoldPolicy.isValidText(justification)) {
            return RejectReason.HOLD_EXPLANATION_INVALID;
        }
        final Withdrawal withdrawal = live.get(withdrawalId);
        if (withdrawal == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (withdrawal.state == WithdrawalState.SENDING) {
            return RejectReason.WITHDRAWAL_SENDING;
        }
        if (withdrawal.state != WithdrawalState.AWAITING_APPROVAL) {
            return RejectReason.WITHDRAWAL_NOT_AWAITING_APPROVAL;
        }
        lastReference = withdrawalId;
        emitter.withdrawalRejected(withdrawalId, operatorId, justification);
        end(withdrawal, WithdrawalState.REJECTED);
        return RejectReason.NONE;
    }

    /**
     * The chain edge claims a withdrawal ready to send (REQUESTED or APPROVED) before it broadcasts: SENDING refuses
     * the owner's cancel and the operator's reject, so no cancel can return funds whose transaction is already on the
     * network. The edge broadcasts only after it has seen this state change. A paused asset's withdrawals are not
     * claimed (the pause stops money leaving that has not started to); those already claimed go on.
     */
    RejectReason claim(final long withdrawalId, final long nowMs) {
        lastReference = 0;
        final Withdrawal withdrawal = live.get(withdrawalId);
        if (withdrawal == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (withdrawal.state == WithdrawalState.SENDING) {
            return RejectReason.WITHDRAWAL_SENDING;
        }
        if (!withdrawal.state.isReadyToSend()) {
            return RejectReason.WITHDRAWAL_NOT_READY_FOR_BROADCAST;
        }
        if (policy.isPaused(withdrawal.assetId)) {
            lastReference = policy.pauseReason(withdrawal.assetId).code();
            return RejectReason.WITHDRAWALS_PAUSED;
        }
        transition(withdrawal, WithdrawalState.SENDING, nowMs, hash(withdrawal));
        lastReference = withdrawalId;
        emitter.withdrawalStateChanged(withdrawalId, WithdrawalState.SENDING);
        return RejectReason.NONE;
    }

    /**
     * The chain edge sent the transaction of a withdrawal it claimed; from now on only the chain decides. Recorded
     * only from SENDING: a broadcast of an unclaimed withdrawal is the hazard the claim exists to prevent.
     */
    RejectReason broadcast(final long withdrawalId, final String txRef, final long fee, final long nowMs) {
        lastReference = 0;
        if (!WithdrawalPolicy.isValidChainText(txRef)) {
            return RejectReason.WITHDRAWAL_TEXT_INVALID;
        }
        final Withdrawal withdrawal = live.get(withdrawalId);
        if (withdrawal == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (fee < 0 || fee > withdrawal.amount) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (withdrawal.state != WithdrawalState.SENDING) {
            return RejectReason.WITHDRAWAL_NOT_SENDING;
        }
        final long before = hash(withdrawal);
        withdrawal.txRef = txRef;
        withdrawal.fee = fee;
        transition(withdrawal, WithdrawalState.BROADCAST, nowMs, before);
        lastReference = withdrawalId;
        emitter.withdrawalBroadcast(withdrawalId, txRef, fee);
        return RejectReason.NONE;
    }

    /** The transaction confirmed: the whole amount leaves the ledger (the network fee was paid out of it). */
    RejectReason confirm(final long withdrawalId) {
        lastReference = 0;
        final Withdrawal withdrawal = live.get(withdrawalId);
        if (withdrawal == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (withdrawal.state != WithdrawalState.BROADCAST) {
            return RejectReason.WITHDRAWAL_NOT_BROADCAST;
        }
        lastReference = withdrawalId;
        end(withdrawal, WithdrawalState.CONFIRMED);
        return RejectReason.NONE;
    }

    /** The chain processor could not send it, or the transaction failed: its funds return. */
    RejectReason fail(final long withdrawalId, final WithdrawalFailure reason) {
        lastReference = 0;
        if (reason == null) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final Withdrawal withdrawal = live.get(withdrawalId);
        if (withdrawal == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (withdrawal.state == WithdrawalState.AWAITING_APPROVAL) {
            return RejectReason.WITHDRAWAL_NOT_READY_FOR_BROADCAST;
        }
        lastReference = withdrawalId;
        emitter.withdrawalFailed(withdrawalId, reason);
        end(withdrawal, WithdrawalState.FAILED);
        return RejectReason.NONE;
    }

    /** The owner cancels before the chain edge claims it; another user's withdrawal is answered as unknown. */
    RejectReason cancel(final long withdrawalId, final int userSlot) {
        lastReference = 0;
        final Withdrawal withdrawal = live.get(withdrawalId);
        if (withdrawal == null || withdrawal.userSlot != userSlot) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (withdrawal.state == WithdrawalState.SENDING) {
            return RejectReason.WITHDRAWAL_SENDING;
        }
        if (!withdrawal.state.isCancellable()) {
            return RejectReason.WITHDRAWAL_ALREADY_BROADCAST;
        }
        lastReference = withdrawalId;
        end(withdrawal, WithdrawalState.CANCELLED);
        return RejectReason.NONE;
    }

    /** Pauses new withdrawals of an asset; in-flight withdrawals go on (the processor decides what to send). */
    RejectReason pause(final int assetId, final WithdrawalPauseReason reason, final String explanation,
        final long operatorId) {
        if (operatorId <= 0 || reason == null) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!assets.exists(assetId)) {
            return RejectReason.UNKNOWN_ASSET;
        }
        if (!HoldPolicy.isValidText(explanation)) {
            return RejectReason.HOLD_EXPLANATION_INVALID;
        }
        final long before = policy.hash(assetId);
        policy.pause(assetId, reason, explanation, operatorId);
        digest.replace(before, policy.hash(assetId));
        emitter.withdrawalsPaused(assetId, reason, explanation, operatorId);
        return RejectReason.NONE;
    }

    RejectReason resume(final int assetId, final long operatorId) {
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!assets.exists(assetId)) {
            return RejectReason.UNKNOWN_ASSET;
        }
        if (!policy.isPaused(assetId)) {
            return RejectReason.WITHDRAWALS_NOT_PAUSED;
        }
        final long before = policy.hash(assetId);
        policy.resume(assetId);
        digest.replace(before, policy.hash(assetId));
        emitter.withdrawalsResumed(assetId, operatorId);
        return RejectReason.NONE;
    }

    // ---------------------------------------------------------------- states and deadlines

    private long hash(final Withdrawal withdrawal) {
        return withdrawal.hash(users.idOf(withdrawal.userSlot));
    }

    /** Sets a state and its fresh service-level deadline (not yet in the index). */
    private void enter(final Withdrawal withdrawal, final WithdrawalState state, final long nowMs) {
        final long slaMs = policy.slaMs(withdrawal.assetId, state);
        withdrawal.state = state;
        withdrawal.stateSinceMs = nowMs;
        withdrawal.slaDeadlineMs = nowMs > Long.MAX_VALUE - slaMs ? Long.MAX_VALUE : nowMs + slaMs;
        withdrawal.slaMissed = false;
    }

    private void transition(final Withdrawal withdrawal, final WithdrawalState state, final long nowMs,
        final long before) {
        deadlines.remove(withdrawal);
        enter(withdrawal, state, nowMs);
        deadlines.add(withdrawal);
        digest.replace(before, hash(withdrawal));
    }

    /** The withdrawal leaves the engine; CONFIRMED sends its funds out, every other end returns them. */
    private void end(final Withdrawal withdrawal, final WithdrawalState state) {
        digest.remove(hash(withdrawal));
        live.remove(withdrawal.withdrawalId);
        deadlines.remove(withdrawal);
        withdrawal.state = state;
        emitter.withdrawalStateChanged(withdrawal.withdrawalId, state);
        if (state == WithdrawalState.CONFIRMED) {
            ledger.toCustody(withdrawal.account, Bucket.WITHDRAWING, withdrawal.amount,
                LedgerCause.WITHDRAWAL_COMPLETED, withdrawal.withdrawalId);
        } else {
            velocity.refund(withdrawal.account, withdrawal.assetId, withdrawal.amount, withdrawal.requestedAtMs);
            ledger.move(withdrawal.account, Bucket.WITHDRAWING, Bucket.AVAILABLE, withdrawal.amount,
                LedgerCause.WITHDRAWAL_RETURNED, withdrawal.withdrawalId);
        }
    }

    /** The earliest service-level deadline still to fire, or {@link Long#MAX_VALUE}. */
    long nextDeadlineMs() {
        return deadlines.isEmpty() ? Long.MAX_VALUE : deadlines.first().slaDeadlineMs;
    }

    /** Fires the earliest deadline: the withdrawal stays in its state; its deadline fires no more until it moves. */
    void fireFirst() {
        final Withdrawal withdrawal = deadlines.pollFirst();
        final long before = hash(withdrawal);
        withdrawal.slaMissed = true;
        digest.replace(before, hash(withdrawal));
        emitter.withdrawalSlaMissed(withdrawal.withdrawalId, users.idOf(withdrawal.userSlot), withdrawal.state,
            withdrawal.slaDeadlineMs);
    }

    // ---------------------------------------------------------------- queries, audit, snapshots

    Withdrawal get(final long withdrawalId) {
        return live.get(withdrawalId);
    }

    Iterable<Withdrawal> all() {
        return live.values();
    }

    Iterable<Withdrawal> deadlineIndex() {
        return deadlines;
    }

    /**
     * The 1-based place of a queued withdrawal (REQUESTED, AWAITING_APPROVAL or APPROVED) among the queued
     * withdrawals of its asset, by id (the order of request); 0 when it is not queued. O(live withdrawals).
     */
    int queuePosition(final long withdrawalId) {
        final Withdrawal target = live.get(withdrawalId);
        if (target == null || !target.state.isQueued()) {
            return 0;
        }
        int position = 1;
        for (final Withdrawal w : live.headMap(withdrawalId, false).values()) {
            position += w.assetId == target.assetId && w.state.isQueued() ? 1 : 0;
        }
        return position;
    }

    long withdrawalSeq() {
        return withdrawalSeq;
    }

    void restoreSeq(final long seq) {
        withdrawalSeq = seq;
    }

    void restore(final Withdrawal withdrawal) {
        live.put(withdrawal.withdrawalId, withdrawal);
        if (withdrawal.awaitsDeadline()) {
            deadlines.add(withdrawal);
        }
    }
}
