package org.candor.engine;

/**
 * Where a withdrawal is in its life (decision 0010). Its funds sit in WITHDRAWING from the request until it ends.
 *
 * <pre>
 *   REQUESTED ----------------------------+--> SENDING --> BROADCAST --> CONFIRMED (funds leave for custody)
 *   AWAITING_APPROVAL --> APPROVED -------+         \              \-> FAILED    (funds return to available)
 *          \--> REJECTED (operator; funds return)   \-> FAILED (funds return)
 *   before SENDING: CANCELLED (owner; funds return), FAILED (processor; funds return)
 * </pre>
 *
 * A request at or below the asset's approval threshold starts REQUESTED and is ready for the chain processor at
 * once; one above it starts AWAITING_APPROVAL. The chain edge claims a ready withdrawal (SENDING) before it
 * broadcasts, so a cancellation can never land between a broadcast and the engine learning of it: once claimed, the
 * owner cannot cancel. The codes are stable (they travel on the wire and in the read model): 0..3 are the codes the
 * first, one-step withdrawal used (REQUESTED was PENDING, CONFIRMED was COMPLETED).
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
    REJECTED(7),
    /**
     * The chain edge claimed it and is broadcasting it: its transaction may already be on the network, so its owner
     * can no longer cancel it. Waits for the broadcast (or a failure) to be recorded.
     */
    SENDING(8);

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

    /** Whether its owner may still cancel it: only before the chain edge claims it for sending. */
    public boolean isCancellable() {
        return this == REQUESTED || this == AWAITING_APPROVAL || this == APPROVED;
    }

    /** Whether it waits in its asset's queue for the chain processor (or for approval before that). */
    public boolean isQueued() {
        return isCancellable();
    }

    /** Whether the chain edge may claim it for sending: no approval needed (REQUESTED), or given (APPROVED). */
    public boolean isReadyToSend() {
        return this == REQUESTED || this == APPROVED;
    }

    public static WithdrawalState fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
