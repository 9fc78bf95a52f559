package org.candor.chain;

/**
 * When to try an unavailable chain again: after {@link #DELAY_MIN_MS}, doubling on each failure up to
 * {@link #DELAY_MAX_MS}, back to nothing on the first success. No jitter: there is one caller per adapter, so no
 * herd to spread, and a deterministic schedule replays in tests.
 */
final class Backoff {
    static final long DELAY_MIN_MS = 1_000;
    static final long DELAY_MAX_MS = 60_000;

    private long delayMs;
    private long retryAtMs = Long.MIN_VALUE;

    /** True while the last failure's delay has not passed. */
    boolean waiting(final long nowMs) {
        return nowMs < retryAtMs;
    }

    void failed(final long nowMs) {
        delayMs = delayMs == 0 ? DELAY_MIN_MS : Math.min(DELAY_MAX_MS, delayMs * 2);
        retryAtMs = nowMs + delayMs;
    }

    void succeeded() {
        delayMs = 0;
        retryAtMs = Long.MIN_VALUE;
    }

    long retryAtMs() {
        return retryAtMs;
    }
}
