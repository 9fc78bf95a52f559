package org.candor.engine;

/**
 * A restriction on an amount of one user's asset: the amount sits in the HELD bucket for as long as the hold is
 * active, and every held unit belongs to exactly one hold. The record already carries what the accountability
 * policy (issue #6) needs: an approver, a review deadline, a public explanation and a ticket; the basic hold command
 * leaves them empty (0 or null).
 */
public final class Hold {
    final long holdId;
    final int userSlot;
    final int account;
    final int assetId;
    final long amount;
    final HoldReason reason;
    final long placedBy;
    final long placedAtMs;
    long approvedBy;
    long reviewDeadlineMs;
    long ticketRef;
    String explanation;

    Hold(final long holdId, final int userSlot, final int account, final int assetId, final long amount,
        final HoldReason reason, final long placedBy, final long placedAtMs) {
        this.holdId = holdId;
        this.userSlot = userSlot;
        this.account = account;
        this.assetId = assetId;
        this.amount = amount;
        this.reason = reason;
        this.placedBy = placedBy;
        this.placedAtMs = placedAtMs;
    }

    public long holdId() {
        return holdId;
    }

    public int assetId() {
        return assetId;
    }

    public long amount() {
        return amount;
    }

    public HoldReason reason() {
        return reason;
    }

    public long placedBy() {
        return placedBy;
    }

    public long placedAtMs() {
        return placedAtMs;
    }

    public long approvedBy() {
        return approvedBy;
    }

    public long reviewDeadlineMs() {
        return reviewDeadlineMs;
    }

    public long ticketRef() {
        return ticketRef;
    }

    public String explanation() {
        return explanation;
    }

    long hash(final long userId) {
        return Digest.hash(21, holdId, userId, assetId, amount, reason.code(), placedBy,
            Digest.hash(22, placedAtMs, approvedBy, reviewDeadlineMs, ticketRef,
                explanation == null ? 0 : Digest.hashString(explanation)));
    }
}
