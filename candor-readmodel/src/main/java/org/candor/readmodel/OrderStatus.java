package org.candor.readmodel;

/** Where an order stands in the read model; codes are stored in {@code orders.status}. */
public enum OrderStatus {
    /** Accepted, still being matched by its own command; never seen between commands. */
    ACCEPTED(0),
    /** On the book. */
    RESTING(1),
    /** Finished; {@code orders.end_reason} says why. */
    DONE(2);

    private static final OrderStatus[] BY_CODE = values();
    private final int code;

    OrderStatus(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static OrderStatus fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
