package org.candor.readmodel;

/**
 * The candle intervals the projector keeps, by their length. A candle opens at a multiple of its length since the
 * epoch (UTC), so a day's candle runs from midnight UTC.
 */
public enum KlineInterval {
    ONE_MINUTE("1m", 60_000L),
    FIVE_MINUTES("5m", 300_000L),
    FIFTEEN_MINUTES("15m", 900_000L),
    ONE_HOUR("1h", 3_600_000L),
    FOUR_HOURS("4h", 14_400_000L),
    ONE_DAY("1d", 86_400_000L);

    private static final KlineInterval[] ALL = values();
    private final String label;
    private final long lengthMs;

    KlineInterval(final String label, final long lengthMs) {
        this.label = label;
        this.lengthMs = lengthMs;
    }

    /** The name clients know (Binance's): 1m, 5m, 15m, 1h, 4h, 1d. */
    public String label() {
        return label;
    }

    public long lengthMs() {
        return lengthMs;
    }

    /** The open time of the candle that {@code timestampMs} falls in. */
    public long openTimeOf(final long timestampMs) {
        return timestampMs - Math.floorMod(timestampMs, lengthMs);
    }

    public static KlineInterval ofLabel(final String label) {
        for (final KlineInterval interval : ALL) {
            if (interval.label.equals(label)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("unknown kline interval: label=" + label);
    }
}
