package org.candor.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Candles of a market for charts. Public market data: no user filter. */
public final class Klines {
    /**
     * A candle of any {@link CandleInterval}: the stored candles of its source interval that open inside it, summed.
     * Open is the first one's, close the last one's; no floating point anywhere.
     */
    private static final String AGGREGATED = "SELECT bucket AS open_time_ms, "
        + "(array_agg(open ORDER BY open_time_ms))[1] AS open, max(high) AS high, min(low) AS low, "
        + "(array_agg(close ORDER BY open_time_ms DESC))[1] AS close, sum(volume)::bigint AS volume, "
        + "sum(quote_volume)::bigint AS quote_volume, sum(trade_count)::bigint AS trade_count "
        + "FROM (SELECT *, open_time_ms - mod(mod(open_time_ms - ?, ?) + ?, ?) AS bucket FROM klines "
        + "WHERE market_id=? AND interval_ms=? AND open_time_ms>=? AND open_time_ms<?) source "
        + "GROUP BY bucket ORDER BY bucket %s LIMIT ?";

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
            + "AND open_time_ms<? ORDER BY open_time_ms LIMIT ?", limit, Klines::candle,
            candle -> candle.openTimeMs() + 1, marketId, interval.lengthMs(), range.fromMs(), range.toMs());
    }

    /**
     * Candles of {@code interval} opening in {@code range}: the oldest {@code limit} of them, or with
     * {@code newestFirst} the newest {@code limit}, newest first. Only intervals with at least one trade have a
     * candle. The cursor is the open time after the last one (oldest first) or the last one's (newest first).
     */
    public Page<Candle> candles(final int marketId, final CandleInterval interval, final TimeRange range,
        final boolean newestFirst, final int limit) {
        final long fromMs = interval.openTimeAtOrAfter(range.fromMs());
        final long toMs = interval.openTimeAtOrAfter(range.toMs());
        if (fromMs >= toMs) {
            Paging.checkLimit(limit);
            return new Page<>(List.of(), 0, false);
        }
        final long offset = interval.offsetMs();
        final long length = interval.lengthMs();
        return Paging.page(database, String.format(AGGREGATED, newestFirst ? "DESC" : "ASC"), limit, Klines::candle,
            candle -> newestFirst ? candle.openTimeMs() : candle.openTimeMs() + 1, offset, length, length, length,
            marketId, interval.source().lengthMs(), fromMs, toMs);
    }

    private static Candle candle(final ResultSet rs) throws SQLException {
        return new Candle(rs.getLong("open_time_ms"), rs.getLong("open"), rs.getLong("high"), rs.getLong("low"),
            rs.getLong("close"), rs.getLong("volume"), rs.getLong("quote_volume"), rs.getLong("trade_count"));
    }
}
