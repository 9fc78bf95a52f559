package org.candor.chain;

import java.util.Objects;

/**
 * The status of a broadcast transaction.
 *
 * @param state where it stands
 * @param confirmations at least 1 when {@link TxState#MINED}, 0 otherwise
 * @param reason why it failed or was dropped; empty otherwise
 */
public record TxStatus(TxState state, long confirmations, String reason) {
    public TxStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        if ((state == TxState.MINED) != (confirmations > 0) || confirmations < 0) {
            throw new IllegalArgumentException("state=" + state + " confirmations=" + confirmations);
        }
    }

    public static TxStatus pending() {
        return new TxStatus(TxState.PENDING, 0, "");
    }

    public static TxStatus mined(final long confirmations) {
        return new TxStatus(TxState.MINED, confirmations, "");
    }

    public static TxStatus reorgedOut() {
        return new TxStatus(TxState.REORGED_OUT, 0, "");
    }

    public static TxStatus failed(final String reason) {
        return new TxStatus(TxState.FAILED, 0, reason);
    }

    public static TxStatus dropped(final String reason) {
        return new TxStatus(TxState.DROPPED, 0, reason);
    }
}
