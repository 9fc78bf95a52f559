package org.candor.engine;

import java.util.Comparator;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two operators for every loosening of a policy: the hold approval threshold, the blast-radius limiter and the
 * withdrawal settings. Tightening takes effect at once with one operator, because a mistaken tightening costs
 * convenience while a mistaken (or coerced) loosening costs money. A loosening becomes a proposal; a second,
 * different operator approves it within {@link #EXPIRY_MS} or it expires by the timer. The rule lives in the engine
 * so that no client, replay or admin tool can bypass it.
 */
final class PolicyChanges {
    /** Proposals expire after a day: a loosening nobody confirmed within a working day is stale. */
    static final long EXPIRY_MS = WithdrawalPolicy.DAY_MS;
    /** Pending proposals: policy changes are rare and reviewed by people; more pending means something is wrong. */
    static final int PENDING_MAX = 256;

    private static final Comparator<PolicyChange> BY_EXPIRY =
        Comparator.<PolicyChange>comparingLong(p -> p.expiresAtMs).thenComparingLong(p -> p.proposalId);

    private final Assets assets;
    private final Holds holds;
    private final BlastRadius blastRadius;
    private final WithdrawalPolicy withdrawalPolicy;
    private final Emitter emitter;
    private final Digest digest;
    private final TreeMap<Long, PolicyChange> pending = new TreeMap<>();
    private final TreeSet<PolicyChange> expiries = new TreeSet<>(BY_EXPIRY);
    private long proposalSeq;
    private long lastReference;

    PolicyChanges(final Assets assets, final Holds holds, final BlastRadius blastRadius,
        final WithdrawalPolicy withdrawalPolicy, final Emitter emitter, final Digest digest) {
        this.assets = assets;
        this.holds = holds;
        this.blastRadius = blastRadius;
        this.withdrawalPolicy = withdrawalPolicy;
        this.emitter = emitter;
        this.digest = digest;
    }

    /** The proposal created or approved, or the asset whose setting changed at once; 0 otherwise. */
    long lastReference() {
        return lastReference;
    }

    RejectReason setHoldApprovalThreshold(final int assetId, final long threshold, final long operatorId,
        final long nowMs) {
        lastReference = 0;
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!assets.exists(assetId)) {
            return RejectReason.UNKNOWN_ASSET;
        }
        if (threshold < 0 || threshold > Ledger.AMOUNT_MAX) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (PolicyKind.HOLD_APPROVAL_THRESHOLD.loosens(holds.approvalThreshold(assetId), threshold)) {
            return propose(PolicyKind.HOLD_APPROVAL_THRESHOLD, assetId, threshold, 0, 0, operatorId, nowMs);
        }
        // Applied at once: no proposal, so the reference is 0 (a proposal's id is never 0).
        lastReference = 0;
        holds.setApprovalThreshold(assetId, threshold, operatorId);
        return RejectReason.NONE;
    }

    RejectReason setBlastRadiusPolicy(final int accounts, final int shareBps, final long windowMs,
        final long operatorId, final long nowMs) {
        lastReference = 0;
        if (!BlastRadius.isValidPolicy(accounts, shareBps, windowMs) || operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (blastRadius.loosens(accounts, shareBps, windowMs)) {
            return propose(PolicyKind.BLAST_RADIUS, Hold.NO_ASSET, windowMs, accounts, shareBps, operatorId, nowMs);
        }
        blastRadius.setPolicy(accounts, shareBps, windowMs, operatorId);
        return RejectReason.NONE;
    }

    RejectReason setWithdrawalPolicy(final int assetId, final PolicyKind kind, final long value,
        final long operatorId, final long nowMs) {
        lastReference = 0;
        if (operatorId <= 0 || kind == null || !kind.isWithdrawalSetting()) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!assets.exists(assetId)) {
            return RejectReason.UNKNOWN_ASSET;
        }
        if (!WithdrawalPolicy.isValid(kind, value)) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (kind.loosens(withdrawalPolicy.get(kind, assetId), value)) {
            return propose(kind, assetId, value, 0, 0, operatorId, nowMs);
        }
        // Applied at once: no proposal, so the reference is 0 (a proposal's id is never 0).
        lastReference = 0;
        applyWithdrawalSetting(assetId, kind, value, operatorId);
        return RejectReason.NONE;
    }

    private void applyWithdrawalSetting(final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        final long before = withdrawalPolicy.hash(assetId);
        withdrawalPolicy.set(kind, assetId, value);
        digest.replace(before, withdrawalPolicy.hash(assetId));
        emitter.withdrawalPolicySet(assetId, kind, value, operatorId);
    }

    private RejectReason propose(final PolicyKind kind, final int assetId, final long value, final int accounts,
        final int shareBps, final long operatorId, final long nowMs) {
        if (pending.size() >= PENDING_MAX) {
            return RejectReason.POLICY_CHANGES_CAPACITY_REACHED;
        }
        final long expiresAtMs = nowMs > Long.MAX_VALUE - EXPIRY_MS ? Long.MAX_VALUE : nowMs + EXPIRY_MS;
        final PolicyChange change =
            new PolicyChange(++proposalSeq, kind, assetId, value, accounts, shareBps, operatorId, expiresAtMs);
        restore(change);
        digest.add(change.hash());
        lastReference = change.proposalId;
        emitter.policyChangeProposed(change);
        return RejectReason.NONE;
    }

    /** A second, different operator approves a pending loosening; it takes effect now, in the approver's name. */
    RejectReason approve(final long proposalId, final long operatorId) {
        lastReference = 0;
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final PolicyChange change = pending.get(proposalId);
        if (change == null) {
            return RejectReason.UNKNOWN_POLICY_CHANGE;
        }
        if (operatorId == change.proposedBy) {
            return RejectReason.SELF_APPROVAL;
        }
        remove(change);
        lastReference = proposalId;
        emitter.policyChangeApproved(proposalId, operatorId);
        switch (change.kind) {
            case HOLD_APPROVAL_THRESHOLD -> holds.setApprovalThreshold(change.assetId, change.value, operatorId);
            case BLAST_RADIUS -> blastRadius.setPolicy(change.accountsMax, change.shareBpsMax, change.value,
                operatorId);
            default -> applyWithdrawalSetting(change.assetId, change.kind, change.value, operatorId);
        }
        return RejectReason.NONE;
    }

    private void remove(final PolicyChange change) {
        pending.remove(change.proposalId);
        expiries.remove(change);
        digest.remove(change.hash());
    }

    long nextDeadlineMs() {
        return expiries.isEmpty() ? Long.MAX_VALUE : expiries.first().expiresAtMs;
    }

    /** The earliest pending proposal expires unapproved. */
    void fireFirst() {
        final PolicyChange change = expiries.first();
        remove(change);
        emitter.policyChangeExpired(change.proposalId);
    }

    PolicyChange get(final long proposalId) {
        return pending.get(proposalId);
    }

    Iterable<PolicyChange> all() {
        return pending.values();
    }

    Iterable<PolicyChange> expiryIndex() {
        return expiries;
    }

    long proposalSeq() {
        return proposalSeq;
    }

    void restoreSeq(final long seq) {
        proposalSeq = seq;
    }

    void restore(final PolicyChange change) {
        pending.put(change.proposalId, change);
        expiries.add(change);
    }
}
