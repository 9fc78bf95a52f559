package org.candor.chain;

import java.util.Objects;

/**
 * A transfer to one of our deposit addresses, as the chain sees it now.
 *
 * @param txId the transaction id on chain
 * @param outputIndex which output (or token transfer log) of the transaction pays us; one transaction can pay
 *     several of our addresses, so a deposit is identified by (asset, txId, outputIndex)
 * @param address our deposit address
 * @param userId the user the address was issued to (the adapter issued it, so it knows)
 * @param amount minor units in the exchange's scale for the asset, positive
 * @param height the block that holds it, or {@link #UNMINED} while it waits in the mempool
 * @param blockHash the hash of that block, empty while unmined: after a reorg the same height can hold another
 *     block, so the height alone does not say that a transfer stayed where it was
 * @param confirmations 0 while unmined, 1 in the tip block, tip - height + 1 in general
 */
public record IncomingTransfer(String txId, int outputIndex, String address, long userId, long amount, long height,
                               String blockHash, long confirmations) {
    public static final long UNMINED = -1;

    public IncomingTransfer {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(blockHash, "blockHash");
        if (amount <= 0 || outputIndex < 0 || confirmations < 0) {
            throw new IllegalArgumentException("txId=" + txId + " outputIndex=" + outputIndex + " amount=" + amount
                + " confirmations=" + confirmations);
        }
        if ((height == UNMINED) != (confirmations == 0) || (height == UNMINED) != blockHash.isEmpty()) {
            throw new IllegalArgumentException("txId=" + txId + " height=" + height + " blockHash=" + blockHash
                + " confirmations=" + confirmations + ": unmined exactly when unconfirmed and without a block");
        }
    }

    public boolean mined() {
        return height != UNMINED;
    }
}
