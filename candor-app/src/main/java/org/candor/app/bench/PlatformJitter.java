package org.candor.app.bench;

/**
 * Measures how often the machine itself stops a running thread: a loop that only reads the clock records every gap
 * between two reads. On a virtual machine the hypervisor's pauses show up here, and each of them also stalls the
 * engine, so the benchmark prints this next to its latency figures.
 */
final class PlatformJitter {
    private static final long GAP_10_US = 10_000;
    private static final long GAP_100_US = 100_000;
    private static final long GAP_1_MS = 1_000_000;

    private PlatformJitter() {
    }

    static String measure(final long durationNs) {
        long over10us = 0;
        long over100us = 0;
        long over1ms = 0;
        long max = 0;
        final long end = System.nanoTime() + durationNs;
        long last = System.nanoTime();
        while (last < end) {
            final long now = System.nanoTime();
            final long gap = now - last;
            last = now;
            over10us += gap > GAP_10_US ? 1 : 0;
            over100us += gap > GAP_100_US ? 1 : 0;
            over1ms += gap > GAP_1_MS ? 1 : 0;
            max = Math.max(max, gap);
        }
        return String.format("pauses of a clock-reading loop in %.1f s: >10us=%d >100us=%d >1ms=%d max=%d us",
            durationNs / 1e9, over10us, over100us, over1ms, max / 1_000);
    }
}
