package org.candor.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Public market data from {@link MarketView}: GET /api/v3/depth, /trades, /ticker/price, /ticker/bookTicker and
 * /ticker/24hr. Weights follow Binance's: the depth weight grows with the levels asked for, and asking for every
 * symbol costs more than asking for one.
 */
final class MarketDataResource {
    static final int DEPTH_LIMIT_DEFAULT = 100;
    static final int DEPTH_LIMIT_MAX = 5000;
    static final int TRADES_LIMIT_DEFAULT = 500;
    static final int TRADES_WEIGHT = 25;
    static final int TICKER_WEIGHT_ONE = 2;
    static final int TICKER_WEIGHT_ALL = 4;
    static final int DAY_TICKER_WEIGHT_ALL = 80;
    private static final int PERCENT_SCALE = 3;

    private final RequestGuard guard;
    private final ReadViews views;

    MarketDataResource(final RequestGuard guard, final ReadViews views) {
        this.guard = guard;
        this.views = views;
    }

    void register(final RoutesConfig routes) {
        routes.get("/api/v3/depth", this::depth);
        routes.get("/api/v3/trades", this::trades);
        routes.get("/api/v3/ticker/price", ctx -> tickers(ctx, TICKER_WEIGHT_ONE, TICKER_WEIGHT_ALL, this::price));
        routes.get("/api/v3/ticker/bookTicker",
            ctx -> tickers(ctx, TICKER_WEIGHT_ONE, TICKER_WEIGHT_ALL, this::bookTicker));
        routes.get("/api/v3/ticker/24hr",
            ctx -> tickers(ctx, TICKER_WEIGHT_ONE, DAY_TICKER_WEIGHT_ALL, this::dayTicker));
    }

    static int depthWeight(final int limit) {
        return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    }

    private void depth(final Context ctx) {
        final String limitText = ctx.queryParam("limit");
        final int limit = limitText == null ? DEPTH_LIMIT_DEFAULT : boundedInt("limit", limitText, DEPTH_LIMIT_MAX);
        final RequestParams params = guard.open(ctx, depthWeight(limit));
        final MarketInfo market = market(params.required("symbol"));
        final BookSnapshot book = views.read(s -> s.market().book(market.id(), limit));
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("lastUpdateId", book.lastUpdateId());
        body.put("bids", levels(market, book.bids()));
        body.put("asks", levels(market, book.asks()));
        Json.send(ctx, body);
    }

    private static List<List<String>> levels(final MarketInfo market, final List<long[]> levels) {
        final List<List<String>> list = new ArrayList<>(levels.size());
        for (final long[] level : levels) {
            list.add(List.of(market.price(level[0]), market.quantity(level[1])));
        }
        return list;
    }

    private void trades(final Context ctx) {
        final RequestParams params = guard.open(ctx, TRADES_WEIGHT);
        final MarketInfo market = market(params.required("symbol"));
        final String limitText = params.optional("limit");
        final int limit = limitText == null ? TRADES_LIMIT_DEFAULT
            : boundedInt("limit", limitText, MarketView.RECENT_TRADES_MAX);
        final List<Map<String, Object>> body = new ArrayList<>();
        for (final PublicTrade trade : views.read(s -> s.market().trades(market.id(), limit))) {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", trade.id());
            row.put("price", market.price(trade.price()));
            row.put("qty", market.quantity(trade.quantity()));
            row.put("quoteQty", market.quoteAmount(trade.quoteAmount()));
            row.put("time", trade.timeMs());
            row.put("isBuyerMaker", trade.buyerMaker());
            row.put("isBestMatch", true);
            body.add(row);
        }
        Json.send(ctx, body);
    }

