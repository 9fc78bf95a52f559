package org.candor.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.IgnoringEvents;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;

/**
 * The holds in the engine now (pending approval, active, escalated) as operators need them: the explanation, since
 * when it restricts, its review deadline, the ticket, who placed and who approved it (the four-eyes rule the
 * console shows). Users see their holds through {@link FundsView}, as every client of {@code /v1/funds} does. Built
 * only from committed events, as the other views. A hold leaves the view when it is released or rejected: its
 * history belongs to the read model. Bounded by the engine's own hold capacity. Not thread-safe by itself: see
 * {@link ReadViews}.
 *
 * <p>Events carry no time; the {@code commandResult} that follows them does, so holds a command touched wait in
 * {@link #touched} until it.
 */
final class HoldsView extends IgnoringEvents {
    /** Most pending holds listed at once for the operators' approval queue. */
    static final int PENDING_LIST_MAX = 500;

    private final Map<Long, MutableHold> holds = new TreeMap<>();
    private final Map<Long, List<MutableHold>> byUser = new HashMap<>();
    private final List<MutableHold> touched = new ArrayList<>();

    /** Every hold of the user still in the engine, pending ones included, oldest first. */
    List<HoldRecord> all(final long userId) {
        return byUser.getOrDefault(userId, List.of()).stream().map(MutableHold::record).toList();
    }

    /** Holds waiting for a second operator, oldest first, at most {@link #PENDING_LIST_MAX}. */
    List<HoldRecord> pending() {
        final List<HoldRecord> list = new ArrayList<>();
        for (MutableHold hold : holds.values()) {
            if (hold.state == HoldState.PENDING_APPROVAL && list.size() < PENDING_LIST_MAX) {
                list.add(hold.record());
            }
        }
        return list;
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId,
        final long amount, final HoldKind kind, final HoldReason reason, final String explanation,
        final long operatorId, final long reviewDeadlineMs, final ReleaseCondition releaseCondition,
        final long ticketRef, final long massActionId, final HoldState state) {
        final MutableHold hold = new MutableHold(holdId, userId, assetId, amount, kind, reason, explanation,
            operatorId, releaseCondition, ticketRef);
        hold.state = state;
        hold.reviewDeadlineMs = reviewDeadlineMs;
        holds.put(holdId, hold);
        byUser.computeIfAbsent(userId, id -> new ArrayList<>()).add(hold);
        touched.add(hold);
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        final MutableHold hold = holds.get(holdId);
        hold.state = HoldState.ACTIVE;
        hold.approvedBy = operatorId;
        touched.add(hold);
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        remove(holdId);
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        remove(holdId);
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        holds.get(holdId).state = HoldState.ESCALATED;
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        final MutableHold hold = holds.get(holdId);
        hold.state = HoldState.ACTIVE;
        hold.reviewDeadlineMs = reviewDeadlineMs;
        hold.renewals = renewals;
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        for (MutableHold hold : touched) {
            if (hold.placedAtMs == 0) {
                hold.placedAtMs = timestampMs;
            }
            if (hold.sinceMs == 0 && hold.state == HoldState.ACTIVE) {
                hold.sinceMs = timestampMs;
            }
        }
        touched.clear();
    }

    private void remove(final long holdId) {
        final MutableHold hold = holds.remove(holdId);
        final List<MutableHold> userHolds = byUser.get(hold.userId);
        userHolds.remove(hold);
        if (userHolds.isEmpty()) {
            byUser.remove(hold.userId);
        }
    }

    /**
     * A hold as readers see it.
     *
     * @param placedAtMs when it was placed; {@code sinceMs} when it began to restrict (0 while pending)
     * @param approvedBy the second operator, or 0 when pending or when it took effect without one
     */
    record HoldRecord(long holdId, long userId, int assetId, long amount, HoldKind kind, HoldReason reason,
        String explanation, long placedBy, long approvedBy, long reviewDeadlineMs, ReleaseCondition releaseCondition,
        long ticketRef, HoldState state, long placedAtMs, long sinceMs, int renewals) {
    }

    /** The writer's copy of a hold. */
    private static final class MutableHold {
        final long holdId;
        final long userId;
        final int assetId;
        final long amount;
        final HoldKind kind;
        final HoldReason reason;
        final String explanation;
        final long placedBy;
        final ReleaseCondition releaseCondition;
        final long ticketRef;
        HoldState state;
        long approvedBy;
        long reviewDeadlineMs;
        long placedAtMs;
        long sinceMs;
        int renewals;

        MutableHold(final long holdId, final long userId, final int assetId, final long amount, final HoldKind kind,
            final HoldReason reason, final String explanation, final long placedBy,
            final ReleaseCondition releaseCondition, final long ticketRef) {
            this.holdId = holdId;
            this.userId = userId;
            this.assetId = assetId;
            this.amount = amount;
            this.kind = kind;
            this.reason = reason;
            this.explanation = explanation;
            this.placedBy = placedBy;
            this.releaseCondition = releaseCondition;
            this.ticketRef = ticketRef;
        }

        HoldRecord record() {
            return new HoldRecord(holdId, userId, assetId, amount, kind, reason, explanation, placedBy, approvedBy,
                reviewDeadlineMs, releaseCondition, ticketRef, state, placedAtMs, sinceMs, renewals);
        }
    }
}
