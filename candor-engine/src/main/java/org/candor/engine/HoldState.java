package org.candor.engine;

/**
 * Where a hold is in its life. A PENDING_APPROVAL hold restricts nothing until a second operator approves it; an
 * ACTIVE hold restricts until it is released; an ESCALATED hold is an active hold whose review deadline passed and
 * whose user has been told so. RELEASED and REJECTED holds restrict nothing and leave the engine (the read side
 * keeps their history).
 */
public enum HoldState {
    PENDING_APPROVAL(0),
    ACTIVE(1),
    ESCALATED(2),
    RELEASED(3),
    REJECTED(4);

    private static final HoldState[] BY_CODE = values();
    private final int code;

    HoldState(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static HoldState fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
