package org.candor.engine;

/**
 * Why an operator restricted a user's funds. Every hold names one. WITHHELD_BY_LAW means the law forbids telling the
 * user why: the hold's public explanation is then the fixed text {@link HoldPolicy#WITHHELD_BY_LAW_EXPLANATION}, and
 * such holds are counted ({@link Engine#withheldByLawCount()}), so that the state itself stays visible.
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
