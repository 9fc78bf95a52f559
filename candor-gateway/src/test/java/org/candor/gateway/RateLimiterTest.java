package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long MINUTE = RateLimiter.WINDOW_MS;

    @Test
    void countsWeightPerCallerPerMinuteAndStartsAgainEachMinute() {
        final RateLimiter limiter = new RateLimiter("IP", 10, 100);
        assertThat(limiter.charge("a", 4, 0)).isEqualTo(4);
        assertThat(limiter.charge("a", 6, 1)).isEqualTo(10);
        assertThat(limiter.charge("b", 10, 2)).isEqualTo(10);
        assertThat(limiter.charge("a", 1, MINUTE)).isEqualTo(1);
    }

    @Test
    void refusesWith429AndTheSecondsToTheNextWindow() {
        final RateLimiter limiter = new RateLimiter("IP", 10, 100);
        limiter.charge("a", 10, MINUTE + 30_000);
        assertThatThrownBy(() -> limiter.charge("a", 1, MINUTE + 30_500))
            .isInstanceOfSatisfying(ApiError.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(429);
                assertThat(e.code()).isEqualTo(-1003);
                assertThat(e.retryAfterSeconds()).isEqualTo(30);
            });
    }

    @Test
    void bansACallerThatKeepsSendingAfterRefusalsAndDoublesTheNextBan() {
        final RateLimiter limiter = new RateLimiter("IP", 1, 100);
        limiter.charge("a", 1, 0);
        for (int i = 0; i < RateLimiter.REJECTIONS_BEFORE_BAN; i++) {
            assertThatThrownBy(() -> limiter.charge("a", 1, 1))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(429));
        }
        assertThatThrownBy(() -> limiter.charge("a", 1, 2))
            .isInstanceOfSatisfying(ApiError.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(418);
                assertThat(e.retryAfterSeconds()).isEqualTo(RateLimiter.BAN_FIRST_MS / 1000);
            });
        assertThatThrownBy(() -> limiter.charge("a", 1, 2 + RateLimiter.BAN_FIRST_MS - 1))
            .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(418));
        final long afterBan = 2 + RateLimiter.BAN_FIRST_MS;
        assertThat(limiter.charge("a", 1, afterBan)).isEqualTo(1);

        for (int i = 0; i < RateLimiter.REJECTIONS_BEFORE_BAN; i++) {
            assertThatThrownBy(() -> limiter.charge("a", 1, afterBan + 1)).isInstanceOf(ApiError.class);
        }
        assertThatThrownBy(() -> limiter.charge("a", 1, afterBan + 1))
            .isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(2 * RateLimiter.BAN_FIRST_MS / 1000));
    }

    @Test
    void tracksAtMostItsBoundOfCallers() {
        final RateLimiter limiter = new RateLimiter("IP", 10, 3);
        for (int i = 0; i < 10; i++) {
            limiter.charge("caller-" + i, 1, 0);
        }
        assertThat(limiter.callers()).isEqualTo(3);
    }
}
