package org.candor.engine;

/**
 * The per-asset withdrawal settings operators set (approval threshold, velocity limits, address time lock, the
 * service-level deadline of each state) and the per-asset pause. Each setting has a default that makes a newly
 * listed asset usable and safe: no approval and no velocity limit (the engine cannot know what an amount is worth),
 * a day's time lock on new addresses, and deadlines a chain processor working normally meets with room to spare.
 * Settings differing from their default are part of the digest and the snapshot.
 */
final class WithdrawalPolicy {
    /** An amount no withdrawal reaches: a threshold or limit of this value never applies. */
    static final long NO_LIMIT = Ledger.AMOUNT_MAX;
    static final long MINUTE_MS = 60_000;
    static final long HOUR_MS = 60 * MINUTE_MS;
    static final long DAY_MS = 24 * HOUR_MS;
    /** A new address waits a day: long enough for the user to see the notification of an address they did not add. */
    static final long TIME_LOCK_MS_DEFAULT = DAY_MS;
    /** A longer time lock than a month would only make legitimate addresses useless. */
    static final long TIME_LOCK_MS_MAX = 30 * DAY_MS;
    /** A withdrawal needing no approval should be broadcast within half an hour. */
    static final long SLA_REQUESTED_MS_DEFAULT = 30 * MINUTE_MS;
    /** Operators review large withdrawals within a working day. */
    static final long SLA_AWAITING_APPROVAL_MS_DEFAULT = DAY_MS;
    /** An approved withdrawal should be broadcast within half an hour, as one that needed no approval. */
    static final long SLA_APPROVED_MS_DEFAULT = 30 * MINUTE_MS;
    /** Six hours covers the confirmations of the slowest common chains under congestion. */
    static final long SLA_BROADCAST_MS_DEFAULT = 6 * HOUR_MS;
    /**
     * A claimed withdrawal is broadcast within one poll of the chain edge; a quarter of an hour in SENDING means the
     * edge or its chain is down with a withdrawal whose transaction may or may not have left, which operators must
     * look at sooner than a withdrawal still waiting in the queue.
     */
    static final long SLA_SENDING_MS_DEFAULT = 15 * MINUTE_MS;
    /** Deadlines shorter than a minute would alarm on every command; longer than a month would never alarm. */
    static final long SLA_MS_MIN = MINUTE_MS;
    static final long SLA_MS_MAX = 30 * DAY_MS;
    /** Addresses and transaction references: the longest common formats (hex, bech32, memo-tagged) fit in 100. */
    static final int CHAIN_TEXT_BYTES_MAX = 100;

    private static final int SETTINGS = 9;
    private final long[][] settings;
    private final WithdrawalPauseReason[] pauseReasons;
    private final String[] pauseExplanations;
    private final long[] pausedBy;

    WithdrawalPolicy(final int assetsMax) {
        settings = new long[assetsMax][SETTINGS];
        for (final long[] asset : settings) {
            for (int i = 0; i < SETTINGS; i++) {
                asset[i] = defaultValue(i);
            }
        }
        pauseReasons = new WithdrawalPauseReason[assetsMax];
        pauseExplanations = new String[assetsMax];
        pausedBy = new long[assetsMax];
    }

    private static int index(final PolicyKind kind) {
        return kind.code() - PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD.code();
    }

    private static long defaultValue(final int index) {
        return switch (PolicyKind.fromCode(index + PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD.code())) {
            case WITHDRAWAL_ADDRESS_TIME_LOCK -> TIME_LOCK_MS_DEFAULT;
            case WITHDRAWAL_SLA_REQUESTED -> SLA_REQUESTED_MS_DEFAULT;
            case WITHDRAWAL_SLA_AWAITING_APPROVAL -> SLA_AWAITING_APPROVAL_MS_DEFAULT;
            case WITHDRAWAL_SLA_APPROVED -> SLA_APPROVED_MS_DEFAULT;
            case WITHDRAWAL_SLA_BROADCAST -> SLA_BROADCAST_MS_DEFAULT;
            case WITHDRAWAL_SLA_SENDING -> SLA_SENDING_MS_DEFAULT;
            default -> NO_LIMIT;
        };
    }

