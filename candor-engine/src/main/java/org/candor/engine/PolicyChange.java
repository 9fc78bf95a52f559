package org.candor.engine;

/**
 * A loosening of a policy that one operator proposed and that waits for a second, different operator. For
 * {@link PolicyKind#BLAST_RADIUS} the proposed policy is ({@code accountsMax}, {@code shareBpsMax}, window
 * {@code value} ms) and the asset is {@link Hold#NO_ASSET}; for every other kind it is {@code value} for the asset.
 */
public final class PolicyChange {
    final long proposalId;
    final PolicyKind kind;
    final int assetId;
    final long value;
    final int accountsMax;
    final int shareBpsMax;
    final long proposedBy;
    final long expiresAtMs;

    PolicyChange(final long proposalId, final PolicyKind kind, final int assetId, final long value,
        final int accountsMax, final int shareBpsMax, final long proposedBy, final long expiresAtMs) {
        this.proposalId = proposalId;
        this.kind = kind;
        this.assetId = assetId;
        this.value = value;
        this.accountsMax = accountsMax;
        this.shareBpsMax = shareBpsMax;
        this.proposedBy = proposedBy;
        this.expiresAtMs = expiresAtMs;
    }

    public long proposalId() {
        return proposalId;
    }

    public PolicyKind kind() {
        return kind;
    }

    public int assetId() {
        return assetId;
    }

    public long value() {
        return value;
    }

    public int accountsMax() {
        return accountsMax;
    }

    public int shareBpsMax() {
        return shareBpsMax;
    }

    public long proposedBy() {
        return proposedBy;
    }

    public long expiresAtMs() {
        return expiresAtMs;
    }

    long hash() {
        return Digest.hash(70, proposalId, kind.code(), assetId, value, accountsMax * 10_007L + shareBpsMax,
            proposedBy, expiresAtMs);
    }
}
