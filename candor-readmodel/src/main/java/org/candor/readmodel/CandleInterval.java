package org.candor.readmodel;

/**
 * The candle intervals the API serves (Binance's, less the calendar month), each computed from one interval the
 * projector keeps ({@link KlineInterval}) whose length divides it. A candle opens at {@code offsetMs} plus a
 * multiple of its length since the epoch (UTC): days at midnight, three days at multiples of three days since
 * 1970-01-01, weeks on Monday at midnight as Binance's do.
 */
public enum CandleInterval {
    ONE_MINUTE("1m", 60_000L, KlineInterval.ONE_MINUTE),
    THREE_MINUTES("3m", 180_000L, KlineInterval.ONE_MINUTE),
    FIVE_MINUTES("5m", 300_000L, KlineInterval.FIVE_MINUTES),
    FIFTEEN_MINUTES("15m", 900_000L, KlineInterval.FIFTEEN_MINUTES),
    THIRTY_MINUTES("30m", 1_800_000L, KlineInterval.FIFTEEN_MINUTES),
    ONE_HOUR("1h", 3_600_000L, KlineInterval.ONE_HOUR),
    TWO_HOURS("2h", 7_200_000L, KlineInterval.ONE_HOUR),
    FOUR_HOURS("4h", 14_400_000L, KlineInterval.FOUR_HOURS),
    SIX_HOURS("6h", 21_600_000L, KlineInterval.ONE_HOUR),
    EIGHT_HOURS("8h", 28_800_000L, KlineInterval.FOUR_HOURS),
    TWELVE_HOURS("12h", 43_200_000L, KlineInterval.FOUR_HOURS),
    ONE_DAY("1d", 86_400_000L, KlineInterval.ONE_DAY),
    THREE_DAYS("3d", 259_200_000L, KlineInterval.ONE_DAY),
    ONE_WEEK("1w", 604_800_000L, KlineInterval.ONE_DAY);

    /** 1970-01-01 was a Thursday: weeks open four days after the epoch, on Mondays. */
    static final long WEEK_OFFSET_MS = 4 * 86_400_000L;
    private static final CandleInterval[] ALL = values();

    private final String label;
    private final long lengthMs;
    private final KlineInterval source;

    CandleInterval(final String label, final long lengthMs, final KlineInterval source) {
        this.label = label;
        this.lengthMs = lengthMs;
        this.source = source;
    }

    public String label() {
        return label;
    }

    public long lengthMs() {
        return lengthMs;
    }

    /** The stored interval this one is summed from. */
    public KlineInterval source() {
        return source;
    }

    /** Where candles open within their length: 0, except weeks (Monday). */
    public long offsetMs() {
        return this == ONE_WEEK ? WEEK_OFFSET_MS : 0;
    }

    /** The open time of the candle that {@code timestampMs} falls in. */
    public long openTimeOf(final long timestampMs) {
        return timestampMs - Math.floorMod(timestampMs - offsetMs(), lengthMs);
    }

    /** The first candle open time at or after {@code timestampMs}, saturating at the ends of a long. */
    long openTimeAtOrAfter(final long timestampMs) {
        if (timestampMs == Long.MIN_VALUE || timestampMs == Long.MAX_VALUE) {
            return timestampMs;
        }
        final long open = openTimeOf(timestampMs);
        if (open == timestampMs) {
            return open;
        }
        return open > Long.MAX_VALUE - lengthMs ? Long.MAX_VALUE : open + lengthMs;
    }

    /** The interval with this label (1m, 3m, ..., 1w), or null. */
    public static CandleInterval ofLabel(final String label) {
        for (final CandleInterval interval : ALL) {
            if (interval.label.equals(label)) {
                return interval;
            }
        }
        return null;
    }
}
