package org.candor.engine;

/** Listing and registration commands: assets, markets, market status, users. */
final class Admin {
    private Admin() {
    }

    static RejectReason createAsset(final Engine engine, final int assetId, final String code, final int scale) {
        if (assetId < 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (assetId >= engine.assets.capacity()) {
            return RejectReason.ASSETS_CAPACITY_REACHED;
        }
        if (engine.assets.exists(assetId)) {
            return RejectReason.ASSET_EXISTS;
        }
        if (!Assets.isValidCode(code)) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (scale < 0 || scale > Assets.SCALE_MAX) {
            return RejectReason.INVALID_ASSET_SCALE;
        }
        engine.assets.add(assetId, code, scale);
        engine.digest.add(Assets.hash(assetId, code, scale));
        engine.emitter.assetCreated(assetId, code, scale);
        return RejectReason.NONE;
    }

    static RejectReason createMarket(final Engine engine, final int marketId, final String symbol,
        final int baseAssetId, final int quoteAssetId, final long tickSize, final long lotSize,
        final long minQuantity, final long maxQuantity, final long minNotional, final int makerFeeBps,
        final int takerFeeBps) {
        if (marketId < 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (marketId >= engine.markets.length) {
            return RejectReason.MARKETS_CAPACITY_REACHED;
        }
        if (engine.markets[marketId] != null) {
            return RejectReason.MARKET_EXISTS;
        }
        if (!Assets.isUpperAlphanumeric(symbol, MarketSpec.SYMBOL_LENGTH_MAX)) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!engine.assets.exists(baseAssetId) || !engine.assets.exists(quoteAssetId)) {
            return RejectReason.UNKNOWN_ASSET;
        }
        if (makerFeeBps < 0 || takerFeeBps < 0 || makerFeeBps > MarketSpec.FEE_BPS_MAX
            || takerFeeBps > MarketSpec.FEE_BPS_MAX) {
            return RejectReason.INVALID_FEE;
        }
        final long quotePerTickLot = baseAssetId == quoteAssetId || tickSize <= 0 || lotSize <= 0 ? 0
            : MarketSpec.quotePerTickLot(tickSize, lotSize, engine.assets.unitSize(baseAssetId));
        if (quotePerTickLot <= 0 || !validLimits(lotSize, minQuantity, maxQuantity, minNotional)) {
            return RejectReason.INVALID_MARKET_SPEC;
        }
        final MarketSpec spec = new MarketSpec(marketId, symbol, baseAssetId, quoteAssetId, tickSize, lotSize,
            minQuantity, maxQuantity, minNotional, makerFeeBps, takerFeeBps, quotePerTickLot);
        engine.addMarket(new Market(spec, engine.orders));
        engine.digest.add(spec.hash());
        engine.digest.add(Market.statusHash(marketId, MarketStatus.TRADING));
        engine.emitter.marketCreated(spec);
        return RejectReason.NONE;
    }

    private static boolean validLimits(final long lotSize, final long minQuantity, final long maxQuantity,
        final long minNotional) {
        return minQuantity >= lotSize && minQuantity % lotSize == 0 && maxQuantity >= minQuantity
            && maxQuantity % lotSize == 0 && minNotional >= 0 && minNotional <= Ledger.AMOUNT_MAX;
    }

    static RejectReason setMarketStatus(final Engine engine, final int marketId, final MarketStatus status) {
        final Market market = engine.market(marketId);
        if (market == null) {
            return RejectReason.UNKNOWN_MARKET;
        }
        if (status == null) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (market.status() == status) {
            return RejectReason.NONE;
        }
        engine.digest.replace(Market.statusHash(marketId, market.status()), Market.statusHash(marketId, status));
        market.status(status);
        engine.emitter.marketStatusChanged(marketId, status);
        return RejectReason.NONE;
    }

    static RejectReason createUser(final Engine engine, final long userId) {
        if (userId <= Engine.SYSTEM_USER_ID) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (engine.users.slotOf(userId) != Users.NONE) {
            return RejectReason.USER_EXISTS;
        }
        if (engine.users.isFull()) {
            return RejectReason.USERS_CAPACITY_REACHED;
        }
        engine.users.add(userId);
        engine.digest.add(Users.hash(userId));
        engine.emitter.userCreated(userId);
        return RejectReason.NONE;
    }
}
