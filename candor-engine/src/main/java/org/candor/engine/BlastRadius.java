package org.candor.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The blast-radius limiter: however a restriction is ordered, by a person or by a faulty release, no more than a
 * set number of distinct accounts, and no more than a set share of any asset's user balances, may be newly
 * restricted within a sliding window of time. A hold that takes effect (on placement when it needs no approval, on
 * approval otherwise) and would exceed the policy is refused with BLAST_RADIUS_EXCEEDED, unless it belongs to a
 * mass action that two different operators agreed to.
 *
 * <p>The window is a list of what took effect when, in command order; entries older than the window are dropped when
 * the next hold takes effect. Everything here is part of the digest and the snapshot.
 */
final class BlastRadius {
    /**
     * The most restrictions the window remembers. When it is full nothing more may take effect until entries age
     * out: a window with this many fresh restrictions is an incident in itself.
     */
    static final int WINDOW_ENTRIES_MAX = 1 << 16;
    /** Mass actions ever proposed; each is a rare, two-person decision, so 4,096 lasts for years. */
    static final int MASS_ACTIONS_MAX = 4_096;
    /** The longest window: 30 days. Longer windows would only make the limit meaningless as a rate. */
    static final long WINDOW_MS_MAX = 30L * 24 * 60 * 60 * 1000;
    /**
     * On from the first command (decision 0010): at most 20 distinct accounts newly restricted per hour without a
     * mass action. A legitimate day of compliance work restricts a handful of accounts; a faulty release or a
     * compromised operator account restricting hundreds is stopped after 20, and a real incident that needs more
     * uses a mass action that two operators approve.
     */
    static final int ACCOUNTS_MAX_DEFAULT = 20;
    /**
     * No share limit by default: the engine cannot know how a venue's balances are spread, and on a new listing one
     * user may own most of an asset, so any share below 100% would refuse a single ordinary hold. Operators tighten
     * it (one operator suffices) once balances are spread.
     */
    static final int SHARE_BPS_MAX_DEFAULT = Money.BPS_PER_UNIT;
    static final long WINDOW_MS_DEFAULT = 60L * 60 * 1000;
    /** An approved mass action not used up within a day expires: an incident's authority does not linger. */
    static final long MASS_ACTION_WINDOW_MS = 24L * 60 * 60 * 1000;

    private static final Comparator<MassAction> BY_EXPIRY =
        Comparator.<MassAction>comparingLong(a -> a.expiresAtMs).thenComparingLong(a -> a.actionId);

    private final Assets assets;
    private final Ledger ledger;
    private final Emitter emitter;
    private final Digest digest;
    private final List<Entry> window = new ArrayList<>();
    private final TreeMap<Long, MassAction> massActions = new TreeMap<>();
    /** Approved mass actions neither used up nor expired, by (expiry, id). */
    private final TreeSet<MassAction> expiries = new TreeSet<>(BY_EXPIRY);
    private int accountsMax = ACCOUNTS_MAX_DEFAULT;
    private int shareBpsMax = SHARE_BPS_MAX_DEFAULT;
    private long windowMs = WINDOW_MS_DEFAULT;
    private long lastReference;

    BlastRadius(final Assets assets, final Ledger ledger, final Emitter emitter, final Digest digest) {
        this.assets = assets;
        this.ledger = ledger;
        this.emitter = emitter;
        this.digest = digest;
    }

    /** The mass action the last successful command acted on; 0 after a policy change. */
    long lastReference() {
        return lastReference;
    }

    /** One restriction that took effect: when, whose, of which asset (or NO_ASSET), and how much. */
    record Entry(long timeMs, long userId, int assetId, long amount) {
        long hash() {
            return Digest.hash(31, timeMs, userId, assetId, amount, 0);
        }
    }

    static boolean isValidPolicy(final int accounts, final int shareBps, final long windowLengthMs) {
        return accounts >= 0 && shareBps >= 0 && shareBps <= Money.BPS_PER_UNIT && windowLengthMs >= 0
            && windowLengthMs <= WINDOW_MS_MAX;
    }

    /**
     * Whether a policy loosens the one in force: turning the limiter off, or, while it is on, more accounts, a larger
     * share or a shorter window. Any policy tightens a limiter that is off. A mix of both is a loosening.
     */
    boolean loosens(final int accounts, final int shareBps, final long windowLengthMs) {
        if (windowMs == 0) {
            return false;
        }
        return windowLengthMs == 0 || accounts > accountsMax || shareBps > shareBpsMax || windowLengthMs < windowMs;
    }

