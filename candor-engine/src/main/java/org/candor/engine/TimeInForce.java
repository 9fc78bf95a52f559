package org.candor.engine;

/**
 * How long an order may live. POST_ONLY is Binance's LIMIT_MAKER: it must rest, and is rejected whole if any part
 * of it would take liquidity. Market orders are always immediate-or-cancel.
 */
public enum TimeInForce {
    GTC(0),
    IOC(1),
    FOK(2),
    POST_ONLY(3);

    private static final TimeInForce[] BY_CODE = values();
    private final int code;

    TimeInForce(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether an order with this time in force may rest on the book. */
    public boolean rests() {
        return this == GTC || this == POST_ONLY;
    }

    public static TimeInForce fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
