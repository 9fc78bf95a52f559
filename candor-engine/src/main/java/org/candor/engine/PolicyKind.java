package org.candor.engine;

/**
 * The operator-set policies whose loosening needs two operators (decision 0010). Tightening a policy takes effect
 * at once by one operator; loosening it (or removing it) is a proposal that a second, different operator approves.
 * Stable codes: they travel on the wire and name the limit in a WITHDRAWAL_VELOCITY_LIMIT result.
 */
public enum PolicyKind {
    /** Holds of an asset above this amount need a second operator; higher is looser. */
    HOLD_APPROVAL_THRESHOLD(0, true),
    /** The blast-radius limiter: fewer accounts, a smaller share or a longer window is tighter; 0 window is off. */
    BLAST_RADIUS(1, true),
    /** Withdrawals of an asset above this amount wait for an operator's approval; higher is looser. */
    WITHDRAWAL_APPROVAL_THRESHOLD(2, true),
    /** The most one user may withdraw of an asset per rolling 24 hours; higher is looser. */
    WITHDRAWAL_USER_VELOCITY_LIMIT(3, true),
    /** The most all users together may withdraw of an asset per rolling 24 hours; higher is looser. */
    WITHDRAWAL_ASSET_VELOCITY_LIMIT(4, true),
    /** How long a new withdrawal address waits before it may be used; shorter is looser. */
    WITHDRAWAL_ADDRESS_TIME_LOCK(5, false),
    /** Service-level deadline of the REQUESTED state; longer is looser (later alarms). */
    WITHDRAWAL_SLA_REQUESTED(6, true),
    /** Service-level deadline of the AWAITING_APPROVAL state. */
    WITHDRAWAL_SLA_AWAITING_APPROVAL(7, true),
    /** Service-level deadline of the APPROVED state. */
    WITHDRAWAL_SLA_APPROVED(8, true),
    /** Service-level deadline of the BROADCAST state. */
    WITHDRAWAL_SLA_BROADCAST(9, true),
    /** Service-level deadline of the SENDING state (claimed by the chain edge, broadcast not yet recorded). */
    WITHDRAWAL_SLA_SENDING(10, true);

    private static final PolicyKind[] BY_CODE = values();
    private final int code;
    private final boolean higherIsLooser;

    PolicyKind(final int code, final boolean higherIsLooser) {
        this.code = code;
        this.higherIsLooser = higherIsLooser;
    }

    public int code() {
        return code;
    }

    /** Whether this is one of the per-asset withdrawal settings that {@code setWithdrawalPolicy} sets. */
    public boolean isWithdrawalSetting() {
        return code >= WITHDRAWAL_APPROVAL_THRESHOLD.code;
    }

    /** Whether moving a single-valued policy from {@code current} to {@code proposed} loosens it. */
    public boolean loosens(final long current, final long proposed) {
        return higherIsLooser ? proposed > current : proposed < current;
    }

    public static PolicyKind fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * The value an asset starts with until operators set one (withdrawal kinds: time lock and service-level
     * deadlines in milliseconds; thresholds and limits: none, the largest amount), for readers that show them.
     */
    public long withdrawalDefault() {
        return WithdrawalPolicy.defaultValue(this);
    }
}
