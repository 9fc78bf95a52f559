package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls CCXT's binance class makes while loading markets with its default options, for products Candor does
 * not have (margin, futures, the wallet's coin list): answered with empty results, so CCXT works with only its URLs
 * overridden. They reveal nothing, so they need no signature; a signed call is answered the same.
 */
final class CompatibilityResource {
    static final int WEIGHT = 1;

    private final RequestGuard guard;

    CompatibilityResource(final RequestGuard guard) {
        this.guard = guard;
    }

    void register(final RoutesConfig routes) {
        routes.get("/sapi/v1/capital/config/getall", this::emptyList);
        routes.get("/sapi/v1/margin/allPairs", this::emptyList);
        routes.get("/sapi/v1/margin/isolated/allPairs", this::emptyList);
        routes.get("/fapi/v1/exchangeInfo", this::noSymbols);
        routes.get("/dapi/v1/exchangeInfo", this::noSymbols);
    }

    private void emptyList(final Context ctx) {
        guard.open(ctx, WEIGHT);
        Json.send(ctx, List.of());
    }

    private void noSymbols(final Context ctx) {
        guard.open(ctx, WEIGHT);
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("timezone", "UTC");
        body.put("serverTime", guard.nowMs());
        body.put("rateLimits", List.of());
        body.put("exchangeFilters", List.of());
        body.put("assets", List.of());
        body.put("symbols", List.of());
        Json.send(ctx, body);
    }
}
