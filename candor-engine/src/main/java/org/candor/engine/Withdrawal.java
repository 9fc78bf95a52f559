package org.candor.engine;

/**
 * A live withdrawal: its amount sits in the user's WITHDRAWING bucket from the request until it ends (CONFIRMED,
 * FAILED, CANCELLED or REJECTED), when it leaves the engine. It names the allow-listed address it goes to, its state
 * and since when, the service-level deadline of that state and whether it was missed already, the operator who
 * approved it (0 when no approval was needed or yet given), and once broadcast the transaction and network fee.
 *
 * <p>The fields that never change are final; the rest change through {@link Withdrawals}, which keeps the digest
 * and the deadline index in step.
 */
public final class Withdrawal {
    final long withdrawalId;
    final int userSlot;
    final int account;
    final int assetId;
    final long amount;
    final long requestedAtMs;
    final long addressId;
    WithdrawalState state;
    long stateSinceMs;
    long slaDeadlineMs;
    /** Whether the current state's deadline has fired; it fires once per state entry. */
    boolean slaMissed;
    long approvedBy;
    /** The chain transaction, once broadcast; empty before. */
    String txRef = "";
    long fee;

    Withdrawal(final long withdrawalId, final int userSlot, final int account, final int assetId, final long amount,
        final long requestedAtMs, final long addressId) {
        this.withdrawalId = withdrawalId;
        this.userSlot = userSlot;
        this.account = account;
        this.assetId = assetId;
        this.amount = amount;
        this.requestedAtMs = requestedAtMs;
        this.addressId = addressId;
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

    public long addressId() {
        return addressId;
    }

    public WithdrawalState state() {
        return state;
    }

    /** When the withdrawal entered its current state. */
    public long stateSinceMs() {
        return stateSinceMs;
    }

    /** The service-level deadline of the current state. */
    public long slaDeadlineMs() {
        return slaDeadlineMs;
    }

    public boolean slaMissed() {
        return slaMissed;
    }

    public long approvedBy() {
        return approvedBy;
    }

    public String txRef() {
        return txRef;
    }

    public long fee() {
        return fee;
    }

    /** Whether its SLA deadline still waits to fire. */
    boolean awaitsDeadline() {
        return !slaMissed;
    }

    long hash(final long userId) {
        final long terms = Digest.hash(20, withdrawalId, userId, assetId, amount, requestedAtMs, addressId);
        return terms + Digest.hash(21, withdrawalId, state.code(), stateSinceMs, slaDeadlineMs, slaMissed ? 1 : 0,
            approvedBy, Digest.hashString(txRef) + fee);
    }
}
