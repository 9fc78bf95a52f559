package org.candor.readmodel;

/** Candles of a market, oldest first, for charts. Public market data: no user filter. */
public final class Klines {
    private final ReadModelDatabase database;

    public Klines(final ReadModelDatabase database) {
        this.database = database;
    }

    /**
     * One candle.
     *
     * @param volume      base quantity traded
     * @param quoteVolume quote amount traded
     */
    public record Candle(long openTimeMs, long open, long high, long low, long close, long volume, long quoteVolume,
        long tradeCount) {
    }

    /** Candles opening in {@code range}, oldest first; the next page starts at the returned cursor (a time). */
    public Page<Candle> candles(final int marketId, final KlineInterval interval, final TimeRange range,
        final int limit) {
        return Paging.page(database, "SELECT * FROM klines WHERE market_id=? AND interval_ms=? AND open_time_ms>=? "
            + "AND open_time_ms<? ORDER BY open_time_ms LIMIT ?", limit,
            rs -> new Candle(rs.getLong("open_time_ms"), rs.getLong("open"), rs.getLong("high"), rs.getLong("low"),
                rs.getLong("close"), rs.getLong("volume"), rs.getLong("quote_volume"), rs.getLong("trade_count")),
            candle -> candle.openTimeMs() + 1, marketId, interval.lengthMs(), range.fromMs(), range.toMs());
    }
}
