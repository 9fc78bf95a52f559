package org.candor.gateway;

import java.util.Arrays;

/**
 * Rolling 24-hour trade statistics of one market in one-minute buckets: fixed memory however many trades, and a
 * window exact to the minute. Volumes are sums of longs that the engine's amount limit (2^62 per asset) keeps far
 * from overflow only per trade, so sums saturate instead of wrapping.
 */
final class DayStats {
    static final int MINUTES = 24 * 60;
    static final long MINUTE_MS = 60_000;

    private final long[] minute = new long[MINUTES];
    private final long[] open = new long[MINUTES];
    private final long[] high = new long[MINUTES];
    private final long[] low = new long[MINUTES];
    private final long[] close = new long[MINUTES];
    private final long[] volume = new long[MINUTES];
    private final long[] quoteVolume = new long[MINUTES];
    private final long[] count = new long[MINUTES];
    private final long[] firstId = new long[MINUTES];
    private final long[] lastId = new long[MINUTES];
    private long lastPrice;
    private long lastQuantity;

    DayStats() {
        Arrays.fill(minute, -1);
    }

    void add(final PublicTrade trade) {
        final long tradeMinute = trade.timeMs() / MINUTE_MS;
        final int at = (int) (tradeMinute % MINUTES);
        if (minute[at] != tradeMinute) {
            minute[at] = tradeMinute;
            open[at] = trade.price();
            high[at] = trade.price();
            low[at] = trade.price();
            volume[at] = 0;
            quoteVolume[at] = 0;
            count[at] = 0;
            firstId[at] = trade.id();
        }
        high[at] = Math.max(high[at], trade.price());
        low[at] = Math.min(low[at], trade.price());
        close[at] = trade.price();
        volume[at] = saturatedAdd(volume[at], trade.quantity());
        quoteVolume[at] = saturatedAdd(quoteVolume[at], trade.quoteAmount());
        count[at]++;
        lastId[at] = trade.id();
        lastPrice = trade.price();
        lastQuantity = trade.quantity();
    }

    /** The statistics of the 24 hours that end at {@code nowMs}. */
    DayTicker window(final long nowMs) {
        final long nowMinute = nowMs / MINUTE_MS;
        long o = 0;
        long h = 0;
        long l = 0;
        long vol = 0;
        long quote = 0;
        long n = 0;
        long first = -1;
        long last = -1;
        for (long m = nowMinute - MINUTES + 1; m <= nowMinute; m++) {
            final int at = (int) (m % MINUTES);
            if (m < 0 || minute[at] != m) {
                continue;
            }
            if (n == 0) {
                o = open[at];
                h = high[at];
                l = low[at];
                first = firstId[at];
            }
            h = Math.max(h, high[at]);
            l = Math.min(l, low[at]);
            vol = saturatedAdd(vol, volume[at]);
            quote = saturatedAdd(quote, quoteVolume[at]);
            n += count[at];
            last = lastId[at];
        }
        return new DayTicker(o, h, l, lastPrice, lastQuantity, vol, quote, first, last, n,
            nowMs - MINUTES * MINUTE_MS, nowMs);
    }

    private static long saturatedAdd(final long a, final long b) {
        final long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}