    static long defaultValue(final PolicyKind kind) {
        return defaultValue(index(kind));
    }

    /** Whether {@code value} is in the domain of the setting {@code kind}. */
    static boolean isValid(final PolicyKind kind, final long value) {
        return switch (kind) {
            case WITHDRAWAL_ADDRESS_TIME_LOCK -> value >= 0 && value <= TIME_LOCK_MS_MAX;
            case WITHDRAWAL_SLA_REQUESTED, WITHDRAWAL_SLA_AWAITING_APPROVAL, WITHDRAWAL_SLA_APPROVED,
                WITHDRAWAL_SLA_BROADCAST, WITHDRAWAL_SLA_SENDING -> value >= SLA_MS_MIN && value <= SLA_MS_MAX;
            default -> value >= 0 && value <= NO_LIMIT;
        };
    }

    long get(final PolicyKind kind, final int assetId) {
        return settings[assetId][index(kind)];
    }

    /** Sets a value; the caller replaces the asset's digest element ({@link #hash}) around the change. */
    void set(final PolicyKind kind, final int assetId, final long value) {
        settings[assetId][index(kind)] = value;
    }

    /** The service-level deadline of a live state, or {@link Long#MAX_VALUE} for a final one. */
    long slaMs(final int assetId, final WithdrawalState state) {
        return switch (state) {
            case REQUESTED -> get(PolicyKind.WITHDRAWAL_SLA_REQUESTED, assetId);
            case AWAITING_APPROVAL -> get(PolicyKind.WITHDRAWAL_SLA_AWAITING_APPROVAL, assetId);
            case APPROVED -> get(PolicyKind.WITHDRAWAL_SLA_APPROVED, assetId);
            case SENDING -> get(PolicyKind.WITHDRAWAL_SLA_SENDING, assetId);
            case BROADCAST -> get(PolicyKind.WITHDRAWAL_SLA_BROADCAST, assetId);
            default -> Long.MAX_VALUE;
        };
    }

    boolean isPaused(final int assetId) {
        return pauseReasons[assetId] != null;
    }

    WithdrawalPauseReason pauseReason(final int assetId) {
        return pauseReasons[assetId];
    }

    String pauseExplanation(final int assetId) {
        return pauseExplanations[assetId];
    }

    long pausedBy(final int assetId) {
        return pausedBy[assetId];
    }

    void pause(final int assetId, final WithdrawalPauseReason reason, final String explanation,
        final long operatorId) {
        pauseReasons[assetId] = reason;
        pauseExplanations[assetId] = explanation;
        pausedBy[assetId] = operatorId;
    }

    void resume(final int assetId) {
        pauseReasons[assetId] = null;
        pauseExplanations[assetId] = null;
        pausedBy[assetId] = 0;
    }

    /** The digest element of one asset's settings and pause: 0 while everything is at its default. */
    long hash(final int assetId) {
        long h = 0;
        for (int i = 0; i < SETTINGS; i++) {
            if (settings[assetId][i] != defaultValue(i)) {
                h += Digest.hash(55, assetId, i, settings[assetId][i]);
            }
        }
        if (pauseReasons[assetId] != null) {
            h += Digest.hash(56, assetId, pauseReasons[assetId].code(), Digest.hashString(pauseExplanations[assetId]),
                pausedBy[assetId], 0, 0);
        }
        return h;
    }

    /**
     * Whether an address or transaction reference can be stored and carried faithfully: 1 to
     * {@link #CHAIN_TEXT_BYTES_MAX} characters of printable ASCII without spaces, which every chain's address and
     * transaction formats are, and which no user interface can render two ways.
     */
    static boolean isValidChainText(final String text) {
        if (text == null || text.isEmpty() || text.length() > CHAIN_TEXT_BYTES_MAX) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
