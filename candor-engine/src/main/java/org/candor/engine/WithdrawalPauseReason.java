package org.candor.engine;

/** Why an operator paused an asset's withdrawals; shown to users with the explanation. Stable codes. */
public enum WithdrawalPauseReason {
    /** Planned wallet or node maintenance. */
    MAINTENANCE(0),
    /** The asset's network is congested, forked or halted. */
    NETWORK_INCIDENT(1),
    /** A suspected compromise of the exchange's wallets. */
    SECURITY_INCIDENT(2),
    /** A regulator or court requires it. */
    REGULATORY(3),
    OTHER(4);

    private static final WithdrawalPauseReason[] BY_CODE = values();
    private final int code;

    WithdrawalPauseReason(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static WithdrawalPauseReason fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
