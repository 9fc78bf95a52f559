package org.candor.engine;

/** A pending withdrawal: its amount sits in the user's WITHDRAWING bucket until it completes, fails or is cancelled. */
public final class Withdrawal {
    final long withdrawalId;
    final int userSlot;
    final int account;
    final int assetId;
    final long amount;
    final long requestedAtMs;

    Withdrawal(final long withdrawalId, final int userSlot, final int account, final int assetId, final long amount,
        final long requestedAtMs) {
        this.withdrawalId = withdrawalId;
        this.userSlot = userSlot;
        this.account = account;
        this.assetId = assetId;
        this.amount = amount;
        this.requestedAtMs = requestedAtMs;
    }

    public long withdrawalId() {
        return withdrawalId;
    }

    public int assetId() {
        return assetId;
    }

    public long amount() {
        return amount;
    }

    public long requestedAtMs() {
        return requestedAtMs;
    }

    long hash(final long userId) {
        return Digest.hash(20, withdrawalId, userId, assetId, amount, requestedAtMs, 0);
    }
}
