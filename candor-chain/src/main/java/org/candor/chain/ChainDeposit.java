package org.candor.chain;

/**
 * A deposit to credit: final enough on chain (at least the asset's required confirmations).
 *
 * @param key asset, transaction and output; the engine's deposit reference should be derived from it
 * @param userId whose address it paid
 * @param address the deposit address
 * @param amount minor units in the exchange's scale, positive
 * @param height the block that holds it
 * @param confirmations its confirmations when it was credited
 */
public record ChainDeposit(DepositKey key, long userId, String address, long amount, long height,
                           long confirmations) {
}
