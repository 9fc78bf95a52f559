package org.candor.engine;

import java.util.TreeMap;

/**
 * Money entering and leaving the exchange, and money an operator restricts: deposits, withdrawals and holds.
 * Pending withdrawals and active holds are kept in id order (TreeMap), so anything that walks them (snapshots,
 * digests, fund status) sees them in the same order on every replica.
 */
final class Funds {
    private final Users users;
    private final Ledger ledger;
    private final Emitter emitter;
    private final Digest digest;
    private final int pendingWithdrawalsMax;
    private final int holdsMax;
    private final TreeMap<Long, Withdrawal> withdrawals = new TreeMap<>();
    private final TreeMap<Long, Hold> holds = new TreeMap<>();
    private long withdrawalSeq;
    private long holdSeq;
    private long lastReference;

    Funds(final Users users, final Ledger ledger, final Emitter emitter, final Digest digest,
        final EngineCapacity capacity) {
        this.users = users;
        this.ledger = ledger;
        this.emitter = emitter;
        this.digest = digest;
        this.pendingWithdrawalsMax = capacity.pendingWithdrawalsMax();
        this.holdsMax = capacity.holdsMax();
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

    RejectReason placeHold(final int userSlot, final int assetId, final long amount, final HoldReason reason,
        final long operatorId, final long nowMs) {
        if (amount <= 0 || operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final int account = ledger.find(userSlot, assetId);
        if (account == Ledger.NONE || ledger.balance(account, Bucket.AVAILABLE) < amount) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (holds.size() >= holdsMax) {
            return RejectReason.HOLDS_CAPACITY_REACHED;
        }
        final long holdId = ++holdSeq;
        final Hold hold = new Hold(holdId, userSlot, account, assetId, amount, reason, operatorId, nowMs);
        holds.put(holdId, hold);
        digest.add(hold.hash(users.idOf(userSlot)));
        lastReference = holdId;
        emitter.holdPlaced(holdId, users.idOf(userSlot), assetId, amount, reason, operatorId);
        ledger.move(account, Bucket.AVAILABLE, Bucket.HELD, amount, LedgerCause.HOLD_PLACED, holdId);
        return RejectReason.NONE;
    }

    RejectReason releaseHold(final long holdId, final long operatorId) {
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final Hold hold = holds.remove(holdId);
        if (hold == null) {
            return RejectReason.UNKNOWN_HOLD;
        }
        digest.remove(hold.hash(users.idOf(hold.userSlot)));
        lastReference = holdId;
        emitter.holdReleased(holdId, operatorId);
        ledger.move(hold.account, Bucket.HELD, Bucket.AVAILABLE, hold.amount, LedgerCause.HOLD_RELEASED, holdId);
        return RejectReason.NONE;
    }

    Iterable<Withdrawal> pendingWithdrawals() {
        return withdrawals.values();
    }

    Iterable<Hold> activeHolds() {
        return holds.values();
    }

    long withdrawalSeq() {
        return withdrawalSeq;
    }

    long holdSeq() {
        return holdSeq;
    }

    void restoreCounters(final long withdrawalSeqValue, final long holdSeqValue) {
        withdrawalSeq = withdrawalSeqValue;
        holdSeq = holdSeqValue;
    }

    void restoreWithdrawal(final Withdrawal withdrawal) {
        withdrawals.put(withdrawal.withdrawalId, withdrawal);
    }

    void restoreHold(final Hold hold) {
        holds.put(hold.holdId, hold);
    }
}
