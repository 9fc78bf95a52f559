package org.candor.engine;

/**
 * Self-trade prevention, with the modes Binance users know. The taker's mode decides what happens when it meets a
 * resting order of the same user: NONE lets them trade; EXPIRE_TAKER ends the taker; EXPIRE_MAKER cancels the
 * resting order and keeps matching; EXPIRE_BOTH does both.
 */
public enum StpMode {
    NONE(0),
    EXPIRE_TAKER(1),
    EXPIRE_MAKER(2),
    EXPIRE_BOTH(3);

    private static final StpMode[] BY_CODE = values();
    private final int code;

    StpMode(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static StpMode fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
