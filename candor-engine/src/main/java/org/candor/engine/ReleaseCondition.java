package org.candor.engine;

/**
 * What happens to an active hold when its review deadline passes without a renewal: OPERATOR_RELEASE escalates it
 * (it stays in force, the user is told, an operator must decide); AUTO_RELEASE_AT_DEADLINE releases it
 * automatically, which operational-incident holds must use so that an incident cannot freeze money indefinitely.
 */
public enum ReleaseCondition {
    OPERATOR_RELEASE(0),
    AUTO_RELEASE_AT_DEADLINE(1);

    private static final ReleaseCondition[] BY_CODE = values();
    private final int code;

    ReleaseCondition(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ReleaseCondition fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
