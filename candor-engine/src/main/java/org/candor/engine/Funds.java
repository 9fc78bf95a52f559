package org.candor.engine;

import java.util.TreeMap;

/**
 * Money entering and leaving the exchange: deposits and withdrawals. Pending withdrawals are kept in id order
 * (TreeMap), so anything that walks them (snapshots, digests, fund status) sees them in the same order on every
 * replica. Money an operator restricts is in {@link Holds}.
 */
final class Funds {
    private final Users users;
    private final Ledger ledger;
    private final Emitter emitter;
    private final Digest digest;
    private final int pendingWithdrawalsMax;
    private final TreeMap<Long, Withdrawal> withdrawals = new TreeMap<>();
    private long withdrawalSeq;
    private long lastReference;

    Funds(final Users users, final Ledger ledger, final Emitter emitter, final Digest digest,
        final EngineCapacity capacity) {
        this.users = users;
        this.ledger = ledger;
        this.emitter = emitter;
        this.digest = digest;
        this.pendingWithdrawalsMax = capacity.pendingWithdrawalsMax();
    }

    long lastReference() {
        return lastReference;
    }

    RejectReason deposit(final int userSlot, final int assetId, final long amount, final long depositRef) {
        if (amount <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!ledger.canMint(assetId, amount)) {
            return RejectReason.BALANCE_OVERFLOW;
        }
        final int account = ledger.findOrCreate(userSlot, assetId);
        if (account == Ledger.NONE) {
            return RejectReason.ACCOUNTS_CAPACITY_REACHED;
        }
        lastReference = depositRef;
        emitter.depositCredited(users.idOf(userSlot), assetId, amount, depositRef);
        ledger.fromCustody(account, Bucket.AVAILABLE, amount, LedgerCause.DEPOSIT, depositRef);
        return RejectReason.NONE;
    }

    RejectReason requestWithdrawal(final int userSlot, final int assetId, final long amount, final long nowMs) {
        if (amount <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final int account = ledger.find(userSlot, assetId);
        if (account == Ledger.NONE || ledger.balance(account, Bucket.AVAILABLE) < amount) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (withdrawals.size() >= pendingWithdrawalsMax) {
            return RejectReason.WITHDRAWALS_CAPACITY_REACHED;
        }
        final long withdrawalId = ++withdrawalSeq;
        final Withdrawal withdrawal = new Withdrawal(withdrawalId, userSlot, account, assetId, amount, nowMs);
        withdrawals.put(withdrawalId, withdrawal);
        digest.add(withdrawal.hash(users.idOf(userSlot)));
        lastReference = withdrawalId;
        emitter.withdrawalRequested(withdrawalId, users.idOf(userSlot), assetId, amount);
        ledger.move(account, Bucket.AVAILABLE, Bucket.WITHDRAWING, amount, LedgerCause.WITHDRAWAL_REQUESTED,
            withdrawalId);
        return RejectReason.NONE;
    }

    /**
     * Ends a pending withdrawal. COMPLETED sends its funds out of the ledger; FAILED and CANCELLED return them to
     * available. {@code userSlot} is the owner who must match, or {@link Users#NONE} for an operator's action.
     */
    RejectReason endWithdrawal(final long withdrawalId, final int userSlot, final WithdrawalState state) {
        final Withdrawal withdrawal = withdrawals.get(withdrawalId);
        if (withdrawal == null || userSlot != Users.NONE && withdrawal.userSlot != userSlot) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        withdrawals.remove(withdrawalId);
        digest.remove(withdrawal.hash(users.idOf(withdrawal.userSlot)));
        lastReference = withdrawalId;
        emitter.withdrawalStateChanged(withdrawalId, state);
        if (state == WithdrawalState.COMPLETED) {
            ledger.toCustody(withdrawal.account, Bucket.WITHDRAWING, withdrawal.amount,
                LedgerCause.WITHDRAWAL_COMPLETED, withdrawalId);
        } else {
            ledger.move(withdrawal.account, Bucket.WITHDRAWING, Bucket.AVAILABLE, withdrawal.amount,
                LedgerCause.WITHDRAWAL_RETURNED, withdrawalId);
        }
        return RejectReason.NONE;
    }

    Iterable<Withdrawal> pendingWithdrawals() {
        return withdrawals.values();
    }

    long withdrawalSeq() {
        return withdrawalSeq;
    }

    void restoreCounter(final long withdrawalSeqValue) {
        withdrawalSeq = withdrawalSeqValue;
    }

    void restoreWithdrawal(final Withdrawal withdrawal) {
        withdrawals.put(withdrawal.withdrawalId, withdrawal);
    }
}
