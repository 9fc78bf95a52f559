package org.candor.engine;

/**
 * Why an operator restricted a user's funds. Every hold names one; a later policy adds WITHHELD_BY_LAW handling
 * (the user sees that a reason exists and is withheld, and that state is itself counted).
 */
public enum HoldReason {
    COMPLIANCE_REVIEW(0),
    SUSPICIOUS_ACTIVITY(1),
    COURT_ORDER(2),
    USER_REQUEST(3),
    SECURITY_LOCK(4),
    OPERATIONAL_INCIDENT(5),
    WITHHELD_BY_LAW(6);

    private static final HoldReason[] BY_CODE = values();
    private final int code;

    HoldReason(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static HoldReason fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
