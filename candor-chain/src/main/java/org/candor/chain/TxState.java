package org.candor.chain;

/** Where one of our broadcast transactions stands on the chain. */
public enum TxState {
    /** Known to the network, not in a block yet (possibly stuck, e.g. its fee is too low). */
    PENDING,
    /** In a block of the current chain; {@link TxStatus#confirmations()} is at least 1. */
    MINED,
    /** It was in a block that a reorg removed and it is not in the current chain now; it may still be mined again. */
    REORGED_OUT,
    /** Mined, but its execution failed (an Ethereum revert): the value did not move, only the fee was spent. */
    FAILED,
    /**
     * It can never be mined: evicted and its inputs or nonce used by another transaction. An adapter must only say
     * DROPPED when that is certain, because the withdrawal's funds are then returned to the user; "I do not know
     * this transaction" alone is not enough.
     */
    DROPPED;

    public boolean terminalFailure() {
        return this == FAILED || this == DROPPED;
    }
}
