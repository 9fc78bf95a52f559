package org.candor.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.candor.engine.OrderType;
import org.candor.engine.Side;
import org.candor.engine.TimeInForce;

/** Orders in Binance's JSON shapes: the fields of GET /api/v3/order, the order response types, and fills. */
final class OrderJson {
    private OrderJson() {
    }

    /** Binance's order type: a post-only limit is LIMIT_MAKER. */
    static String type(final OrderRecord order) {
        if (order.type() == OrderType.MARKET) {
            return "MARKET";
        }
        return order.timeInForce() == TimeInForce.POST_ONLY ? "LIMIT_MAKER" : "LIMIT";
    }

    /** Binance shows GTC for market and LIMIT_MAKER orders. */
    static String timeInForce(final OrderRecord order) {
        return order.type() == OrderType.MARKET || order.timeInForce() == TimeInForce.POST_ONLY ? "GTC"
            : order.timeInForce().name();
    }

    /** The ACK response: the order's identity. */
    static Map<String, Object> ack(final MarketInfo market, final long orderId, final String clientOrderId,
        final long transactTimeMs) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", market.symbol());
        body.put("orderId", orderId);
        body.put("orderListId", -1);
        body.put("clientOrderId", clientOrderId);
        body.put("transactTime", transactTimeMs);
        return body;
    }

    /** The RESULT response: identity and state, right after the command. */
    static Map<String, Object> result(final MarketInfo market, final OrderRecord order, final String clientOrderId,
        final long transactTimeMs) {
        final Map<String, Object> body = ack(market, order.orderId(), clientOrderId, transactTimeMs);
        putState(body, market, order);
        body.put("workingTime", order.timeMs());
        body.put("selfTradePreventionMode", order.stpMode().name());
        return body;
    }

    /** The FULL response: RESULT plus the fills of the command. */
    static Map<String, Object> full(final MarketInfo market, final OrderRecord order, final String clientOrderId,
        final long transactTimeMs, final List<Fill> fills) {
        final Map<String, Object> body = result(market, order, clientOrderId, transactTimeMs);
        final String commissionAsset = order.side() == Side.BUY ? market.base().code() : market.quote().code();
        final int commissionScale = order.side() == Side.BUY ? market.base().scale() : market.quote().scale();
        final List<Map<String, Object>> list = new ArrayList<>(fills.size());
        for (final Fill fill : fills) {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("price", market.price(fill.price()));
            row.put("qty", market.quantity(fill.quantity()));
            row.put("commission", Decimals.format(fill.commission(), commissionScale));
            row.put("commissionAsset", commissionAsset);
            row.put("tradeId", fill.tradeId());
            list.add(row);
        }
        body.put("fills", list);
        return body;
    }

    /** GET /api/v3/order and the open orders list. */
    static Map<String, Object> query(final MarketInfo market, final OrderRecord order, final String clientOrderId) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", market.symbol());
        body.put("orderId", order.orderId());
        body.put("orderListId", -1);
        body.put("clientOrderId", clientOrderId);
        putState(body, market, order);
        body.put("stopPrice", market.price(0));
        body.put("icebergQty", market.quantity(0));
        body.put("time", order.timeMs());
        body.put("updateTime", order.updateTimeMs());
        body.put("isWorking", true);
        body.put("workingTime", order.timeMs());
        body.put("selfTradePreventionMode", order.stpMode().name());
        return body;
    }

    /** The canceled order, as DELETE /api/v3/order and /api/v3/openOrders answer. */
    static Map<String, Object> canceled(final MarketInfo market, final OrderRecord order,
        final String clientOrderId, final long transactTimeMs) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", market.symbol());
        body.put("origClientOrderId", clientOrderId);
        body.put("orderId", order.orderId());
        body.put("orderListId", -1);
        body.put("clientOrderId", clientOrderId);
        body.put("transactTime", transactTimeMs);
        putState(body, market, order);
        body.put("selfTradePreventionMode", order.stpMode().name());
        return body;
    }

    private static void putState(final Map<String, Object> body, final MarketInfo market, final OrderRecord order) {
        final boolean byBudget = order.type() == OrderType.MARKET && order.quoteBudget() > 0;
        body.put("price", market.price(order.price()));
        body.put("origQty", market.quantity(byBudget ? order.executedQuantity() : order.quantity()));
        body.put("executedQty", market.quantity(order.executedQuantity()));
        body.put("origQuoteOrderQty", market.quoteAmount(order.quoteBudget()));
        body.put("cummulativeQuoteQty", market.quoteAmount(order.cumulativeQuote()));
        body.put("status", order.status().name());
        body.put("timeInForce", timeInForce(order));
        body.put("type", type(order));
        body.put("side", order.side().name());
    }
}
