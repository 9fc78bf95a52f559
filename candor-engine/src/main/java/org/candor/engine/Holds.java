package org.candor.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accountable holds: placement with four eyes, approval, rejection, release, renewal, and the review deadlines that
 * fire from time. Holds are kept in id order (TreeMap) and their pending deadlines in (deadline, hold id) order
 * (TreeSet), so whatever walks them, and the order in which deadlines fire, is the same on every replica.
 *
 * <p>Only holds that are pending or in force live here; a released or rejected hold leaves the engine after its
 * event, and the read side keeps its history. Every mutation of a hold replaces its digest element.
 */
final class Holds {
    /** Deadlines fire by time, then by hold id: a total order, so replicas fire them identically. */
    private static final Comparator<Hold> BY_DEADLINE = Comparator.<Hold>comparingLong(h -> h.reviewDeadlineMs)
        .thenComparingLong(h -> h.holdId);

    private final Users users;
    private final Assets assets;
    private final Ledger ledger;
    private final Emitter emitter;
    private final Digest digest;
    private final BlastRadius blastRadius;
    private final int holdsMax;
    private final TreeMap<Long, Hold> holds = new TreeMap<>();
    private final TreeSet<Hold> deadlines = new TreeSet<>(BY_DEADLINE);
    /** Per asset, the largest amount a hold may restrict without a second operator; 0 (the default) means none. */
    private final long[] approvalThresholds;
    private int blocksInForce;
    private long holdSeq;
    private long lastReference;

    Holds(final Users users, final Assets assets, final Ledger ledger, final Emitter emitter, final Digest digest,
        final BlastRadius blastRadius, final EngineCapacity capacity) {
        this.users = users;
        this.assets = assets;
        this.ledger = ledger;
        this.emitter = emitter;
        this.digest = digest;
        this.blastRadius = blastRadius;
        this.holdsMax = capacity.holdsMax();
        this.approvalThresholds = new long[capacity.assetsMax()];
    }

    long lastReference() {
        return lastReference;
    }

    RejectReason place(final int userSlot, final int assetId, final long amount, final HoldKind kind,
        final HoldReason reason, final String explanation, final long operatorId, final long nowMs,
        final long reviewDeadlineMs, final ReleaseCondition condition, final long ticketRef,
        final long massActionId) {
        final RejectReason invalid = checkTerms(assetId, amount, kind, reason, explanation, operatorId, nowMs,
            reviewDeadlineMs, condition, ticketRef, massActionId);
        if (invalid != RejectReason.NONE) {
            return invalid;
        }
        final int account = kind == HoldKind.AMOUNT ? ledger.find(userSlot, assetId) : Ledger.NONE;
        if (kind == HoldKind.AMOUNT && (account == Ledger.NONE || ledger.balance(account, Bucket.AVAILABLE) < amount)) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (holds.size() >= holdsMax) {
            return RejectReason.HOLDS_CAPACITY_REACHED;
        }
        final boolean approvalRequired = kind == HoldKind.ACCOUNT_BLOCK || amount > approvalThresholds[assetId];
        final long userId = users.idOf(userSlot);
        if (!approvalRequired && massActionId == 0) {
            final RejectReason limited = blastRadius.check(userId, userSlot, assetId, amount, nowMs);
            if (limited != RejectReason.NONE) {
                return limited;
            }
        }
        final Hold hold = new Hold(++holdSeq, userId, userSlot, account, assetId, amount, kind, reason, explanation,
            operatorId, nowMs, condition, ticketRef, massActionId, approvalRequired);
        hold.state = approvalRequired ? HoldState.PENDING_APPROVAL : HoldState.ACTIVE;
        hold.reviewDeadlineMs = reviewDeadlineMs;
        holds.put(hold.holdId, hold);
        deadlines.add(hold);
        digest.add(hold.hash());
        if (massActionId != 0) {
            blastRadius.useMassAction(massActionId);
        }
        lastReference = hold.holdId;
        emitter.holdPlaced(hold);
        if (!approvalRequired) {
            takeEffect(hold, nowMs);
        }
        return RejectReason.NONE;
    }

