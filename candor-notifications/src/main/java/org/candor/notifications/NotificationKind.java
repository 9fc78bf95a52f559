package org.candor.notifications;

/**
 * What a notification is about, with a stable code (stored, and sent to clients, who may switch on it) and its
 * severity. A new kind is a new constant with a new code; a code is never reused for another meaning.
 */
public enum NotificationKind {
    HOLD_PENDING_APPROVAL("hold_pending_approval", Severity.INFO),
    HOLD_PLACED("hold_placed", Severity.WARNING),
    HOLD_APPROVED("hold_approved", Severity.WARNING),
    HOLD_NOT_APPROVED("hold_not_approved", Severity.INFO),
    HOLD_RENEWED("hold_renewed", Severity.WARNING),
    HOLD_ESCALATED("hold_escalated", Severity.WARNING),
    HOLD_RELEASED("hold_released", Severity.INFO),
    HOLD_AUTO_RELEASED("hold_auto_released", Severity.INFO),
    ACCOUNT_BLOCK_PENDING_APPROVAL("account_block_pending_approval", Severity.INFO),
    ACCOUNT_BLOCKED("account_blocked", Severity.WARNING),
    ACCOUNT_UNBLOCKED("account_unblocked", Severity.INFO),
    WITHDRAWAL_REQUESTED("withdrawal_requested", Severity.INFO),
    WITHDRAWAL_AWAITING_APPROVAL("withdrawal_awaiting_approval", Severity.INFO),
    WITHDRAWAL_APPROVED("withdrawal_approved", Severity.INFO),
    WITHDRAWAL_REJECTED("withdrawal_rejected", Severity.ACTION_NEEDED),
    WITHDRAWAL_BROADCAST("withdrawal_broadcast", Severity.INFO),
    WITHDRAWAL_CONFIRMED("withdrawal_confirmed", Severity.INFO),
    WITHDRAWAL_FAILED("withdrawal_failed", Severity.ACTION_NEEDED),
    WITHDRAWAL_CANCELLED("withdrawal_cancelled", Severity.INFO),
    WITHDRAWAL_DELAYED("withdrawal_delayed", Severity.WARNING),
    WITHDRAWAL_ADDRESS_ADDED("withdrawal_address_added", Severity.ACTION_NEEDED),
    WITHDRAWAL_ADDRESS_REMOVED("withdrawal_address_removed", Severity.INFO),
    WITHDRAWALS_PAUSED("withdrawals_paused", Severity.WARNING),
    WITHDRAWALS_RESUMED("withdrawals_resumed", Severity.INFO),
    DEPOSIT_CREDITED("deposit_credited", Severity.INFO),
    MARKET_HALTED("market_halted", Severity.WARNING),
    MARKET_RESUMED("market_resumed", Severity.INFO);

    private final String code;
    private final Severity severity;

    NotificationKind(final String code, final Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    /** The kind of a stored code, or null for an unknown one. */
    public static NotificationKind fromCode(final String code) {
        for (final NotificationKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        return null;
    }
}
