package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.candor.engine.Side;
import org.candor.readmodel.CandleInterval;
import org.candor.readmodel.Klines;
import org.candor.readmodel.MarketTrades;
import org.candor.readmodel.Page;
import org.candor.readmodel.TimeRange;
import org.candor.readmodel.UserHistory;

/**
 * History from the read model (PostgreSQL): GET /api/v3/klines and /api/v3/aggTrades (public), /api/v3/allOrders
 * and /api/v3/myTrades (the caller's). Before reading, a request waits up to {@link #PROJECTION_WAIT} until the
 * projection has committed every command this gateway acknowledged (so a user reads their own writes). If it has
 * not by then, the caller's own history answers 503 -1001 (retry) rather than a list that silently lacks what the
 * user just did; public data is served as it stands.
 */
final class HistoryResource {
    static final Duration PROJECTION_WAIT = HistoryAccess.PROJECTION_WAIT;
    static final int LIMIT_DEFAULT = 500;
    static final int LIMIT_MAX = 1_000;
    static final int KLINES_WEIGHT = 2;
    static final int AGG_TRADES_WEIGHT = 2;
    static final int ALL_ORDERS_WEIGHT = 20;
    static final int MY_TRADES_WEIGHT = 20;
    /** Binance's bound on an aggTrades time range, which also bounds the rows the query may scan. */
    static final long AGG_TRADES_RANGE_MAX_MS = 3_600_000;

    private final RequestGuard guard;
    private final ReadViews views;
    private final ClientOrderIds clientOrderIds;
    private final HistoryAccess history;

    /**
     * @param projection the gateway's projection, or null when it has no read model (history answers 503)
     * @param startSeq   the views' sequence when the gateway started: history waits for at least that much
     */
    HistoryResource(final RequestGuard guard, final ReadViews views, final EngineCommands commands,
        final ClientOrderIds clientOrderIds, final HistoryProjection projection, final long startSeq) {
        this.guard = guard;
        this.views = views;
        this.clientOrderIds = clientOrderIds;
        this.history = new HistoryAccess(commands, projection, startSeq);
    }

    void register(final RoutesConfig routes) {
        routes.get("/api/v3/klines", this::klines);
        routes.get("/api/v3/aggTrades", this::aggTrades);
        routes.get("/api/v3/allOrders", this::allOrders);
        routes.get("/api/v3/myTrades", this::myTrades);
        routes.get(WebLoginResource.PREFIX + "/history/orders", this::webOrders);
        routes.get(WebLoginResource.PREFIX + "/history/trades", this::webTrades);
    }

    /**
     * The web app's order history of one market, newest first, a page at a time: {@code before} (an order id, absent
     * for the newest page) and {@code limit}; rows as allOrders', and {@code next}, the cursor of the older page, or
     * null. Binance's allOrders only pages upwards; people read history from the newest down.
     */
    private void webOrders(final Context ctx) {
        final RequestGuard.Caller caller = guard.webSession(ctx, ALL_ORDERS_WEIGHT);
        final RequestParams params = caller.params();
        final MarketInfo market = OrderLookup.market(views, params.required("symbol"));
        final long before = params.has("before") ? nonNegative(params, "before", 0) : UserHistory.NEWEST;
        final int limit = limit(params);
        final Page<UserHistory.OrderView> page = history.read(true, db -> new UserHistory(db)
            .marketOrdersBefore(caller.userId(), market.id(), before, limit));
        final List<Map<String, Object>> rows = new ArrayList<>(page.items().size());
        for (final UserHistory.OrderView order : page.items()) {
            final OrderRecord record = HistoryJson.record(caller.userId(), order);
            rows.add(OrderJson.query(market, record, clientOrderIds.stringFor(record)));
        }
        sendPage(ctx, rows, page);
    }

    /** As {@link #webOrders}, for the user's trades; {@code before} is the previous page's {@code next}. */
    private void webTrades(final Context ctx) {
        final RequestGuard.Caller caller = guard.webSession(ctx, MY_TRADES_WEIGHT);
        final RequestParams params = caller.params();
        final MarketInfo market = OrderLookup.market(views, params.required("symbol"));
        final long before = params.has("before") ? nonNegative(params, "before", 0) : UserHistory.NEWEST;
        final int limit = limit(params);
        final Page<UserHistory.TradeView> page = history.read(true, db -> new UserHistory(db)
            .marketTradesBefore(caller.userId(), market.id(), before, limit));
        final List<Map<String, Object>> rows = new ArrayList<>(page.items().size());
        for (final UserHistory.TradeView trade : page.items()) {
            final AssetInfo feeAsset = views.read(s -> s.market().asset(trade.feeAssetId()));
            rows.add(HistoryJson.myTrade(market, trade, feeAsset));
        }
        sendPage(ctx, rows, page);
    }

