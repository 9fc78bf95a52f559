package org.candor.readmodel;

/** The kinds of order state change kept in {@code order_events.kind}. */
public enum OrderEventKind {
    ACCEPTED(0),
    TRADED(1),
    RESTED(2),
    REDUCED(3),
    MOVED(4),
    DONE(5);

    private static final OrderEventKind[] BY_CODE = values();
    private final int code;

    OrderEventKind(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static OrderEventKind fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