    /** One symbol (an object), a JSON array of symbols, or all of them (arrays), at the matching weight. */
    private void tickers(final Context ctx, final int weightOne, final int weightAll,
        final BiFunction<MarketInfo, Long, Map<String, Object>> ticker) {
        final boolean one = ctx.queryParam("symbol") != null;
        final RequestParams params = guard.open(ctx, one ? weightOne : weightAll);
        final long nowMs = guard.nowMs();
        if (one) {
            Json.send(ctx, ticker.apply(market(params.required("symbol")), nowMs));
            return;
        }
        final List<MarketInfo> markets = new ArrayList<>();
        final String symbols = params.optional("symbols");
        if (symbols == null) {
            markets.addAll(views.read(s -> s.market().markets()));
        } else {
            for (final String symbol : parseSymbols(symbols)) {
                markets.add(market(symbol));
            }
        }
        final List<Map<String, Object>> body = new ArrayList<>(markets.size());
        for (final MarketInfo market : markets) {
            body.add(ticker.apply(market, nowMs));
        }
        Json.send(ctx, body);
    }

    private Map<String, Object> price(final MarketInfo market, final long nowMs) {
        final DayTicker day = views.read(s -> s.market().ticker(market.id(), nowMs));
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", market.symbol());
        row.put("price", market.price(day.lastPrice()));
        return row;
    }

    private Map<String, Object> bookTicker(final MarketInfo market, final long nowMs) {
        final BookSnapshot top = views.read(s -> s.market().book(market.id(), 1));
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", market.symbol());
        putTop(row, market, top);
        return row;
    }

    private static void putTop(final Map<String, Object> row, final MarketInfo market, final BookSnapshot top) {
        final long[] bid = top.bids().isEmpty() ? new long[2] : top.bids().get(0);
        final long[] ask = top.asks().isEmpty() ? new long[2] : top.asks().get(0);
        row.put("bidPrice", market.price(bid[0]));
        row.put("bidQty", market.quantity(bid[1]));
        row.put("askPrice", market.price(ask[0]));
        row.put("askQty", market.quantity(ask[1]));
    }

    private Map<String, Object> dayTicker(final MarketInfo market, final long nowMs) {
        final DayTicker day = views.read(s -> s.market().ticker(market.id(), nowMs));
        final BookSnapshot top = views.read(s -> s.market().book(market.id(), 1));
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", market.symbol());
        final long change = day.count() == 0 ? 0 : day.lastPrice() - day.openPrice();
        row.put("priceChange", market.price(change));
        row.put("priceChangePercent", day.openPrice() == 0 ? "0.000" : BigDecimal.valueOf(change)
            .multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(day.openPrice()), PERCENT_SCALE,
                RoundingMode.HALF_UP).toPlainString());
        row.put("weightedAvgPrice", weightedAverage(market, day));
        row.put("prevClosePrice", market.price(day.openPrice()));
        row.put("lastPrice", market.price(day.lastPrice()));
        row.put("lastQty", market.quantity(day.lastQuantity()));
        putTop(row, market, top);
        row.put("openPrice", market.price(day.openPrice()));
        row.put("highPrice", market.price(day.highPrice()));
        row.put("lowPrice", market.price(day.lowPrice()));
        row.put("volume", market.quantity(day.volume()));
        row.put("quoteVolume", market.quoteAmount(day.quoteVolume()));
        row.put("openTime", day.openTimeMs());
        row.put("closeTime", day.closeTimeMs());
        row.put("firstId", day.firstTradeId());
        row.put("lastId", day.lastTradeId());
        row.put("count", day.count());
        return row;
    }

    /**
     * Quote volume over base volume, per whole base unit: a statistic, not an amount that moves, so it is rounded
     * (half even) to the quote asset's scale.
     */
    private static String weightedAverage(final MarketInfo market, final DayTicker day) {
        if (day.volume() == 0) {
            return market.price(0);
        }
        return BigDecimal.valueOf(day.quoteVolume(), market.quote().scale())
            .divide(BigDecimal.valueOf(day.volume(), market.base().scale()), market.quote().scale(),
                RoundingMode.HALF_EVEN).toPlainString();
    }

    private MarketInfo market(final String symbol) {
        return OrderLookup.market(views, symbol);
    }

    private static List<String> parseSymbols(final String json) {
        try {
            return Arrays.asList(Json.mapper().readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw ErrorMapper.illegalParameter("symbols");
        }
    }

    private static int boundedInt(final String name, final String text, final int max) {
        try {
            final int value = Integer.parseInt(text);
            if (value < 1 || value > max) {
                throw ErrorMapper.illegalParameter(name);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ErrorMapper.illegalParameter(name);
        }
    }
}