    private static void sendPage(final Context ctx, final List<Map<String, Object>> rows, final Page<?> page) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", rows);
        body.put("next", page.more() ? page.next() : null);
        Json.send(ctx, body);
    }

    private void klines(final Context ctx) {
        final RequestParams params = guard.open(ctx, KLINES_WEIGHT);
        final MarketInfo market = OrderLookup.market(views, params.required("symbol"));
        final CandleInterval interval = CandleInterval.ofLabel(params.required("interval"));
        if (interval == null) {
            throw ErrorMapper.invalidInterval();
        }
        final TimeRange range = range(params);
        final int limit = limit(params);
        final boolean newest = !params.has("startTime");
        final Page<Klines.Candle> page = history.read(false, db -> new Klines(db).candles(market.id(), interval,
            range, newest, limit));
        final List<Klines.Candle> candles = new ArrayList<>(page.items());
        if (newest) {
            Collections.reverse(candles);
        }
        final List<List<Object>> body = new ArrayList<>(candles.size());
        for (final Klines.Candle candle : candles) {
            body.add(List.of(candle.openTimeMs(), market.price(candle.open()), market.price(candle.high()),
                market.price(candle.low()), market.price(candle.close()), market.quantity(candle.volume()),
                candle.openTimeMs() + interval.lengthMs() - 1, market.quoteAmount(candle.quoteVolume()),
                candle.tradeCount(), market.quantity(0), market.quoteAmount(0), "0"));
        }
        Json.send(ctx, body);
    }

    private void aggTrades(final Context ctx) {
        final RequestParams params = guard.open(ctx, AGG_TRADES_WEIGHT);
        final MarketInfo market = OrderLookup.market(views, params.required("symbol"));
        final long fromId = nonNegative(params, "fromId", 0);
        final TimeRange range = range(params);
        if (params.has("startTime") && params.has("endTime")
            && range.toMs() - range.fromMs() > AGG_TRADES_RANGE_MAX_MS + 1) {
            throw ErrorMapper.lookupRangeTooLong();
        }
        final int limit = limit(params);
        final boolean newest = !params.has("fromId") && !params.has("startTime");
        final List<MarketTrades.AggregateTrade> aggregates = history.read(false, db -> new MarketTrades(db)
            .aggregates(market.id(), fromId, range, newest, limit));
        final List<Map<String, Object>> body = new ArrayList<>(aggregates.size());
        for (final MarketTrades.AggregateTrade trade : aggregates) {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("a", trade.aggregateId());
            row.put("p", market.price(trade.price()));
            row.put("q", market.quantity(trade.quantity()));
            row.put("f", trade.firstTradeId());
            row.put("l", trade.lastTradeId());
            row.put("T", trade.timestampMs());
            row.put("m", trade.takerSide() == Side.SELL);
            row.put("M", true);
            body.add(row);
        }
        Json.send(ctx, body);
    }

    private void allOrders(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, ALL_ORDERS_WEIGHT, Permission.READ);
        final RequestParams params = caller.params();
        final MarketInfo market = OrderLookup.market(views, params.required("symbol"));
        final long fromOrderId = nonNegative(params, "orderId", 0);
        final TimeRange range = range(params);
        final int limit = limit(params);
        final boolean newest = !params.has("orderId") && !params.has("startTime");
        final Page<UserHistory.OrderView> page = history.read(true, db -> new UserHistory(db)
            .marketOrders(caller.userId(), market.id(), fromOrderId, range, newest, limit));
        final List<UserHistory.OrderView> orders = new ArrayList<>(page.items());
        if (newest) {
            Collections.reverse(orders);
        }
        final List<Map<String, Object>> body = new ArrayList<>(orders.size());
        for (final UserHistory.OrderView order : orders) {
            final OrderRecord record = HistoryJson.record(caller.userId(), order);
            body.add(OrderJson.query(market, record, clientOrderIds.stringFor(record)));
        }
        Json.send(ctx, body);
    }

    private void myTrades(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, MY_TRADES_WEIGHT, Permission.READ);
        final RequestParams params = caller.params();
        final MarketInfo market = OrderLookup.market(views, params.required("symbol"));
        final long orderId = params.has("orderId") ? nonNegative(params, "orderId", 0) : -1;
        final long fromId = nonNegative(params, "fromId", 0);
        final TimeRange range = range(params);
        final int limit = limit(params);
        final boolean newest = !params.has("fromId") && !params.has("startTime") && orderId < 0;
        final Page<UserHistory.TradeView> page = history.read(true, db -> new UserHistory(db)
            .marketTrades(caller.userId(), market.id(), orderId, fromId, range, newest, limit));
        final List<UserHistory.TradeView> trades = new ArrayList<>(page.items());
        if (newest) {
            Collections.reverse(trades);
        }
        final List<Map<String, Object>> body = new ArrayList<>(trades.size());
        for (final UserHistory.TradeView trade : trades) {
            final AssetInfo feeAsset = views.read(s -> s.market().asset(trade.feeAssetId()));
            body.add(HistoryJson.myTrade(market, trade, feeAsset));
        }
        Json.send(ctx, body);
    }

    /** startTime and endTime (both inclusive, as Binance's) as a half-open range. */
    static TimeRange range(final RequestParams params) {
        final long start = nonNegative(params, "startTime", 0);
        final long end = nonNegative(params, "endTime", Long.MAX_VALUE - 1);
        if (start > end) {
            throw ErrorMapper.illegalParameter("startTime");
        }
        return new TimeRange(start, end + 1);
    }

    static int limit(final RequestParams params) {
        final long limit = params.longValue("limit", LIMIT_DEFAULT);
        if (limit < 1 || limit > LIMIT_MAX) {
            throw ErrorMapper.illegalParameter("limit");
        }
        return (int) limit;
    }

    static long nonNegative(final RequestParams params, final String name, final long otherwise) {
        final long value = params.longValue(name, otherwise);
        if (value < 0 || value == Long.MAX_VALUE) {
            throw ErrorMapper.illegalParameter(name);
        }
        return value;
    }
}
