package org.candor.testkit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.candor.engine.Bucket;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldPolicy;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;

/**
 * The reference's holds, written out the slow, obvious way: a sorted map of hold records, deadlines found by a scan
 * for the earliest, the blast-radius window a plain list summed with {@link BigInteger}. It checks in the order the
 * engine documents (docs/ENGINE.md), moves money through the {@link ReferenceExchange}'s balances, and sets its
 * result reference as the engine does.
 */
public final class ReferenceHolds {
    /** The engine's blast-radius window bound; beyond it nothing more may take effect. */
    private static final int WINDOW_ENTRIES_MAX = 1 << 16;
    private static final int MASS_ACTIONS_MAX = 4_096;
    private static final long WINDOW_MS_MAX = 30L * 24 * 60 * 60 * 1000;
    private static final BigInteger AMOUNT_MAX = BigInteger.ONE.shiftLeft(62);
    private static final int NO_ASSET = -1;

    private final ReferenceExchange exchange;
    private final int holdsMax;
    private final TreeMap<Long, HoldRecord> holds = new TreeMap<>();
    private final TreeMap<Integer, Long> thresholds = new TreeMap<>();
    private final List<long[]> window = new ArrayList<>();
    private final TreeMap<Long, long[]> massActions = new TreeMap<>();
    private long holdSeq;
    private int accountsMax = 20;
    private int shareBpsMax = 10_000;
    private long windowMs = 3_600_000;

    ReferenceHolds(final ReferenceExchange exchange, final int holdsMax) {
        this.exchange = exchange;
        this.holdsMax = holdsMax;
    }

    /** A hold as the reference keeps it; mutable where the engine's changes. */
    private static final class HoldRecord {
        long holdId;
        long userId;
        int assetId;
        long amount;
        HoldKind kind;
        HoldReason reason;
        long placedBy;
        long approvedBy;
        long deadline;
        ReleaseCondition condition;
        long massActionId;
        int renewals;
        HoldState state;

        boolean inForce() {
            return state == HoldState.ACTIVE || state == HoldState.ESCALATED;
        }
    }

    public RejectReason place(final long userId, final int assetId, final long amount, final HoldKind kind,
        final HoldReason reason, final String text, final long operatorId, final long now, final long deadline,
        final ReleaseCondition condition, final long ticketRef, final long massActionId) {
        exchange.clearReference();
        if (!exchange.hasUser(userId)) {
            return RejectReason.UNKNOWN_USER;
        }
        if (kind == null || reason == null || condition == null || operatorId <= 0 || ticketRef < 0
            || massActionId < 0 || kind == HoldKind.ACCOUNT_BLOCK && (assetId != NO_ASSET || amount != 0)) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (kind == HoldKind.AMOUNT && !exchange.hasAsset(assetId)) {
            return RejectReason.UNKNOWN_ASSET;
        }
        if (kind == HoldKind.AMOUNT && amount <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!HoldPolicy.isValidText(text)
            || reason == HoldReason.WITHHELD_BY_LAW && !"Withheld by law".equals(text)) {
            return RejectReason.HOLD_EXPLANATION_INVALID;
        }
        if (deadline <= now || deadline - now > HoldPolicy.REVIEW_AHEAD_MS_MAX) {
            return RejectReason.HOLD_DEADLINE_INVALID;
        }
        if (reason == HoldReason.OPERATIONAL_INCIDENT && condition != ReleaseCondition.AUTO_RELEASE_AT_DEADLINE) {
            return RejectReason.HOLD_RELEASE_CONDITION_INVALID;
        }
        if (massActionId != 0) {
            final long[] action = massActions.get(massActionId);
            if (action == null) {
                return RejectReason.UNKNOWN_MASS_ACTION;
            }
            if (action[2] == 0) {
                return RejectReason.MASS_ACTION_NOT_APPROVED;
            }
            if (action[3] >= action[1]) {
                return RejectReason.MASS_ACTION_EXHAUSTED;
            }
        }
        if (kind == HoldKind.AMOUNT && exchange.get(userId, assetId, Bucket.AVAILABLE) < amount) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (holds.size() >= holdsMax) {
            return RejectReason.HOLDS_CAPACITY_REACHED;
        }
        final boolean approvalRequired = kind == HoldKind.ACCOUNT_BLOCK
            || amount > thresholds.getOrDefault(assetId, 0L);
        if (!approvalRequired && massActionId == 0 && exceedsBlastRadius(userId, assetId, amount, now)) {
            return RejectReason.BLAST_RADIUS_EXCEEDED;
        }
        final HoldRecord hold = new HoldRecord();
        hold.holdId = ++holdSeq;
        hold.userId = userId;
        hold.assetId = assetId;
        hold.amount = amount;
        hold.kind = kind;
        hold.reason = reason;
        hold.placedBy = operatorId;
        hold.deadline = deadline;
        hold.condition = condition;
        hold.massActionId = massActionId;
        hold.state = approvalRequired ? HoldState.PENDING_APPROVAL : HoldState.ACTIVE;
        holds.put(hold.holdId, hold);
        if (massActionId != 0) {
            massActions.get(massActionId)[3]++;
        }
        if (!approvalRequired) {
            takeEffect(hold, now);
        }
        return exchange.done(hold.holdId);
    }

