package org.candor.engine;

/**
 * LIMIT orders carry a price; MARKET orders take whatever the book offers. A market sell is sized by base
 * quantity, a market buy by a quote budget, as Binance's MARKET with quantity or quoteOrderQty.
 */
public enum OrderType {
    LIMIT(0),
    MARKET(1);

    private final int code;

    OrderType(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static OrderType fromCode(final int code) {
        return code == 0 ? LIMIT : code == 1 ? MARKET : null;
    }
}
