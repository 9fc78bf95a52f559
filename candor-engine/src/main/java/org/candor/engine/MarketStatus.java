package org.candor.engine;

/** A halted market rejects new orders and price moves but always lets users cancel and reduce. */
public enum MarketStatus {
    TRADING(0),
    HALTED(1);

    private final int code;

    MarketStatus(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MarketStatus fromCode(final int code) {
        return code == 0 ? TRADING : code == 1 ? HALTED : null;
    }
}
