package org.candor.readmodel;

/**
 * A half-open range of command times, {@code [fromMs, toMs)}, in epoch milliseconds.
 */
public record TimeRange(long fromMs, long toMs) {
    /** Every time. */
    public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    public TimeRange {
        if (fromMs > toMs) {
            throw new IllegalArgumentException("time range ends before it starts: fromMs=" + fromMs + " toMs=" + toMs);
        }
    }
}