    public RejectReason approve(final long holdId, final long operatorId, final long now) {
        exchange.clearReference();
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final HoldRecord hold = holds.get(holdId);
        if (hold == null) {
            return RejectReason.UNKNOWN_HOLD;
        }
        if (hold.state != HoldState.PENDING_APPROVAL) {
            return RejectReason.HOLD_NOT_PENDING;
        }
        if (operatorId == hold.placedBy) {
            return RejectReason.SELF_APPROVAL;
        }
        if (hold.kind == HoldKind.AMOUNT && exchange.get(hold.userId, hold.assetId, Bucket.AVAILABLE) < hold.amount) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (hold.massActionId == 0 && exceedsBlastRadius(hold.userId, hold.assetId, hold.amount, now)) {
            return RejectReason.BLAST_RADIUS_EXCEEDED;
        }
        hold.state = HoldState.ACTIVE;
        hold.approvedBy = operatorId;
        takeEffect(hold, now);
        return exchange.done(holdId);
    }

    public RejectReason reject(final long holdId, final long operatorId, final String justification) {
        exchange.clearReference();
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!HoldPolicy.isValidText(justification)) {
            return RejectReason.HOLD_EXPLANATION_INVALID;
        }
        final HoldRecord hold = holds.get(holdId);
        if (hold == null) {
            return RejectReason.UNKNOWN_HOLD;
        }
        if (hold.state != HoldState.PENDING_APPROVAL) {
            return RejectReason.HOLD_NOT_PENDING;
        }
        holds.remove(holdId);
        return exchange.done(holdId);
    }

    public RejectReason release(final long holdId, final long operatorId) {
        exchange.clearReference();
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final HoldRecord hold = holds.get(holdId);
        if (hold == null) {
            return RejectReason.UNKNOWN_HOLD;
        }
        if (!hold.inForce()) {
            return RejectReason.HOLD_NOT_IN_FORCE;
        }
        lift(hold);
        return exchange.done(holdId);
    }

    public RejectReason renew(final long holdId, final long operatorId, final long deadline,
        final String justification, final long now) {
        exchange.clearReference();
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!HoldPolicy.isValidText(justification)) {
            return RejectReason.HOLD_EXPLANATION_INVALID;
        }
        final HoldRecord hold = holds.get(holdId);
        if (hold == null) {
            return RejectReason.UNKNOWN_HOLD;
        }
        if (!hold.inForce()) {
            return RejectReason.HOLD_NOT_IN_FORCE;
        }
        if (deadline <= now || deadline - now > HoldPolicy.REVIEW_AHEAD_MS_MAX) {
            return RejectReason.HOLD_DEADLINE_INVALID;
        }
        hold.state = HoldState.ACTIVE;
        hold.deadline = deadline;
        hold.renewals++;
        return exchange.done(holdId);
    }

    public RejectReason setApprovalThreshold(final int assetId, final long threshold, final long operatorId,
        final long now) {
        exchange.clearReference();
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!exchange.hasAsset(assetId)) {
            return RejectReason.UNKNOWN_ASSET;
        }
        if (threshold < 0 || BigInteger.valueOf(threshold).compareTo(AMOUNT_MAX) > 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (threshold > thresholds.getOrDefault(assetId, 0L)) {
            return exchange.policies().propose(PolicyKind.HOLD_APPROVAL_THRESHOLD, assetId, threshold, 0, 0,
                operatorId, now);
        }
        thresholds.put(assetId, threshold);
        return exchange.done(0); // applied at once: no proposal to name
    }

    void applyThreshold(final int assetId, final long threshold) {
        thresholds.put(assetId, threshold);
    }

    void applyPolicy(final int accounts, final int shareBps, final long windowLengthMs) {
        accountsMax = accounts;
        shareBpsMax = shareBps;
        windowMs = windowLengthMs;
    }

    public RejectReason setPolicy(final int accounts, final int shareBps, final long windowLengthMs,
        final long operatorId, final long now) {
        exchange.clearReference();
        if (operatorId <= 0 || accounts < 0 || shareBps < 0 || shareBps > 10_000 || windowLengthMs < 0
            || windowLengthMs > WINDOW_MS_MAX) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (windowMs != 0 && (windowLengthMs == 0 || accounts > accountsMax || shareBps > shareBpsMax
            || windowLengthMs < windowMs)) {
            return exchange.policies().propose(PolicyKind.BLAST_RADIUS, -1, windowLengthMs, accounts, shareBps,
                operatorId, now);
        }
        applyPolicy(accounts, shareBps, windowLengthMs);
        return exchange.done(0);
    }

    /** A mass action is {proposer, accountsMax, approver, used}. */
    public RejectReason propose(final long actionId, final long operatorId, final int accounts,
        final String justification) {
        exchange.clearReference();
        if (actionId <= 0 || operatorId <= 0 || accounts <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!HoldPolicy.isValidText(justification)) {
            return RejectReason.HOLD_EXPLANATION_INVALID;
        }
        if (massActions.containsKey(actionId)) {
            return RejectReason.MASS_ACTION_EXISTS;
        }
        if (massActions.size() >= MASS_ACTIONS_MAX) {
            return RejectReason.MASS_ACTIONS_CAPACITY_REACHED;
        }
        massActions.put(actionId, new long[] {operatorId, accounts, 0, 0});
        return exchange.done(actionId);
    }

    public RejectReason approveMassAction(final long actionId, final long operatorId) {
        exchange.clearReference();
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final long[] action = massActions.get(actionId);
        if (action == null) {
            return RejectReason.UNKNOWN_MASS_ACTION;
        }
        if (action[2] != 0) {
            return RejectReason.MASS_ACTION_ALREADY_APPROVED;
        }
        if (operatorId == action[0]) {
            return RejectReason.SELF_APPROVAL;
        }
        action[2] = operatorId;
        return exchange.done(actionId);
    }

    /** Fires every due deadline, earliest (then lowest id) first, each once; returns how many fired. */
    public int advanceTime(final long now) {
        int fired = 0;
        while (true) {
            HoldRecord due = null;
            for (final HoldRecord hold : holds.values()) {
                final boolean waits = hold.state == HoldState.PENDING_APPROVAL || hold.state == HoldState.ACTIVE;
                if (waits && hold.deadline <= now && (due == null || hold.deadline < due.deadline)) {
                    due = hold;
                }
            }
            if (due == null) {
                return fired;
            }
            fired++;
            if (due.state == HoldState.PENDING_APPROVAL) {
                holds.remove(due.holdId);
            } else if (due.condition == ReleaseCondition.AUTO_RELEASE_AT_DEADLINE) {
                lift(due);
            } else {
                due.state = HoldState.ESCALATED;
            }
        }
    }

    /** The lowest id of an account block in force on the user, or 0. */
    public long blockingHold(final long userId) {
        for (final HoldRecord hold : holds.values()) {
            if (hold.kind == HoldKind.ACCOUNT_BLOCK && hold.inForce() && hold.userId == userId) {
                return hold.holdId;
            }
        }
        return 0;
    }

    SortedMap<Long, ExchangeState.HoldView> views() {
        final SortedMap<Long, ExchangeState.HoldView> views = new TreeMap<>();
        for (final HoldRecord h : holds.values()) {
            views.put(h.holdId, new ExchangeState.HoldView(h.holdId, h.userId, h.assetId, h.amount, h.kind, h.reason,
                h.state, h.placedBy, h.approvedBy, h.deadline, h.renewals, h.massActionId));
        }
        return views;
    }

    private void takeEffect(final HoldRecord hold, final long now) {
        if (hold.massActionId == 0 && windowMs > 0) {
            window.addAll(entries(hold.userId, hold.assetId, hold.amount, now));
        }
        if (hold.kind == HoldKind.AMOUNT) {
            exchange.move(hold.userId, hold.assetId, Bucket.AVAILABLE, Bucket.HELD, hold.amount);
        }
    }

    private void lift(final HoldRecord hold) {
        holds.remove(hold.holdId);
        if (hold.kind == HoldKind.AMOUNT) {
            exchange.move(hold.userId, hold.assetId, Bucket.HELD, Bucket.AVAILABLE, hold.amount);
        }
    }

    /** Whether restricting this now would break the policy: too many accounts or too much of an asset. */
    private boolean exceedsBlastRadius(final long userId, final int assetId, final long amount, final long now) {
        if (windowMs == 0) {
            return false;
        }
        window.removeIf(entry -> entry[0] <= now - windowMs);
        final TreeSet<Long> users = new TreeSet<>();
        for (final long[] entry : window) {
            users.add(entry[1]);
        }
        if (!users.contains(userId) && users.size() + 1 > accountsMax) {
            return true;
        }
        final List<long[]> adds = entries(userId, assetId, amount, now);
        if (window.size() + adds.size() > WINDOW_ENTRIES_MAX) {
            return true;
        }
        for (final long[] add : adds) {
            if (add[2] == NO_ASSET) {
                continue;
            }
            BigInteger restricted = BigInteger.valueOf(add[3]);
            for (final long[] entry : window) {
                if (entry[2] == add[2]) {
                    restricted = restricted.add(BigInteger.valueOf(entry[3]));
                }
            }
            final int asset = (int) add[2];
            final BigInteger userBalances = BigInteger.valueOf(-exchange.get(0, asset, Bucket.CUSTODY)
                - exchange.get(0, asset, Bucket.FEES));
            final BigInteger limit = userBalances.multiply(BigInteger.valueOf(shareBpsMax))
                .divide(BigInteger.valueOf(10_000));
            if (restricted.compareTo(limit) > 0) {
                return true;
            }
        }
        return false;
    }

    /** {time, user, asset, amount}: one per amount hold; per asset the user holds for a block, or one empty. */
    private List<long[]> entries(final long userId, final int assetId, final long amount, final long now) {
        final List<long[]> adds = new ArrayList<>();
        if (assetId != NO_ASSET) {
            adds.add(new long[] {now, userId, assetId, amount});
            return adds;
        }
        for (final int asset : exchange.assetIds()) {
            long total = 0;
            for (final Bucket bucket : new Bucket[] {Bucket.AVAILABLE, Bucket.IN_ORDERS, Bucket.WITHDRAWING,
                Bucket.HELD}) {
                total += exchange.get(userId, asset, bucket);
            }
            if (total > 0) {
                adds.add(new long[] {now, userId, asset, total});
            }
        }
        if (adds.isEmpty()) {
            adds.add(new long[] {now, userId, NO_ASSET, 0});
        }
        return adds;
    }
}
