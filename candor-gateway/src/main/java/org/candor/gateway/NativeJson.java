package org.candor.gateway;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Shapes of the native API: amounts as minor-unit integers in strings, enums in lower case. */
final class NativeJson {
    /** Longest amount accepted: a long has at most 19 digits. */
    static final int AMOUNT_DIGITS_MAX = 19;

    private NativeJson() {
    }

    static String amount(final long minor) {
        return Long.toString(minor);
    }

    static String lower(final Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A minor-unit amount parameter: digits only, no sign, fits a long; -1100 otherwise. */
    static long amount(final RequestParams params, final String name) {
        final String text = params.required(name);
        if (text.length() > AMOUNT_DIGITS_MAX || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ErrorMapper.illegalParameter(name);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ErrorMapper.illegalParameter(name);
        }
    }

    static Map<String, Object> market(final MarketInfo market) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", market.symbol());
        body.put("status", lower(market.status()));
        body.put("base", asset(market.base()));
        body.put("quote", asset(market.quote()));
        body.put("tickSize", amount(market.tickSize()));
        body.put("lotSize", amount(market.lotSize()));
        body.put("minQuantity", amount(market.minQuantity()));
        body.put("maxQuantity", amount(market.maxQuantity()));
        body.put("minNotional", amount(market.minNotional()));
        body.put("makerFeeBps", market.makerFeeBps());
        body.put("takerFeeBps", market.takerFeeBps());
        return body;
    }

    static Map<String, Object> asset(final AssetInfo asset) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", asset.code());
        body.put("scale", asset.scale());
        return body;
    }

    static Map<String, Object> order(final MarketInfo market, final OrderRecord order, final String clientOrderId) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", order.orderId());
        body.put("symbol", market.symbol());
        body.put("clientOrderId", clientOrderId);
        body.put("side", lower(order.side()));
        body.put("type", lower(order.type()));
        body.put("timeInForce", lower(order.timeInForce()));
        body.put("price", amount(order.price()));
        body.put("quantity", amount(order.quantity()));
        body.put("quoteBudget", amount(order.quoteBudget()));
        body.put("filledQuantity", amount(order.executedQuantity()));
        body.put("filledQuote", amount(order.cumulativeQuote()));
        body.put("status", lower(order.status()));
        body.put("selfTradePrevention", lower(order.stpMode()));
        body.put("createdAt", order.timeMs());
        body.put("updatedAt", order.updateTimeMs());
        return body;
    }
}
