package org.candor.gateway;

import java.util.Map;

/**
 * Request weight per caller (an IP address or an API key) in fixed one-minute windows, as Binance counts it. A
 * request that would pass the limit is refused with 429 and the seconds to the next window; a caller that keeps
 * sending after {@link #REJECTIONS_BEFORE_BAN} refusals in one window is banned (418), first for
 * {@link #BAN_FIRST_MS}, each further ban twice as long up to {@link #BAN_MAX_MS}.
 *
 * <p>Memory is bounded: at most {@code callersMax} callers are tracked, the least recently seen forgotten first. A
 * caller that is hammering is always recently seen, so its ban is not forgotten while it lasts.
 */
final class RateLimiter {
    static final long WINDOW_MS = 60_000;
    static final int REJECTIONS_BEFORE_BAN = 20;
    static final long BAN_FIRST_MS = 2 * 60_000;
    /** Binance bans for up to three days. */
    static final long BAN_MAX_MS = 3 * 24 * 60 * 60_000L;
    static final int CALLERS_MAX_DEFAULT = 100_000;
    private static final int BAN_DOUBLINGS_MAX = 20;

    private final String scope;
    private final long weightMax;
    private final Map<String, Caller> callers;

    RateLimiter(final String scope, final long weightMax, final int callersMax) {
        if (weightMax < 1 || callersMax < 1) {
            throw new IllegalArgumentException("weightMax=" + weightMax + " callersMax=" + callersMax
                + " must be positive");
        }
        this.scope = scope;
        this.weightMax = weightMax;
        this.callers = LruMaps.bounded(callersMax);
    }

    /**
     * Charges {@code weight} to {@code caller}; returns the weight used in the current window including it.
     *
     * @throws ApiError 429 over the limit, 418 while banned
     */
    synchronized long charge(final String caller, final int weight, final long nowMs) {
        final Caller state = callers.computeIfAbsent(caller, id -> new Caller());
        if (nowMs < state.bannedUntilMs) {
            throw ErrorMapper.banned(scope + "(" + caller + ")", state.bannedUntilMs,
                secondsUntil(state.bannedUntilMs, nowMs));
        }
        final long window = nowMs / WINDOW_MS;
        if (window != state.window) {
            state.window = window;
            state.used = 0;
            state.rejections = 0;
        }
        if (state.used + weight > weightMax) {
            state.rejections++;
            if (state.rejections > REJECTIONS_BEFORE_BAN) {
                final long banMs = Math.min(BAN_MAX_MS, BAN_FIRST_MS << Math.min(state.bans, BAN_DOUBLINGS_MAX));
                state.bans++;
                state.bannedUntilMs = nowMs + banMs;
                throw ErrorMapper.banned(scope + "(" + caller + ")", state.bannedUntilMs,
                    secondsUntil(state.bannedUntilMs, nowMs));
            }
            throw ErrorMapper.tooManyRequests(scope + "(" + caller + ")", weightMax,
                secondsUntil((window + 1) * WINDOW_MS, nowMs));
        }
        state.used += weight;
        return state.used;
    }

    long weightMax() {
        return weightMax;
    }

    synchronized int callers() {
        return callers.size();
    }

    private static long secondsUntil(final long untilMs, final long nowMs) {
        return Math.max(1, (untilMs - nowMs + 999) / 1000);
    }

    /** One caller's window, refusals in it, and ban. */
    private static final class Caller {
        long window = -1;
        long used;
        int rejections;
        int bans;
        long bannedUntilMs;
    }
}
