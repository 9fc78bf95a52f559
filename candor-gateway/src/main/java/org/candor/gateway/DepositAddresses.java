package org.candor.gateway;

/**
 * Where users' deposit addresses come from: the wallet service that watches the chains (in the demo, the chain
 * edge over simulated chains). The gateway asks it for {@code /sapi/v1/capital/deposit/address}; it returns the same
 * address for the same user and asset every time.
 */
@FunctionalInterface
public interface DepositAddresses {
    /**
     * The user's deposit address for the asset, or null when the asset has no chain here.
     *
     * @throws IllegalStateException when the asset's chain cannot be reached now (the user is told to try later)
     */
    String addressFor(long userId, int assetId);
}
