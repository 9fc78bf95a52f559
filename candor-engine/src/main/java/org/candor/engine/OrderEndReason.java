package org.candor.engine;

/** Why an order left the engine. Codes are stable: they appear in the journal. */
public enum OrderEndReason {
    /** Fully executed. */
    FILLED(0),
    /** Cancelled by its owner (cancel, cancel-all, or a reduce to zero). */
    CANCELLED(1),
    /** Immediate-or-cancel or market remainder that found no more liquidity; or a market buy's unspendable dust. */
    EXPIRED(2),
    /** Ended by self-trade prevention. */
    EXPIRED_STP(3),
    /** Fill-or-kill that could not be filled whole; nothing traded. */
    EXPIRED_FOK(4);

    private static final OrderEndReason[] BY_CODE = values();
    private final int code;

    OrderEndReason(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static OrderEndReason fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
