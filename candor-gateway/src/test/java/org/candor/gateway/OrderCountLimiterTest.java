package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderCountLimiterTest {
    private static final long TEN_SECONDS = OrderCountLimiter.TEN_SECONDS_MS;
    private static final long DAY = OrderCountLimiter.DAY_MS;
    /** Noon UTC on some day: far from a day's edges. */
    private static final long NOON = 20_000 * DAY + DAY / 2;

    @Test
    void countsAnAccountsOrdersPerTenSecondsAndPerDay() {
        final OrderCountLimiter limiter = new OrderCountLimiter(new OrderLimits(3, 1_000), 100);
        assertThat(limiter.charge(7, NOON)).containsExactly(1, 1);
        assertThat(limiter.charge(7, NOON + 1)).containsExactly(2, 2);
        assertThat(limiter.charge(8, NOON + 2)).containsExactly(1, 1);
        // A new 10-second window starts the short count again; the day's goes on.
        assertThat(limiter.charge(7, NOON + TEN_SECONDS)).containsExactly(1, 3);
    }

    @Test
    void refusesTheOrderOverTheTenSecondLimitWith429AndMinus1015AndDoesNotCountIt() {
        final OrderCountLimiter limiter = new OrderCountLimiter(new OrderLimits(2, 1_000), 100);
        limiter.charge(7, NOON + 1_000);
        limiter.charge(7, NOON + 2_000);
        assertThatThrownBy(() -> limiter.charge(7, NOON + 2_500)).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(429);
            assertThat(e.code()).isEqualTo(-1015);
            assertThat(e.getMessage()).isEqualTo("Too many new orders; current limit is 2 orders per 10 SECOND.");
            assertThat(e.retryAfterSeconds()).isEqualTo(8);
        });
        // The refused order was not counted: the next window's first order is the day's third.
        assertThat(limiter.charge(7, NOON + TEN_SECONDS)).containsExactly(1, 3);
    }

    @Test
    void refusesTheOrderOverTheDailyLimitUntilTheNextUtcDay() {
        final OrderCountLimiter limiter = new OrderCountLimiter(new OrderLimits(100, 2), 100);
        limiter.charge(7, NOON);
        limiter.charge(7, NOON + TEN_SECONDS);
        assertThatThrownBy(() -> limiter.charge(7, NOON + 2 * TEN_SECONDS)).isInstanceOfSatisfying(ApiError.class,
            e -> {
                assertThat(e.code()).isEqualTo(-1015);
                assertThat(e.getMessage()).isEqualTo("Too many new orders; current limit is 2 orders per 1 DAY.");
                assertThat(e.retryAfterSeconds()).isEqualTo((DAY / 2 - 2 * TEN_SECONDS) / 1_000);
            });
        assertThat(limiter.charge(7, NOON + DAY / 2)).containsExactly(1, 1);
    }

    @Test
    void theCountsCanBeReadWithoutCountingAndEndWithTheirWindows() {
        final OrderCountLimiter limiter = new OrderCountLimiter(new OrderLimits(3, 1_000), 100);
        assertThat(limiter.counts(7, NOON)).containsExactly(0, 0);
        limiter.charge(7, NOON);
        limiter.charge(7, NOON + 1);
        assertThat(limiter.counts(7, NOON + 2)).containsExactly(2, 2);
        assertThat(limiter.counts(7, NOON + 3)).containsExactly(2, 2);
        assertThat(limiter.counts(7, NOON + TEN_SECONDS)).containsExactly(0, 2);
        assertThat(limiter.counts(7, NOON + DAY)).containsExactly(0, 0);
        assertThat(limiter.counts(8, NOON)).containsExactly(0, 0);
        assertThat(limiter.accounts()).isEqualTo(1);
    }

    @Test
    void forgetsTheLeastRecentlySeenAccountBeyondItsBound() {
        final OrderCountLimiter limiter = new OrderCountLimiter(new OrderLimits(100, 1_000), 2);
        limiter.charge(1, NOON);
        limiter.charge(2, NOON);
        limiter.charge(1, NOON);
        limiter.charge(3, NOON);
        assertThat(limiter.accounts()).isEqualTo(2);
        // Account 1 was seen more recently than 2, so 2 was forgotten and starts again.
        assertThat(limiter.charge(1, NOON)).containsExactly(3, 3);
        assertThat(limiter.charge(2, NOON)).containsExactly(1, 1);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new OrderLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderLimits(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderCountLimiter(OrderLimits.BINANCE, 0))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
