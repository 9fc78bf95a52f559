package org.candor.engine;

/**
 * The fixed terms of a market. Prices are quote minor units per one whole base unit and must be multiples of
 * {@code tickSize}; quantities are base minor units and must be multiples of {@code lotSize}. Inside the engine a
 * price is a count of ticks and a quantity a count of lots, and {@code quotePerTickLot} is what one tick on one lot
 * costs in quote minor units. A market is only accepted when that is an exact integer, so price times quantity is
 * always an exact integer number of quote minor units: notional = ticks * lots * quotePerTickLot, with no rounding.
 */
final class MarketSpec {
    final int marketId;
    final String symbol;
    final int baseAssetId;
    final int quoteAssetId;
    final long tickSize;
    final long lotSize;
    final long minQuantity;
    final long maxQuantity;
    final long minNotional;
    final int makerFeeBps;
    final int takerFeeBps;
    final long quotePerTickLot;

    MarketSpec(final int marketId, final String symbol, final int baseAssetId, final int quoteAssetId,
        final long tickSize, final long lotSize, final long minQuantity, final long maxQuantity,
        final long minNotional, final int makerFeeBps, final int takerFeeBps, final long quotePerTickLot) {
        this.marketId = marketId;
        this.symbol = symbol;
        this.baseAssetId = baseAssetId;
        this.quoteAssetId = quoteAssetId;
        this.tickSize = tickSize;
        this.lotSize = lotSize;
        this.minQuantity = minQuantity;
        this.maxQuantity = maxQuantity;
        this.minNotional = minNotional;
        this.makerFeeBps = makerFeeBps;
        this.takerFeeBps = takerFeeBps;
        this.quotePerTickLot = quotePerTickLot;
    }

    /** Highest fee a market may charge: 10% (1,000 bps); more is a typo, not a business model. */
    static final int FEE_BPS_MAX = 1_000;
    /** Symbols are short (BTCUSDT); the limit keeps the journal compact. */
    static final int SYMBOL_LENGTH_MAX = 20;

    /**
     * The exact quote cost of one tick on one lot, or a non-positive value when the terms do not give an exact
     * positive integer: tickSize * lotSize / 10^baseScale.
     */
    static long quotePerTickLot(final long tickSize, final long lotSize, final long baseUnitSize) {
        final long product = Money.multiply(tickSize, lotSize);
        if (product == Money.OVERFLOW || product % baseUnitSize != 0) {
            return 0;
        }
        return product / baseUnitSize;
    }

    long hash() {
        return Digest.hash(12, marketId, Digest.hashString(symbol), baseAssetId, quoteAssetId,
            Digest.hash(13, tickSize, lotSize, minQuantity, maxQuantity, minNotional),
            makerFeeBps, takerFeeBps);
    }
}
