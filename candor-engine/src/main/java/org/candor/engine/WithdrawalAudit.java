package org.candor.engine;

/**
 * The from-scratch digest and invariants of withdrawals and the policies around them, for {@link StateAudit}:
 * every WITHDRAWING unit belongs to a live withdrawal; every live withdrawal is in a live state with the deadline
 * of its state entry, waits in the deadline index exactly until that deadline fired, and was approved by an
 * operator exactly when it passed AWAITING_APPROVAL; allow-lists stay within their bounds; pending policy changes
 * wait for their expiry; velocity totals never exceed what the ledger could hold.
 */
final class WithdrawalAudit {
    private final Engine engine;

    WithdrawalAudit(final Engine engine) {
        this.engine = engine;
    }

    long hash() {
        long h = 0;
        for (final Withdrawal w : engine.withdrawals.all()) {
            h += w.hash(engine.users.idOf(w.userSlot));
        }
        for (final WithdrawalAddress address : engine.addresses.all()) {
            h += address.hash();
        }
        for (int asset = 0; asset < engine.assets.capacity(); asset++) {
            h += engine.assets.exists(asset) ? engine.withdrawalPolicy.hash(asset) : 0;
        }
        h += engine.velocity.hash();
        for (final PolicyChange change : engine.policyChanges.all()) {
            h += change.hash();
        }
        return h;
    }

    /** Adds each live withdrawal's amount to its account's expected WITHDRAWING and checks the rest. */
    void check(final long[] expectedWithdrawing) {
        int awaiting = 0;
        for (final Withdrawal w : engine.withdrawals.all()) {
            final String id = " withdrawal=" + w.withdrawalId;
            require(w.state != null && !w.state.isFinal(), "ended withdrawal kept" + id);
            require(w.amount > 0 && w.account != Ledger.NONE && engine.ledger.assetOf(w.account) == w.assetId,
                "withdrawal terms inconsistent" + id);
            final boolean approved = w.approvedBy != 0;
            // Past APPROVED (SENDING, BROADCAST) an approver may or may not be recorded; before it, none is.
            final boolean sentOrSending = w.state == WithdrawalState.SENDING || w.state == WithdrawalState.BROADCAST;
            require(w.state == WithdrawalState.APPROVED ? approved
                : sentOrSending || !approved, "withdrawal approval inconsistent" + id);
            require(w.state == WithdrawalState.BROADCAST ? WithdrawalPolicy.isValidChainText(w.txRef)
                && w.fee >= 0 && w.fee <= w.amount : w.txRef.isEmpty() && w.fee == 0,
                "withdrawal broadcast fields inconsistent" + id);
            require(w.slaDeadlineMs >= w.stateSinceMs, "withdrawal deadline before its state" + id);
            awaiting += w.awaitsDeadline() ? 1 : 0;
            expectedWithdrawing[w.account] += w.amount;
        }
        int indexed = 0;
        for (final Withdrawal w : engine.withdrawals.deadlineIndex()) {
            require(w.awaitsDeadline() && engine.withdrawals.get(w.withdrawalId) == w,
                "deadline index holds a withdrawal that waits for none withdrawal=" + w.withdrawalId);
            indexed++;
        }
        require(indexed == awaiting, "withdrawal deadline index misses withdrawals");
        checkAddresses();
        int changes = 0;
        for (final PolicyChange change : engine.policyChanges.all()) {
            require(change.proposedBy > 0 && change.kind != null, "policy change without proposer or kind");
            changes++;
        }
        int expiring = 0;
        for (final PolicyChange change : engine.policyChanges.expiryIndex()) {
            require(engine.policyChanges.get(change.proposalId) == change, "expired policy change indexed");
            expiring++;
        }
        require(changes == expiring && changes <= PolicyChanges.PENDING_MAX, "policy change index differs");
    }

    private void checkAddresses() {
        for (final WithdrawalAddress address : engine.addresses.all()) {
            require(WithdrawalPolicy.isValidChainText(address.address) && engine.assets.exists(address.assetId)
                && address.usableFromMs >= address.addedAtMs, "address inconsistent address=" + address.addressId);
            require(engine.addresses.of(address.userId).size() <= WithdrawalAddresses.PER_USER_MAX,
                "too many addresses user=" + address.userId);
        }
        require(engine.addresses.count() <= WithdrawalAddresses.ADDRESSES_MAX, "too many addresses");
    }

    private static void require(final boolean condition, final String message) {
        if (!condition) {
            throw new InvariantViolation(message);
        }
    }
}
