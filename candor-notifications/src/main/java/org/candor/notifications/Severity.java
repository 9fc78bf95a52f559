package org.candor.notifications;

/**
 * How much a notification asks of its reader. The codes are stable: they are stored and sent to clients.
 */
public enum Severity {
    /** Something happened as expected; nothing to do. */
    INFO("info"),
    /** The user should look and may have to act (an address they did not add, a refused withdrawal). */
    ACTION_NEEDED("action_needed"),
    /** Money is restricted or late, or a service is interrupted. */
    WARNING("warning");

    private final String code;

    Severity(final String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The severity of a stored code, or null for an unknown one. */
    public static Severity fromCode(final String code) {
        for (final Severity severity : values()) {
            if (severity.code.equals(code)) {
                return severity;
            }
        }
        return null;
    }
}
