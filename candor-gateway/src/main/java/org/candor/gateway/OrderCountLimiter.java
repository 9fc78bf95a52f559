package org.candor.gateway;

import java.util.Map;

/**
 * New orders per account in fixed windows of 10 seconds and of a UTC day, Binance's ORDERS limits. An order that
 * would pass either limit is refused (429, -1015) and not counted; one within both is counted whatever the engine
 * then decides. Binance lowers its count when an order fills ("unfilled order count"); this counts every new order,
 * which is simpler and stricter (docs/GATEWAY.md).
 *
 * <p>Memory is bounded like {@link RateLimiter}'s: at most {@code accountsMax} accounts, the least recently seen
 * forgotten first (forgetting one only lets it start its windows again).
 */
final class OrderCountLimiter {
    static final long TEN_SECONDS_MS = 10_000;
    static final long DAY_MS = 86_400_000;

    private final OrderLimits limits;
    private final Map<Long, Counts> accounts;

    OrderCountLimiter(final OrderLimits limits, final int accountsMax) {
        if (accountsMax < 1) {
            throw new IllegalArgumentException("accountsMax=" + accountsMax + " must be positive");
        }
        this.limits = limits;
        this.accounts = LruMaps.bounded(accountsMax);
    }

    OrderLimits limits() {
        return limits;
    }

    /**
     * Counts a new order of {@code userId}; returns {orders in this 10-second window, orders today}, this one
     * included.
     *
     * @throws ApiError 429 with -1015 over either limit
     */
    synchronized long[] charge(final long userId, final long nowMs) {
        final Counts counts = accounts.computeIfAbsent(userId, id -> new Counts());
        final long tenSeconds = Math.floorDiv(nowMs, TEN_SECONDS_MS);
        if (tenSeconds != counts.tenSecondWindow) {
            counts.tenSecondWindow = tenSeconds;
            counts.inTenSeconds = 0;
        }
        final long day = Math.floorDiv(nowMs, DAY_MS);
        if (day != counts.dayWindow) {
            counts.dayWindow = day;
            counts.inDay = 0;
        }
        if (counts.inTenSeconds >= limits.perTenSeconds()) {
            throw ErrorMapper.tooManyOrders(limits.perTenSeconds(), "10 SECOND",
                secondsUntil((tenSeconds + 1) * TEN_SECONDS_MS, nowMs));
        }
        if (counts.inDay >= limits.perDay()) {
            throw ErrorMapper.tooManyOrders(limits.perDay(), "1 DAY", secondsUntil((day + 1) * DAY_MS, nowMs));
        }
        counts.inTenSeconds++;
        counts.inDay++;
        return new long[] {counts.inTenSeconds, counts.inDay};
    }

    /** The account's counts in the current windows, {10-second window, day}, without counting anything. */
    synchronized long[] counts(final long userId, final long nowMs) {
        final Counts counts = accounts.get(userId);
        if (counts == null) {
            return new long[] {0, 0};
        }
        return new long[] {
            counts.tenSecondWindow == Math.floorDiv(nowMs, TEN_SECONDS_MS) ? counts.inTenSeconds : 0,
            counts.dayWindow == Math.floorDiv(nowMs, DAY_MS) ? counts.inDay : 0};
    }

    synchronized int accounts() {
        return accounts.size();
    }

    private static long secondsUntil(final long untilMs, final long nowMs) {
        return Math.max(1, (untilMs - nowMs + 999) / 1000);
    }

    /** One account's two windows. */
    private static final class Counts {
        long tenSecondWindow = Long.MIN_VALUE;
        long inTenSeconds;
        long dayWindow = Long.MIN_VALUE;
        long inDay;
    }
}
