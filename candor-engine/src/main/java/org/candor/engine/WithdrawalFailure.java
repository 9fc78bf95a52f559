package org.candor.engine;

/** Why the chain processor reports a withdrawal FAILED; its funds return to available either way. Stable codes. */
public enum WithdrawalFailure {
    /** The transaction could not be built or sent. */
    BROADCAST_FAILED(0),
    /** The network dropped the transaction before it confirmed. */
    DROPPED(1),
    /** The transaction was mined but reverted or was rejected by the destination. */
    REVERTED(2),
    /** The destination turned out not to accept this asset. */
    DESTINATION_INVALID(3),
    /** Anything else; the operators' ticket says more. Also what a version 2 fail command means. */
    OTHER(4);

    private static final WithdrawalFailure[] BY_CODE = values();
    private final int code;

    WithdrawalFailure(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static WithdrawalFailure fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
