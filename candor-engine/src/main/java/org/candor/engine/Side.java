package org.candor.engine;

/** Which side of the book an order is on. Codes are stable: they appear in the journal. */
public enum Side {
    BUY(0),
    SELL(1);

    private final int code;

    Side(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    public static Side fromCode(final int code) {
        return code == 0 ? BUY : code == 1 ? SELL : null;
    }
}
