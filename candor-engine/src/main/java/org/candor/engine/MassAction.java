package org.candor.engine;

/**
 * A restriction of many accounts at once that two operators agreed to: one proposes it with a justification and
 * the most accounts it may restrict, a different one approves it. Holds that name an approved mass action are exempt
 * from the blast-radius limit, up to the proposal's count.
 */
public final class MassAction {
    final long actionId;
    final long proposedBy;
    final int accountsMax;
    final String justification;
    long approvedBy;
    int used;
    /** When an approved action stops being usable; 0 while only proposed. */
    long expiresAtMs;
    boolean expired;

    MassAction(final long actionId, final long proposedBy, final int accountsMax, final String justification) {
        this.actionId = actionId;
        this.proposedBy = proposedBy;
        this.accountsMax = accountsMax;
        this.justification = justification;
    }

    public long actionId() {
        return actionId;
    }

    public long proposedBy() {
        return proposedBy;
    }

    /** The second operator who approved it, or 0 while it is only proposed. */
    public long approvedBy() {
        return approvedBy;
    }

    public int accountsMax() {
        return accountsMax;
    }

    /** How many holds have named it so far. */
    public int used() {
        return used;
    }

    public String justification() {
        return justification;
    }

    public long expiresAtMs() {
        return expiresAtMs;
    }

    /** Whether its window passed before it was used up; holds can no longer name it. */
    public boolean expired() {
        return expired;
    }

    /**
     * Approved, not used up and not expired: its expiry waits in the index. Actions approved before snapshot format 3
     * have no expiry ({@link Long#MAX_VALUE}) and keep the meaning they were approved with.
     */
    boolean awaitsExpiry() {
        return approvedBy != 0 && !expired && used < accountsMax && expiresAtMs != Long.MAX_VALUE;
    }

    long hash() {
        return Digest.hash(32, actionId, proposedBy, accountsMax, Digest.hashString(justification), approvedBy,
            used, expiresAtMs * 2 + (expired ? 1 : 0));
    }
}