    /** Applies a policy that {@link PolicyChanges} checked (and, if it loosens, had a second operator approve). */
    void setPolicy(final int accounts, final int shareBps, final long windowLengthMs, final long operatorId) {
        digest.replace(policyHash(), policyHash(accounts, shareBps, windowLengthMs));
        accountsMax = accounts;
        shareBpsMax = shareBps;
        windowMs = windowLengthMs;
        lastReference = 0;
        emitter.blastRadiusPolicySet(accounts, shareBps, windowLengthMs, operatorId);
    }

    /**
     * Whether a restriction of {@code userSlot} may take effect at {@code nowMs}: an AMOUNT of {@code assetId},
     * or, for an account block ({@code assetId} NO_ASSET), the user's whole balance in every asset.
     */
    RejectReason check(final long userId, final int userSlot, final int assetId, final long amount,
        final long nowMs) {
        if (windowMs == 0) {
            return RejectReason.NONE;
        }
        prune(nowMs);
        boolean known = false;
        int distinct = 0;
        final TreeSet<Long> seen = new TreeSet<>();
        for (final Entry entry : window) {
            known |= entry.userId == userId;
            if (seen.add(entry.userId)) {
                distinct++;
            }
        }
        if (!known && distinct + 1 > accountsMax) {
            return RejectReason.BLAST_RADIUS_EXCEEDED;
        }
        final List<Entry> adds = entriesFor(userId, userSlot, assetId, amount, nowMs);
        if (window.size() + adds.size() > WINDOW_ENTRIES_MAX) {
            return RejectReason.BLAST_RADIUS_EXCEEDED;
        }
        for (final Entry add : adds) {
            // Both terms are at most AMOUNT_MAX (2^62), so the difference cannot overflow where a sum could.
            if (add.assetId != Hold.NO_ASSET
                && add.amount > shareLimit(add.assetId) - restrictedInWindow(add.assetId)) {
                return RejectReason.BLAST_RADIUS_EXCEEDED;
            }
        }
        return RejectReason.NONE;
    }

    /** Records a restriction that took effect; {@link #check} said it may. */
    void record(final long userId, final int userSlot, final int assetId, final long amount, final long nowMs) {
        if (windowMs == 0) {
            return;
        }
        for (final Entry add : entriesFor(userId, userSlot, assetId, amount, nowMs)) {
            window.add(add);
            digest.add(add.hash());
        }
    }

    /** An amount hold is one entry; a block is one per asset the user holds (or one empty entry to count them). */
    private List<Entry> entriesFor(final long userId, final int userSlot, final int assetId, final long amount,
        final long nowMs) {
        final List<Entry> adds = new ArrayList<>();
        if (assetId != Hold.NO_ASSET) {
            adds.add(new Entry(nowMs, userId, assetId, amount));
            return adds;
        }
        for (int asset = 0; asset < assets.capacity(); asset++) {
            final int account = assets.exists(asset) ? ledger.find(userSlot, asset) : Ledger.NONE;
            final long total = account == Ledger.NONE ? 0 : ledger.total(account);
            if (total > 0) {
                adds.add(new Entry(nowMs, userId, asset, total));
            }
        }
        if (adds.isEmpty()) {
            adds.add(new Entry(nowMs, userId, Hold.NO_ASSET, 0));
        }
        return adds;
    }

    private void prune(final long nowMs) {
        for (int i = window.size() - 1; i >= 0; i--) {
            final Entry entry = window.get(i);
            if (entry.timeMs <= nowMs - windowMs) {
                window.remove(i);
                digest.remove(entry.hash());
            }
        }
    }

    private long restrictedInWindow(final int assetId) {
        long sum = 0;
        for (final Entry entry : window) {
            if (entry.assetId == assetId) {
                sum += entry.amount;
            }
        }
        return sum;
    }

    /** The share of all user balances of the asset that may be newly restricted per window, rounded down. */
    private long shareLimit(final int assetId) {
        final long userBalances = -ledger.custody(assetId) - ledger.fees(assetId);
        return Money.feeFloor(userBalances, shareBpsMax);
    }

    // ---------------------------------------------------------------- mass actions

