package org.candor.testkit;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;

/**
 * The reference's two-operator rule: a loosening becomes a proposal that a different operator approves within a
 * day, and the per-asset withdrawal settings with their defaults.
 */
public final class ReferencePolicies {
    static final long EXPIRY_MS = 24 * 3_600_000L;
    static final int PENDING_MAX = 256;

    /** {kind, asset, value, accounts, share, proposer, expiresAt}. */
    private final TreeMap<Long, long[]> pending = new TreeMap<>();
    private final TreeMap<String, Long> settings = new TreeMap<>();
    private final ReferenceExchange exchange;
    private long proposalSeq;

    ReferencePolicies(final ReferenceExchange exchange) {
        this.exchange = exchange;
    }

    public long setting(final int assetId, final PolicyKind kind) {
        final Long value = settings.get(assetId + "/" + kind);
        if (value != null) {
            return value;
        }
        return switch (kind) {
            case WITHDRAWAL_ADDRESS_TIME_LOCK -> 24 * 3_600_000L;
            case WITHDRAWAL_SLA_REQUESTED, WITHDRAWAL_SLA_APPROVED -> 30 * 60_000L;
            case WITHDRAWAL_SLA_AWAITING_APPROVAL -> 24 * 3_600_000L;
            case WITHDRAWAL_SLA_BROADCAST -> 6 * 3_600_000L;
            case WITHDRAWAL_SLA_SENDING -> 15 * 60_000L;
            default -> ReferenceWithdrawals.NO_LIMIT;
        };
    }

    public RejectReason setWithdrawalPolicy(final int assetId, final PolicyKind kind, final long value,
        final long operatorId, final long now) {
        exchange.clearReference();
        if (operatorId <= 0 || kind == null || kind.code() < PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD.code()) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!exchange.hasAsset(assetId)) {
            return RejectReason.UNKNOWN_ASSET;
        }
        final boolean sla = kind.code() >= PolicyKind.WITHDRAWAL_SLA_REQUESTED.code();
        final long max = kind == PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK || sla ? 30 * 24 * 3_600_000L
            : ReferenceWithdrawals.NO_LIMIT;
        if (value < (sla ? 60_000 : 0) || value > max) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (kind.loosens(setting(assetId, kind), value)) {
            return propose(kind, assetId, value, 0, 0, operatorId, now);
        }
        settings.put(assetId + "/" + kind, value);
        return exchange.done(0); // applied at once: no proposal to name
    }

    RejectReason propose(final PolicyKind kind, final int assetId, final long value, final int accounts,
        final int share, final long operatorId, final long now) {
        if (pending.size() >= PENDING_MAX) {
            return RejectReason.POLICY_CHANGES_CAPACITY_REACHED;
        }
        pending.put(++proposalSeq, new long[] {kind.code(), assetId, value, accounts, share, operatorId,
            now + EXPIRY_MS});
        return exchange.done(proposalSeq);
    }

    public RejectReason approve(final long proposalId, final long operatorId) {
        exchange.clearReference();
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final long[] p = pending.get(proposalId);
        if (p == null) {
            return RejectReason.UNKNOWN_POLICY_CHANGE;
        }
        if (p[5] == operatorId) {
            return RejectReason.SELF_APPROVAL;
        }
        pending.remove(proposalId);
        final PolicyKind kind = PolicyKind.fromCode((int) p[0]);
        switch (kind) {
            case HOLD_APPROVAL_THRESHOLD -> exchange.holds().applyThreshold((int) p[1], p[2]);
            case BLAST_RADIUS -> exchange.holds().applyPolicy((int) p[3], (int) p[4], p[2]);
            default -> settings.put(p[1] + "/" + kind, p[2]);
        }
        return exchange.done(proposalId);
    }

    /** Proposals not approved within their day expire. */
    public void advanceTime(final long now) {
        final Iterator<Map.Entry<Long, long[]>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue()[6] <= now) {
                it.remove();
            }
        }
    }

    /** The number of pending proposals. */
    public int pendingCount() {
        return pending.size();
    }

    /** The latest proposal id handed out. */
    public long proposalSeq() {
        return proposalSeq;
    }
}