    /** The checks on a hold's own terms, before any state is consulted beyond assets and mass actions. */
    private RejectReason checkTerms(final int assetId, final long amount, final HoldKind kind,
        final HoldReason reason, final String explanation, final long operatorId, final long nowMs,
        final long reviewDeadlineMs, final ReleaseCondition condition, final long ticketRef,
        final long massActionId) {
        if (kind == null || reason == null || condition == null || operatorId <= 0 || ticketRef < 0
            || massActionId < 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (kind == HoldKind.ACCOUNT_BLOCK && (assetId != Hold.NO_ASSET || amount != 0)) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (kind == HoldKind.AMOUNT && !assets.exists(assetId)) {
            return RejectReason.UNKNOWN_ASSET;
        }
        if (kind == HoldKind.AMOUNT && amount <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!HoldPolicy.isValidText(explanation) || reason == HoldReason.WITHHELD_BY_LAW
            && !HoldPolicy.WITHHELD_BY_LAW_EXPLANATION.equals(explanation)) {
            return RejectReason.HOLD_EXPLANATION_INVALID;
        }
        if (!HoldPolicy.isValidDeadline(nowMs, reviewDeadlineMs)) {
            return RejectReason.HOLD_DEADLINE_INVALID;
        }
        if (reason == HoldReason.OPERATIONAL_INCIDENT && condition != ReleaseCondition.AUTO_RELEASE_AT_DEADLINE) {
            return RejectReason.HOLD_RELEASE_CONDITION_INVALID;
        }
        return massActionId == 0 ? RejectReason.NONE : blastRadius.checkMassAction(massActionId);
    }

    /** A second, different operator approves a pending hold; it takes effect now if the funds are still there. */
    RejectReason approve(final long holdId, final long operatorId, final long nowMs) {
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final Hold hold = holds.get(holdId);
        if (hold == null) {
            return RejectReason.UNKNOWN_HOLD;
        }
        if (hold.state != HoldState.PENDING_APPROVAL) {
            return RejectReason.HOLD_NOT_PENDING;
        }
        if (operatorId == hold.placedBy) {
            return RejectReason.SELF_APPROVAL;
        }
        if (hold.kind == HoldKind.AMOUNT && ledger.balance(hold.account, Bucket.AVAILABLE) < hold.amount) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (hold.massActionId == 0) {
            final RejectReason limited = blastRadius.check(hold.userId, hold.userSlot, hold.assetId, hold.amount,
                nowMs);
            if (limited != RejectReason.NONE) {
                return limited;
            }
        }
        final long before = hold.hash();
        hold.state = HoldState.ACTIVE;
        hold.approvedBy = operatorId;
        digest.replace(before, hold.hash());
        lastReference = holdId;
        emitter.holdApproved(holdId, operatorId);
        takeEffect(hold, nowMs);
        return RejectReason.NONE;
    }

    /** An operator, the placer included, turns down a pending hold; it never restricted anything. */
    RejectReason reject(final long holdId, final long operatorId, final String justification) {
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!HoldPolicy.isValidText(justification)) {
            return RejectReason.HOLD_EXPLANATION_INVALID;
        }
        final Hold hold = holds.get(holdId);
        if (hold == null) {
            return RejectReason.UNKNOWN_HOLD;
        }
        if (hold.state != HoldState.PENDING_APPROVAL) {
            return RejectReason.HOLD_NOT_PENDING;
        }
        lastReference = holdId;
        end(hold, HoldState.REJECTED);
        emitter.holdRejected(holdId, operatorId, false, justification);
        return RejectReason.NONE;
    }

    /** An operator lifts a hold in force; its funds return to available. Releasing never needs a second person. */
    RejectReason release(final long holdId, final long operatorId) {
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final Hold hold = holds.get(holdId);
        if (hold == null) {
            return RejectReason.UNKNOWN_HOLD;
        }
        if (!hold.inForce()) {
            return RejectReason.HOLD_NOT_IN_FORCE;
        }
        lastReference = holdId;
        lift(hold, operatorId, false);
        return RejectReason.NONE;
    }

