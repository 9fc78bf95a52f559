package org.candor.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The payloads of the market streams, in Binance's shapes (single-letter keys, decimal strings). */
final class StreamJson {
    private StreamJson() {
    }

    static Map<String, Object> trade(final MarketInfo market, final PublicTrade trade, final long nowMs) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("e", "trade");
        body.put("E", nowMs);
        body.put("s", market.symbol());
        body.put("t", trade.id());
        body.put("p", market.price(trade.price()));
        body.put("q", market.quantity(trade.quantity()));
        body.put("T", trade.timeMs());
        body.put("m", trade.buyerMaker());
        body.put("M", true);
        return body;
    }

    static Map<String, Object> depth(final MarketUpdate update, final long nowMs) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("e", "depthUpdate");
        body.put("E", nowMs);
        body.put("s", update.market().symbol());
        body.put("U", update.firstUpdateId());
        body.put("u", update.lastUpdateId());
        body.put("b", levels(update.market(), update.bids()));
        body.put("a", levels(update.market(), update.asks()));
        return body;
    }

    static Map<String, Object> bookTicker(final MarketUpdate update) {
        final MarketInfo market = update.market();
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("u", update.lastUpdateId());
        body.put("s", market.symbol());
        body.put("b", market.price(update.bestBid()[0]));
        body.put("B", market.quantity(update.bestBid()[1]));
        body.put("a", market.price(update.bestAsk()[0]));
        body.put("A", market.quantity(update.bestAsk()[1]));
        return body;
    }

    private static List<List<String>> levels(final MarketInfo market, final List<long[]> levels) {
        final List<List<String>> list = new ArrayList<>(levels.size());
        for (final long[] level : levels) {
            list.add(List.of(market.price(level[0]), market.quantity(level[1])));
        }
        return list;
    }
}
