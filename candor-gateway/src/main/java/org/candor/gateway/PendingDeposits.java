package org.candor.gateway;

import java.util.List;

/**
 * Deposits seen on chain and not credited yet: the wallet service's, which watches the chains (in the demo, the
 * chain edge over simulated chains). The engine learns of a deposit only when it is credited, so these are known
 * only where a chain edge runs. The gateway lists them in {@code /sapi/v1/capital/deposit/hisrec} with status 0;
 * a gateway given none lists credited deposits only.
 */
@FunctionalInterface
public interface PendingDeposits {
    /**
     * The user's deposits waiting for confirmations, of every asset; empty when there are none.
     *
     * @throws IllegalStateException when they cannot be read now (the user is told to try later)
     */
    List<Deposit> pendingFor(long userId);

    /**
     * One deposit waiting for confirmations.
     *
     * @param assetId               the engine's asset id
     * @param txId                  the chain's transaction
     * @param outputIndex           the output of it that pays the user (one transaction may pay several)
     * @param address               the user's deposit address it pays
     * @param amount                minor units of the asset, in the exchange's scale
     * @param confirmations         0 while in the mempool
     * @param confirmationsRequired how many it needs before it is credited
     * @param firstSeenMs           when the wallet service first saw it, epoch milliseconds
     */
    record Deposit(int assetId, String txId, int outputIndex, String address, long amount, long confirmations,
                   long confirmationsRequired, long firstSeenMs) {
    }
}