    /** A hold in force gets a new review deadline and a written justification; the renewal is counted. */
    RejectReason renew(final long holdId, final long operatorId, final long newDeadlineMs, final String justification,
        final long nowMs) {
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!HoldPolicy.isValidText(justification)) {
            return RejectReason.HOLD_EXPLANATION_INVALID;
        }
        final Hold hold = holds.get(holdId);
        if (hold == null) {
            return RejectReason.UNKNOWN_HOLD;
        }
        if (!hold.inForce()) {
            return RejectReason.HOLD_NOT_IN_FORCE;
        }
        if (!HoldPolicy.isValidDeadline(nowMs, newDeadlineMs)) {
            return RejectReason.HOLD_DEADLINE_INVALID;
        }
        final long before = hold.hash();
        deadlines.remove(hold);
        hold.state = HoldState.ACTIVE;
        hold.reviewDeadlineMs = newDeadlineMs;
        hold.renewals = Math.addExact(hold.renewals, 1);
        deadlines.add(hold);
        digest.replace(before, hold.hash());
        lastReference = holdId;
        emitter.holdRenewed(holdId, operatorId, newDeadlineMs, hold.renewals, justification);
        return RejectReason.NONE;
    }

    /**
     * Applies a threshold that {@link PolicyChanges} checked and, if it loosens, had a second operator approve.
     */
    void setApprovalThreshold(final int assetId, final long threshold, final long operatorId) {
        digest.replace(thresholdHash(assetId, approvalThresholds[assetId]), thresholdHash(assetId, threshold));
        approvalThresholds[assetId] = threshold;
        emitter.holdApprovalThresholdSet(assetId, threshold, operatorId);
    }

    // ---------------------------------------------------------------- deadlines

    /** The earliest review deadline still to fire, or {@link Long#MAX_VALUE} when there is none. */
    long nextDeadlineMs() {
        return deadlines.isEmpty() ? Long.MAX_VALUE : deadlines.first().reviewDeadlineMs;
    }

    /**
     * Fires the earliest review deadline (ties by hold id): a pending hold expires unapproved, an active hold with
     * AUTO_RELEASE_AT_DEADLINE is released automatically, any other active hold escalates (it stays in force and
     * its user is told). The deadline leaves the index as it fires, so it fires once. The engine interleaves these
     * with the other deadlines it keeps, by time.
     */
    void fireFirst() {
        final Hold hold = deadlines.first();
        if (hold.state == HoldState.PENDING_APPROVAL) {
            end(hold, HoldState.REJECTED);
            emitter.holdRejected(hold.holdId, 0, true, HoldPolicy.APPROVAL_EXPIRED);
        } else if (hold.releaseCondition == ReleaseCondition.AUTO_RELEASE_AT_DEADLINE) {
            lift(hold, 0, true);
        } else {
            final long before = hold.hash();
            deadlines.remove(hold);
            hold.state = HoldState.ESCALATED;
            digest.replace(before, hold.hash());
            emitter.holdEscalated(hold.holdId, hold.userId, hold.reviewDeadlineMs);
        }
    }

    // ---------------------------------------------------------------- effects

    private void takeEffect(final Hold hold, final long nowMs) {
        if (hold.massActionId == 0) {
            blastRadius.record(hold.userId, hold.userSlot, hold.assetId, hold.amount, nowMs);
        }
        if (hold.kind == HoldKind.ACCOUNT_BLOCK) {
            blocksInForce++;
        } else {
            ledger.move(hold.account, Bucket.AVAILABLE, Bucket.HELD, hold.amount, LedgerCause.HOLD_PLACED,
                hold.holdId);
        }
    }

    private void lift(final Hold hold, final long operatorId, final boolean automatic) {
        end(hold, HoldState.RELEASED);
        emitter.holdReleased(hold.holdId, operatorId, automatic);
        if (hold.kind == HoldKind.ACCOUNT_BLOCK) {
            blocksInForce--;
        } else {
            ledger.move(hold.account, Bucket.HELD, Bucket.AVAILABLE, hold.amount, LedgerCause.HOLD_RELEASED,
                hold.holdId);
        }
    }

    /** A hold leaves the engine: out of the map, the deadline index and the digest. */
    private void end(final Hold hold, final HoldState state) {
        digest.remove(hold.hash());
        holds.remove(hold.holdId);
        deadlines.remove(hold);
        hold.state = state;
    }

    // ---------------------------------------------------------------- queries

    /**
     * The id of an account block in force on the user, lowest first, or 0. Blocks are rare, so the common case is
     * one comparison; with blocks in force it walks the holds, which are bounded by the holds capacity.
     */
    long blockingHold(final int userSlot) {
        if (blocksInForce == 0) {
            return 0;
        }
        for (final Hold hold : holds.values()) {
            if (hold.kind == HoldKind.ACCOUNT_BLOCK && hold.inForce() && hold.userSlot == userSlot) {
                return hold.holdId;
            }
        }
        return 0;
    }

    Hold get(final long holdId) {
        return holds.get(holdId);
    }

    Iterable<Hold> all() {
        return holds.values();
    }

    /** The holds bearing on a user's balance in one asset: its amount holds of the asset and every block, by id. */
    List<Hold> of(final long userId, final int assetId) {
        final List<Hold> found = new ArrayList<>();
        for (final Hold hold : holds.values()) {
            if (hold.userId == userId && (hold.assetId == assetId || hold.kind == HoldKind.ACCOUNT_BLOCK)) {
                found.add(hold);
            }
        }
        return found;
    }

    List<Hold> inForce() {
        final List<Hold> found = new ArrayList<>();
        for (final Hold hold : holds.values()) {
            if (hold.inForce()) {
                found.add(hold);
            }
        }
        return found;
    }

    int withheldByLawCount() {
        int count = 0;
        for (final Hold hold : holds.values()) {
            if (hold.inForce() && hold.reason == HoldReason.WITHHELD_BY_LAW) {
                count++;
            }
        }
        return count;
    }

    long approvalThreshold(final int assetId) {
        return approvalThresholds[assetId];
    }

    int blocksInForce() {
        return blocksInForce;
    }

    Iterable<Hold> deadlineIndex() {
        return deadlines;
    }

    long holdSeq() {
        return holdSeq;
    }

    static long thresholdHash(final int assetId, final long threshold) {
        return threshold == 0 ? 0 : Digest.hash(24, assetId, threshold, 0);
    }

    // ---------------------------------------------------------------- restore

    void restoreSeq(final long holdSeqValue) {
        holdSeq = holdSeqValue;
    }

    void restoreHold(final Hold hold) {
        holds.put(hold.holdId, hold);
        if (hold.awaitsDeadline()) {
            deadlines.add(hold);
        }
        if (hold.kind == HoldKind.ACCOUNT_BLOCK && hold.inForce()) {
            blocksInForce++;
        }
    }

    void restoreThreshold(final int assetId, final long threshold) {
        approvalThresholds[assetId] = threshold;
    }
}
