package org.candor.testkit;

/**
 * The terms of one market as the testkit lists it, in the engine's units: prices are quote minor units per one whole
 * base unit, quantities base minor units.
 *
 * @param marketId        the market id
 * @param symbol          the market symbol
 * @param baseAssetId     the asset bought and sold
 * @param quoteAssetId    the asset prices are in
 * @param tickSize        the price step
 * @param lotSize         the quantity step
 * @param minQuantity     the smallest order quantity
 * @param maxQuantity     the largest order quantity
 * @param minNotional     the smallest order value in quote minor units
 * @param makerFeeBps     the fee of the resting side
 * @param takerFeeBps     the fee of the incoming side
 * @param quotePerTickLot what one tick on one lot costs in quote minor units
 */
public record MarketTerms(int marketId, String symbol, int baseAssetId, int quoteAssetId, long tickSize,
    long lotSize, long minQuantity, long maxQuantity, long minNotional, int makerFeeBps, int takerFeeBps,
    long quotePerTickLot) {

    /** The quote value of {@code quantity} at {@code price}: ticks times lots times the cost of a tick-lot. */
    public long notional(final long price, final long quantity) {
        return price / tickSize * (quantity / lotSize) * quotePerTickLot;
    }
}
