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

    long hash() {
        return Digest.hash(32, actionId, proposedBy, accountsMax, Digest.hashString(justification), approvedBy,
            used);
    }
}
