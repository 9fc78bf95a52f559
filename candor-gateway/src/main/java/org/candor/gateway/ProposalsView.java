package org.candor.gateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.candor.engine.IgnoringEvents;
import org.candor.engine.PolicyKind;

/**
 * Proposals to loosen a policy (decision 0010): the pending ones, which a second operator may approve until they
 * expire, and the latest {@link #FINISHED_MAX} approved or expired, for the operators' console. Built only from
 * committed events, as the other views; the engine bounds how many may be pending. Not thread-safe by itself: see
 * {@link ReadViews}.
 */
final class ProposalsView extends IgnoringEvents {
    /** Finished proposals kept to show what happened recently; older ones are in the trail and the read model. */
    static final int FINISHED_MAX = 100;

    /** Where a proposal stands. */
    enum State { PENDING, APPROVED, EXPIRED }

    /**
     * A proposal as operators see it. For BLAST_RADIUS {@code value} is the window in milliseconds and the two ints
     * are the proposed limits; otherwise {@code value} is the asset's proposed setting and the ints are 0.
     */
    record Proposal(long proposalId, PolicyKind kind, int assetId, long value, int accountsMax, int shareBpsMax,
        long proposedBy, long expiresAtMs, State state, long approvedBy) {

        Proposal finished(final State newState, final long operatorId) {
            return new Proposal(proposalId, kind, assetId, value, accountsMax, shareBpsMax, proposedBy, expiresAtMs,
                newState, operatorId);
        }
    }

    private final Map<Long, Proposal> pending = new TreeMap<>();
    private final ArrayDeque<Proposal> finished = new ArrayDeque<>();

    /** The pending proposals, oldest first, then the finished ones, newest first. */
    List<Proposal> all() {
        final List<Proposal> list = new ArrayList<>(pending.values());
        final Iterator<Proposal> newestFirst = finished.descendingIterator();
        while (newestFirst.hasNext()) {
            list.add(newestFirst.next());
        }
        return list;
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId,
        final long expiresAtMs) {
        pending.put(proposalId, new Proposal(proposalId, kind, assetId, value, accountsMax, shareBpsMax, operatorId,
            expiresAtMs, State.PENDING, 0));
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
        finish(proposalId, State.APPROVED, operatorId);
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
        finish(proposalId, State.EXPIRED, 0);
    }

    private void finish(final long proposalId, final State state, final long operatorId) {
        final Proposal proposal = pending.remove(proposalId);
        if (proposal == null) {
            return;
        }
        finished.addLast(proposal.finished(state, operatorId));
        if (finished.size() > FINISHED_MAX) {
            finished.removeFirst();
        }
    }
}
