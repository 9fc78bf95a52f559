package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET /v1/markets and /v1/markets/{symbol}/book: what is listed, and one order book. Public. */
final class NativeMarketsResource {
    static final int MARKETS_WEIGHT = 20;
    static final int BOOK_LIMIT_DEFAULT = 100;
    static final int BOOK_LIMIT_MAX = 5_000;

    private final RequestGuard guard;
    private final ReadViews views;

    NativeMarketsResource(final RequestGuard guard, final ReadViews views) {
        this.guard = guard;
        this.views = views;
    }

    RequestGuard guard() {
        return guard;
    }

    void register(final RoutesConfig routes) {
        routes.get("/v1/markets", this::markets);
        routes.get("/v1/markets/{symbol}/book", this::book);
    }

    private void markets(final Context ctx) {
        guard.open(ctx, MARKETS_WEIGHT);
        final List<Map<String, Object>> body = views.read(s -> {
            final List<Map<String, Object>> list = new ArrayList<>();
            for (final MarketInfo market : s.market().markets()) {
                list.add(NativeJson.market(market));
            }
            return list;
        });
        Json.send(ctx, body);
    }

    private void book(final Context ctx) {
        final long limit = RequestParams.parse(ctx.queryString(), "").longValue("limit", BOOK_LIMIT_DEFAULT);
        if (limit < 1 || limit > BOOK_LIMIT_MAX) {
            throw ErrorMapper.illegalParameter("limit");
        }
        guard.open(ctx, MarketDataResource.depthWeight((int) limit));
        final MarketInfo market = views.read(s -> s.market().market(ctx.pathParam("symbol")));
        if (market == null) {
            throw ErrorMapper.invalidSymbol();
        }
        final BookSnapshot book = views.read(s -> s.market().book(market.id(), (int) limit));
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", market.symbol());
        body.put("sequence", book.lastUpdateId());
        body.put("bids", levels(book.bids()));
        body.put("asks", levels(book.asks()));
        Json.send(ctx, body);
    }

    private static List<Map<String, String>> levels(final List<long[]> levels) {
        final List<Map<String, String>> list = new ArrayList<>(levels.size());
        for (final long[] level : levels) {
            list.add(Map.of("price", NativeJson.amount(level[0]), "quantity", NativeJson.amount(level[1])));
        }
        return list;
    }
}
