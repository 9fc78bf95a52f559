package org.candor.gateway;

/**
 * Binance's ORDERS rate limits: how many new orders one account may place per 10 seconds and per day (UTC), over
 * all of its keys and the web app. They keep one account from flooding the order book and the engine; request
 * weight alone does not, since an order weighs 1.
 *
 * @param perTenSeconds new orders per fixed 10-second window
 * @param perDay        new orders per UTC day
 */
public record OrderLimits(long perTenSeconds, long perDay) {
    /** The spot limits Binance long published for an ordinary account (its current examples show 50 and 160,000). */
    public static final OrderLimits BINANCE = new OrderLimits(100, 200_000);

    public OrderLimits {
        if (perTenSeconds < 1 || perDay < 1) {
            throw new IllegalArgumentException("order limits must be positive: perTenSeconds=" + perTenSeconds
                + " perDay=" + perDay);
        }
    }
}
