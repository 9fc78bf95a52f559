package org.candor.chain;

import java.util.Objects;

/**
 * What makes a deposit one deposit: the asset, the transaction and the output of it that pays us. A deposit is
 * credited at most once per key, across restarts too. The output index is part of the key because one transaction
 * can pay several of our addresses (a batched payout from another exchange), and each is its own deposit.
 */
public record DepositKey(int assetId, String txId, int outputIndex) implements Comparable<DepositKey> {
    public DepositKey {
        Objects.requireNonNull(txId, "txId");
        if (assetId <= 0 || outputIndex < 0 || txId.isEmpty()) {
            throw new IllegalArgumentException("assetId=" + assetId + " txId=" + txId + " outputIndex=" + outputIndex);
        }
    }

    @Override
    public int compareTo(final DepositKey other) {
        final int byAsset = Integer.compare(assetId, other.assetId);
        if (byAsset != 0) {
            return byAsset;
        }
        final int byTx = txId.compareTo(other.txId);
        return byTx != 0 ? byTx : Integer.compare(outputIndex, other.outputIndex);
    }
}
