package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplayCacheTest {
    @Test
    void refusesASignatureSeenBeforeWithinItsRetention() {
        final ReplayCache cache = new ReplayCache(10);
        assertThat(cache.firstUse("aa", 1_000)).isTrue();
        assertThat(cache.firstUse("aa", 1_000 + ReplayCache.RETENTION_MS - 1)).isFalse();
        assertThat(cache.firstUse("bb", 2_000)).isTrue();
    }

    @Test
    void forgetsSignaturesOnceNoRequestCarryingThemCouldStillBeAccepted() {
        final ReplayCache cache = new ReplayCache(10);
        cache.firstUse("aa", 1_000);
        assertThat(ReplayCache.RETENTION_MS)
            .isGreaterThan(RequestAuthenticator.RECV_WINDOW_MAX_MS + RequestAuthenticator.AHEAD_MAX_MS);
        assertThat(cache.firstUse("aa", 1_000 + ReplayCache.RETENTION_MS)).isTrue();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void whenFullOfLiveSignaturesRefusesNewRequestsRatherThanForgetOne() {
        final ReplayCache cache = new ReplayCache(2);
        cache.firstUse("aa", 0);
        cache.firstUse("bb", 1);
        assertThatThrownBy(() -> cache.firstUse("cc", 2))
            .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(-1008));
        assertThat(cache.firstUse("aa", 3)).isFalse();
        assertThat(cache.firstUse("cc", ReplayCache.RETENTION_MS)).isTrue();
    }
}
