package org.candor.engine;

/**
 * One accountable restriction of a user's money: an AMOUNT of one asset, or an ACCOUNT_BLOCK of the whole account.
 * It names its reason, a public explanation the user reads, the operator who placed it, the approver (0 until a
 * second operator approves, and always 0 when no approval was required), when it was placed, its review deadline,
 * what happens at that deadline, an optional ticket, how often it was renewed, and the mass action it belongs to
 * (0 for none). While an AMOUNT hold is in force (ACTIVE or ESCALATED) exactly its amount sits in the HELD bucket.
 *
 * <p>The fields that never change are final; state, approver, deadline and renewals change through {@link Holds},
 * which keeps the digest and the deadline index in step.
 */
public final class Hold {
    /** The asset id of an ACCOUNT_BLOCK, which restricts every asset of the user. */
    public static final int NO_ASSET = -1;

    final long holdId;
    final long userId;
    final int userSlot;
    /** The ledger account of an AMOUNT hold; {@link Ledger#NONE} for an ACCOUNT_BLOCK. */
    final int account;
    final int assetId;
    final long amount;
    final HoldKind kind;
    final HoldReason reason;
    final String explanation;
    final long placedBy;
    final long placedAtMs;
    final ReleaseCondition releaseCondition;
    final long ticketRef;
    final long massActionId;
    /** Whether four eyes applied when it was placed; a later threshold change does not alter that. */
    final boolean approvalRequired;
    HoldState state;
    long approvedBy;
    long reviewDeadlineMs;
    int renewals;

    Hold(final long holdId, final long userId, final int userSlot, final int account, final int assetId,
        final long amount, final HoldKind kind, final HoldReason reason, final String explanation,
        final long placedBy, final long placedAtMs, final ReleaseCondition releaseCondition, final long ticketRef,
        final long massActionId, final boolean approvalRequired) {
        this.holdId = holdId;
        this.userId = userId;
        this.userSlot = userSlot;
        this.account = account;
        this.assetId = assetId;
        this.amount = amount;
        this.kind = kind;
        this.reason = reason;
        this.explanation = explanation;
        this.placedBy = placedBy;
        this.placedAtMs = placedAtMs;
        this.releaseCondition = releaseCondition;
        this.ticketRef = ticketRef;
        this.massActionId = massActionId;
        this.approvalRequired = approvalRequired;
    }

    public long holdId() {
        return holdId;
    }

    public long userId() {
        return userId;
    }

    /** The restricted asset, or {@link #NO_ASSET} for an account block. */
    public int assetId() {
        return assetId;
    }

    /** The amount an AMOUNT hold restricts once in force; 0 for an account block. */
    public long amount() {
        return amount;
    }

    public HoldKind kind() {
        return kind;
    }

    public HoldReason reason() {
        return reason;
    }

    /** The text the user is shown; "Withheld by law" for a WITHHELD_BY_LAW hold. */
    public String explanation() {
        return explanation;
    }

    public long placedBy() {
        return placedBy;
    }

    public long placedAtMs() {
        return placedAtMs;
    }

    /** The second operator who approved it, or 0 (not yet approved, or no approval was required). */
    public long approvedBy() {
        return approvedBy;
    }

    public boolean approvalRequired() {
        return approvalRequired;
    }

    public long reviewDeadlineMs() {
        return reviewDeadlineMs;
    }

    public ReleaseCondition releaseCondition() {
        return releaseCondition;
    }

    /** The operators' ticket reference, or 0. */
    public long ticketRef() {
        return ticketRef;
    }

    public int renewals() {
        return renewals;
    }

    /** The mass action this hold belongs to, or 0. */
    public long massActionId() {
        return massActionId;
    }

    public HoldState state() {
        return state;
    }

    /** Whether it restricts anything now: ACTIVE or ESCALATED. */
    public boolean inForce() {
        return state == HoldState.ACTIVE || state == HoldState.ESCALATED;
    }

    /** The amount of the user's money this hold keeps in HELD right now. */
    public long heldAmount() {
        return kind == HoldKind.AMOUNT && inForce() ? amount : 0;
    }

    /** Whether its review deadline is still to fire: pending and active holds wait for it; escalated ones did. */
    boolean awaitsDeadline() {
        return state == HoldState.PENDING_APPROVAL || state == HoldState.ACTIVE;
    }

    long hash() {
        final long fixed = Digest.hash(21, holdId, userId, assetId, amount, kind.code(), reason.code(),
            Digest.hashString(explanation));
        final long more = Digest.hash(22, placedBy, placedAtMs, releaseCondition.code(), ticketRef, massActionId,
            approvalRequired ? 1 : 0);
        return Digest.hash(23, fixed, more, state.code(), approvedBy, reviewDeadlineMs, renewals);
    }
}
