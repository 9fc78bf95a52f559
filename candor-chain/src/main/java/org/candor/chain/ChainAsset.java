package org.candor.chain;

import java.util.Objects;

/**
 * What the chain edge needs to know about one asset: the engine's asset id and scale, how many confirmations make
 * a deposit or a withdrawal final enough, the chain's block time (for the simulator and for reading deadlines),
 * and after how long a broadcast withdrawal still unmined is reported stuck.
 *
 * @param assetId the engine's asset id
 * @param code the asset's code ("BTC")
 * @param scale decimals of the exchange's minor unit for the asset (the engine's scale, not the chain's)
 * @param confirmationsRequired confirmations after which a deposit is credited and a withdrawal confirmed
 * @param blockTimeMs the chain's average time between blocks
 * @param stuckAfterMs a withdrawal broadcast this long ago and still unmined is reported stuck
 */
public record ChainAsset(int assetId, String code, int scale, int confirmationsRequired, long blockTimeMs,
                         long stuckAfterMs) {
    /** The engine refuses scales above 18; amounts are longs. */
    public static final int SCALE_MAX = 18;
    /** A bound that no real chain needs, so a typo (1200 for 12) is refused rather than freezing deposits. */
    public static final int CONFIRMATIONS_MAX = 1_000;

    public ChainAsset {
        Objects.requireNonNull(code, "code");
        if (assetId <= 0 || code.isBlank() || scale < 0 || scale > SCALE_MAX || confirmationsRequired < 1
            || confirmationsRequired > CONFIRMATIONS_MAX || blockTimeMs <= 0 || stuckAfterMs <= 0) {
            throw new IllegalArgumentException("assetId=" + assetId + " code=" + code + " scale=" + scale
                + " confirmationsRequired=" + confirmationsRequired + " blockTimeMs=" + blockTimeMs
                + " stuckAfterMs=" + stuckAfterMs);
        }
    }
}
