package org.candor.chain;

import java.util.Objects;

/**
 * A withdrawal the engine has approved (its funds are in WITHDRAWING), to be sent on chain.
 *
 * @param withdrawalId the engine's withdrawal id: the idempotency key from here to the chain
 * @param assetId the engine's asset id
 * @param address the destination
 * @param amount minor units in the exchange's scale, positive
 */
public record ApprovedWithdrawal(long withdrawalId, int assetId, String address, long amount) {
    public ApprovedWithdrawal {
        Objects.requireNonNull(address, "address");
        if (withdrawalId <= 0 || assetId <= 0 || amount <= 0) {
            throw new IllegalArgumentException("withdrawalId=" + withdrawalId + " assetId=" + assetId
                + " amount=" + amount);
        }
    }
}
