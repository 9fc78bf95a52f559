package org.candor.gateway;

import org.candor.engine.MarketStatus;

/**
 * A listed market as its {@code marketCreated} event described it, with its current status. Prices are quote minor
 * units per whole base unit; quantities base minor units.
 */
record MarketInfo(int id, String symbol, AssetInfo base, AssetInfo quote, long tickSize, long lotSize,
    long minQuantity, long maxQuantity, long minNotional, int makerFeeBps, int takerFeeBps, MarketStatus status) {

    MarketInfo withStatus(final MarketStatus newStatus) {
        return new MarketInfo(id, symbol, base, quote, tickSize, lotSize, minQuantity, maxQuantity, minNotional,
            makerFeeBps, takerFeeBps, newStatus);
    }

    String price(final long minor) {
        return Decimals.format(minor, quote.scale());
    }

    String quantity(final long minor) {
        return Decimals.format(minor, base.scale());
    }

    String quoteAmount(final long minor) {
        return Decimals.format(minor, quote.scale());
    }
}
