package org.candor.chain;

import java.util.TreeMap;

/**
 * Simulated chains for the demo assets, with the engine's asset ids and scales (candor-app's DemoCommand lists
 * BTC 8, ETH 8 and USDT 6 decimals; ETH is kept at 8 because 18 would overflow a long at about 9.2 ETH) and
 * realistic block times in simulated milliseconds. {@link #advanceTo(long)} mines on every chain the blocks whose
 * time has come, so one clock drives them all.
 */
public final class DemoChains {
    public static final int BTC_ID = 1;
    public static final int ETH_ID = 2;
    public static final int USDT_ID = 3;

    /** Bitcoin: a block every ten minutes; two confirmations for the demo (exchanges use 2 to 6). */
    public static final ChainAsset BTC = new ChainAsset(BTC_ID, "BTC", 8, 2, 600_000, 2 * 3_600_000);
    /** Ethereum: a slot every twelve seconds; twelve confirmations. */
    public static final ChainAsset ETH = new ChainAsset(ETH_ID, "ETH", 8, 12, 12_000, 15 * 60_000);
    /** USDT as an ERC-20 token on Ethereum: Ethereum's block time and confirmations. */
    public static final ChainAsset USDT = new ChainAsset(USDT_ID, "USDT", 6, 12, 12_000, 15 * 60_000);

    /** Base fees in each asset's minor units: 0.00002 BTC, 0.0005 ETH, 1 USDT. */
    public static final long BTC_FEE_BASE = 2_000;
    public static final long ETH_FEE_BASE = 50_000;
    public static final long USDT_FEE_BASE = 1_000_000;

    private final ChainRegistry registry = new ChainRegistry();
    private final TreeMap<Integer, SimulatedChain> chains = new TreeMap<>();

    /** Three simulated chains whose seeds derive from {@code seed}. */
    public DemoChains(final long seed) {
        add(BTC, seed, BTC_FEE_BASE);
        add(ETH, seed, ETH_FEE_BASE);
        add(USDT, seed, USDT_FEE_BASE);
    }

    private void add(final ChainAsset asset, final long seed, final long feeBase) {
        final SimulatedChain chain = new SimulatedChain(asset.code(),
            seed ^ (0x9E3779B97F4A7C15L * asset.assetId()), asset.blockTimeMs(), feeBase);
        chains.put(asset.assetId(), chain);
        registry.add(asset, chain);
    }

    public ChainRegistry registry() {
        return registry;
    }

    public SimulatedChain chain(final int assetId) {
        final SimulatedChain chain = chains.get(assetId);
        if (chain == null) {
            throw new IllegalArgumentException("assetId=" + assetId + " is not a demo chain");
        }
        return chain;
    }

    /** Mines, on every chain, each block due at or before {@code nowMs}. */
    public void advanceTo(final long nowMs) {
        for (final SimulatedChain chain : chains.values()) {
            while (chain.nowMs() + chain.blockTimeMs() <= nowMs) {
                chain.mineBlock();
            }
        }
    }
}
