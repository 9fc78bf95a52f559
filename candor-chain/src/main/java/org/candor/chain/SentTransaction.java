package org.candor.chain;

import java.util.Objects;

/**
 * A withdrawal's transaction as the adapter sent it.
 *
 * @param txId its id on chain
 * @param fee the fee it really carries, in the asset's minor units (a repeated broadcast returns the first
 *     transaction and its fee, whatever fee the repeat asked for)
 */
public record SentTransaction(String txId, long fee) {
    public SentTransaction {
        Objects.requireNonNull(txId, "txId");
        if (txId.isEmpty() || fee < 0) {
            throw new IllegalArgumentException("txId=" + txId + " fee=" + fee);
        }
    }
}
