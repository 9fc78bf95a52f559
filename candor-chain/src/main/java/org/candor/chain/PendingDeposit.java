package org.candor.chain;

/**
 * A deposit seen on chain and not credited yet, for a user interface ("2 of 12 confirmations").
 *
 * @param key asset, transaction and output
 * @param userId whose address it pays
 * @param address the deposit address
 * @param amount minor units in the exchange's scale
 * @param confirmations 0 while in the mempool
 * @param confirmationsRequired how many it needs before it is credited
 * @param firstSeenMs the edge's clock ({@code poll(nowMs)}) at the poll that first saw the transfer, kept while it
 *     stays pending; a transfer a reorg removed that comes back is seen anew, as its confirmations count anew
 */
public record PendingDeposit(DepositKey key, long userId, String address, long amount, long confirmations,
                             long confirmationsRequired, long firstSeenMs) {
}
