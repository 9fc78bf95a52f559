package org.candor.engine;

/**
 * Where a withdrawal is in its life (decision 0010). Its funds sit in WITHDRAWING from the request until it ends.
 *
 * <pre>
 *   REQUESTED ----------------------------+--> BROADCAST --> CONFIRMED (funds leave for custody)
 *   AWAITING_APPROVAL --> APPROVED -------+              \-> FAILED    (funds return to available)
 *          \--> REJECTED (operator; funds return)
 *   before BROADCAST: CANCELLED (owner; funds return), FAILED (processor; funds return)
 * </pre>
 *
 * A request at or below the asset's approval threshold starts REQUESTED and is ready for the chain processor at
 * once; one above it starts AWAITING_APPROVAL. The codes are stable (they travel on the wire and in the read model):
 * 0..3 are the codes the first, one-step withdrawal used (REQUESTED was PENDING, CONFIRMED was COMPLETED).
 */
public enum WithdrawalState {
    /** Checked, funds in WITHDRAWING, no approval needed: waits for the chain processor to broadcast it. */
    REQUESTED(0),
    /** Sent and confirmed on chain: its funds left the ledger. Final. */
    CONFIRMED(1),
    /** Could not be sent, or the transaction failed: its funds returned to available. Final. */
    FAILED(2),
    /** Its owner cancelled it before broadcast: its funds returned to available. Final. */
    CANCELLED(3),
    /** Above the asset's approval threshold: waits for an operator to approve or reject it. */
    AWAITING_APPROVAL(4),
    /** An operator approved it: waits for the chain processor to broadcast it. */
    APPROVED(5),
    /** The chain processor sent its transaction; waits for confirmation. The owner can no longer cancel. */
    BROADCAST(6),
    /** An operator turned it down: its funds returned to available. Final. */
    REJECTED(7);

    private static final WithdrawalState[] BY_CODE = values();
    private final int code;

    WithdrawalState(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether the withdrawal has ended: its funds left or came back, and no event names it again. */
    public boolean isFinal() {
        return this == CONFIRMED || this == FAILED || this == CANCELLED || this == REJECTED;
    }

    /** Whether its owner may still cancel it: only before its transaction is broadcast. */
    public boolean isCancellable() {
        return this == REQUESTED || this == AWAITING_APPROVAL || this == APPROVED;
    }

    /** Whether it waits in its asset's queue for the chain processor (or for approval before that). */
    public boolean isQueued() {
        return isCancellable();
    }

    public static WithdrawalState fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
