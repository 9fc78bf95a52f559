package org.candor.gateway;

import java.util.List;

/**
 * What changed in one market during one batch of applied events, for the streams: each changed price level with its
 * quantity now (0 when it is gone), the trades, and the best levels. {@code firstUpdateId} is one past the
 * {@code lastUpdateId} of the market's previous update, so a client that holds a depth snapshot with
 * {@code lastUpdateId} L applies the update with firstUpdateId &lt;= L + 1 &lt;= lastUpdateId and every later one.
 */
record MarketUpdate(MarketInfo market, long firstUpdateId, long lastUpdateId, List<long[]> bids, List<long[]> asks,
    List<PublicTrade> trades, long[] bestBid, long[] bestAsk) {
}