    RejectReason propose(final long actionId, final long operatorId, final int accounts,
        final String justification) {
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
        final MassAction action = new MassAction(actionId, operatorId, accounts, justification);
        massActions.put(actionId, action);
        digest.add(action.hash());
        lastReference = actionId;
        emitter.massActionProposed(actionId, operatorId, accounts, justification);
        return RejectReason.NONE;
    }

    RejectReason approve(final long actionId, final long operatorId, final long nowMs) {
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final MassAction action = massActions.get(actionId);
        if (action == null) {
            return RejectReason.UNKNOWN_MASS_ACTION;
        }
        if (action.approvedBy != 0) {
            return RejectReason.MASS_ACTION_ALREADY_APPROVED;
        }
        if (operatorId == action.proposedBy) {
            return RejectReason.SELF_APPROVAL;
        }
        final long before = action.hash();
        action.approvedBy = operatorId;
        action.expiresAtMs = nowMs > Long.MAX_VALUE - MASS_ACTION_WINDOW_MS ? Long.MAX_VALUE
            : nowMs + MASS_ACTION_WINDOW_MS;
        digest.replace(before, action.hash());
        expiries.add(action);
        lastReference = actionId;
        emitter.massActionApproved(actionId, operatorId);
        return RejectReason.NONE;
    }

    /** Whether a hold may name this mass action now. */
    RejectReason checkMassAction(final long actionId) {
        final MassAction action = massActions.get(actionId);
        if (action == null) {
            return RejectReason.UNKNOWN_MASS_ACTION;
        }
        if (action.approvedBy == 0) {
            return RejectReason.MASS_ACTION_NOT_APPROVED;
        }
        if (action.expired) {
            return RejectReason.MASS_ACTION_EXPIRED;
        }
        return action.used >= action.accountsMax ? RejectReason.MASS_ACTION_EXHAUSTED : RejectReason.NONE;
    }

    /** A hold named the mass action: one of its accounts is used. */
    void useMassAction(final long actionId) {
        final MassAction action = massActions.get(actionId);
        final long before = action.hash();
        action.used++;
        digest.replace(before, action.hash());
        if (!action.awaitsExpiry()) {
            // Used up: nothing is left to expire.
            expiries.remove(action);
        }
    }

    /** The earliest expiry of an approved mass action that is not used up, or {@link Long#MAX_VALUE}. */
    long nextDeadlineMs() {
        return expiries.isEmpty() ? Long.MAX_VALUE : expiries.first().expiresAtMs;
    }

    /** The earliest such mass action expires: holds can no longer name it. */
    void fireFirst() {
        final MassAction action = expiries.pollFirst();
        final long before = action.hash();
        action.expired = true;
        digest.replace(before, action.hash());
        emitter.massActionExpired(action.actionId, action.used);
    }

    Iterable<MassAction> expiryIndex() {
        return expiries;
    }

    // ---------------------------------------------------------------- state for queries, audit and snapshots

    int accountsMax() {
        return accountsMax;
    }

    int shareBpsMax() {
        return shareBpsMax;
    }

    long windowMs() {
        return windowMs;
    }

    List<Entry> window() {
        return window;
    }

    Iterable<MassAction> massActions() {
        return massActions.values();
    }

    MassAction massAction(final long actionId) {
        return massActions.get(actionId);
    }

    long policyHash() {
        return policyHash(accountsMax, shareBpsMax, windowMs);
    }

    /** 0 for the default policy, so an engine that never changed it has nothing of it to digest. */
    private static long policyHash(final int accounts, final int shareBps, final long windowLengthMs) {
        return accounts == ACCOUNTS_MAX_DEFAULT && shareBps == SHARE_BPS_MAX_DEFAULT
            && windowLengthMs == WINDOW_MS_DEFAULT ? 0 : Digest.hash(30, accounts, shareBps, windowLengthMs);
    }

    void restorePolicy(final int accounts, final int shareBps, final long windowLengthMs) {
        accountsMax = accounts;
        shareBpsMax = shareBps;
        windowMs = windowLengthMs;
    }

    void restoreEntry(final Entry entry) {
        window.add(entry);
    }

    void restoreMassAction(final MassAction action) {
        massActions.put(action.actionId, action);
        if (action.awaitsExpiry()) {
            expiries.add(action);
        }
    }
}
