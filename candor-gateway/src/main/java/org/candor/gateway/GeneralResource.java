package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.candor.engine.MarketStatus;

/** GET /api/v3/ping, /api/v3/time and /api/v3/exchangeInfo: connectivity, server time, and what is listed. */
final class GeneralResource {
    static final int PING_WEIGHT = 1;
    static final int TIME_WEIGHT = 1;
    static final int EXCHANGE_INFO_WEIGHT = 20;
    /**
     * The engine's bound on any amount (docs/ENGINE.md: 2^62 minor units): no price or notional can exceed it, so it
     * is the honest maximum of the price and notional filters.
     */
    static final long AMOUNT_MAX = 1L << 62;

    private final RequestGuard guard;
    private final ReadViews views;

    GeneralResource(final RequestGuard guard, final ReadViews views) {
        this.guard = guard;
        this.views = views;
    }

    void register(final RoutesConfig routes) {
        routes.get("/api/v3/ping", this::ping);
        routes.get("/api/v3/time", this::time);
        routes.get("/api/v3/exchangeInfo", this::exchangeInfo);
    }

    private void ping(final Context ctx) {
        guard.open(ctx, PING_WEIGHT);
        Json.send(ctx, Map.of());
    }

    private void time(final Context ctx) {
        guard.open(ctx, TIME_WEIGHT);
        Json.send(ctx, Map.of("serverTime", guard.nowMs()));
    }

    private void exchangeInfo(final Context ctx) {
        final RequestParams params = guard.open(ctx, EXCHANGE_INFO_WEIGHT);
        final String only = params.optional("symbol");
        final List<Map<String, Object>> symbols = new ArrayList<>();
        for (final MarketInfo market : views.read(s -> s.market().markets())) {
            if (only == null || only.equals(market.symbol())) {
                symbols.add(symbol(market));
            }
        }
        if (only != null && symbols.isEmpty()) {
            throw ErrorMapper.invalidSymbol();
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("timezone", "UTC");
        body.put("serverTime", guard.nowMs());
        body.put("rateLimits", guard.rateLimits());
        body.put("exchangeFilters", List.of());
        body.put("symbols", symbols);
        Json.send(ctx, body);
    }

    static Map<String, Object> symbol(final MarketInfo market) {
        final Map<String, Object> symbol = new LinkedHashMap<>();
        symbol.put("symbol", market.symbol());
        symbol.put("status", market.status() == MarketStatus.TRADING ? "TRADING" : "HALT");
        symbol.put("baseAsset", market.base().code());
        symbol.put("baseAssetPrecision", market.base().scale());
        symbol.put("quoteAsset", market.quote().code());
        symbol.put("quotePrecision", market.quote().scale());
        symbol.put("quoteAssetPrecision", market.quote().scale());
        symbol.put("baseCommissionPrecision", market.base().scale());
        symbol.put("quoteCommissionPrecision", market.quote().scale());
        symbol.put("orderTypes", List.of("LIMIT", "LIMIT_MAKER", "MARKET"));
        symbol.put("icebergAllowed", false);
        symbol.put("ocoAllowed", false);
        symbol.put("otoAllowed", false);
        symbol.put("quoteOrderQtyMarketAllowed", true);
        symbol.put("allowTrailingStop", false);
        symbol.put("cancelReplaceAllowed", false);
        symbol.put("isSpotTradingAllowed", true);
        symbol.put("isMarginTradingAllowed", false);
        symbol.put("filters", filters(market));
        symbol.put("permissions", List.of());
        symbol.put("permissionSets", List.of(List.of("SPOT")));
        symbol.put("defaultSelfTradePreventionMode", OrderResource.STP_DEFAULT.name());
        symbol.put("allowedSelfTradePreventionModes",
            List.of("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"));
        return symbol;
    }

    private static List<Map<String, Object>> filters(final MarketInfo market) {
        final long maxPrice = AMOUNT_MAX / market.tickSize() * market.tickSize();
        final Map<String, Object> price = new LinkedHashMap<>();
        price.put("filterType", "PRICE_FILTER");
        price.put("minPrice", market.price(market.tickSize()));
        price.put("maxPrice", market.price(maxPrice));
        price.put("tickSize", market.price(market.tickSize()));
        final Map<String, Object> lot = new LinkedHashMap<>();
        lot.put("filterType", "LOT_SIZE");
        lot.put("minQty", market.quantity(market.minQuantity()));
        lot.put("maxQty", market.quantity(market.maxQuantity()));
        lot.put("stepSize", market.quantity(market.lotSize()));
        final Map<String, Object> notional = new LinkedHashMap<>();
        notional.put("filterType", "NOTIONAL");
        notional.put("minNotional", market.quoteAmount(market.minNotional()));
        notional.put("applyMinToMarket", true);
        notional.put("maxNotional", market.quoteAmount(AMOUNT_MAX));
        notional.put("applyMaxToMarket", false);
        notional.put("avgPriceMins", 0);
        return List.of(price, lot, notional);
    }
}
