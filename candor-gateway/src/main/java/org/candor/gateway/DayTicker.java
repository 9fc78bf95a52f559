package org.candor.gateway;

/**
 * A market's statistics over the last 24 hours of trades, in minor units; open, high, low are 0 and the ids -1 when
 * nothing traded in the window. {@code lastPrice} is the last trade ever, even if older.
 */
record DayTicker(long openPrice, long highPrice, long lowPrice, long lastPrice, long lastQuantity, long volume,
    long quoteVolume, long firstTradeId, long lastTradeId, long count, long openTimeMs, long closeTimeMs) {
}
