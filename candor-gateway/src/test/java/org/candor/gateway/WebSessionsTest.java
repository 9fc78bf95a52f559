package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WebSessionsTest {
    private final AtomicLong nowMs = new AtomicLong(1_000_000);
    private final WebSessions sessions = new WebSessions("s", EnumSet.of(Permission.READ, Permission.TRADE),
        nowMs::get);

    @Test
    void opensSessionsWithDistinct256BitIdsAndTokens() {
        final WebSessions.Opened one = sessions.open(new PostgresWebLogins.Login("alice", 1));
        final WebSessions.Opened two = sessions.open(new PostgresWebLogins.Login("alice", 1));
        assertThat(one.id()).hasSize(43).isNotEqualTo(two.id());
        assertThat(one.session().csrfToken()).hasSize(43).isNotEqualTo(one.id());
        assertThat(one.session().csrfMatches(one.session().csrfToken())).isTrue();
        assertThat(one.session().csrfMatches(two.session().csrfToken())).isFalse();
        assertThat(one.session().csrfMatches(null)).isFalse();
    }

    @Test
    void keepsAtMostEightSessionsPerPrincipalDroppingTheOldest() {
        for (int i = 0; i < 20; i++) {
            nowMs.incrementAndGet();
            sessions.open(new PostgresWebLogins.Login("alice", 1));
        }
        sessions.open(new PostgresWebLogins.Login("bob", 2));
        assertThat(sessions.size()).isEqualTo(WebSessions.PER_PRINCIPAL_MAX + 1);
    }

    @Test
    void expiredSessionsAreDroppedWhenTheNextOneOpens() {
        sessions.open(new PostgresWebLogins.Login("alice", 1));
        nowMs.addAndGet(WebSessions.IDLE_MS + 1);
        sessions.open(new PostgresWebLogins.Login("bob", 2));
        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void theCookieIsHttpOnlyAndSameSiteStrict() {
        assertThat(sessions.cookie("abc", false)).startsWith("s=abc; Path=/;").contains("HttpOnly")
            .contains("SameSite=Strict").doesNotContain("Secure");
        assertThat(sessions.cookie("abc", true)).endsWith("; Secure");
        assertThat(sessions.cookie("", false)).contains("Max-Age=0");
    }

    @Test
    void passwordsVerifyOnlyWithTheRightPasswordAndEnoughIterations() {
        final PasswordHasher.Hashed hashed = new PasswordHasher().hash("correct horse".toCharArray());
        assertThat(hashed.iterations()).isGreaterThanOrEqualTo(210_000);
        assertThat(PasswordHasher.matches("correct horse".toCharArray(), hashed)).isTrue();
        assertThat(PasswordHasher.matches("correct hors".toCharArray(), hashed)).isFalse();
        assertThat(new PasswordHasher().hash("correct horse".toCharArray())).isNotEqualTo(hashed);
        assertThatThrownBy(() -> PasswordHasher.derive("x".toCharArray(), new byte[16], 1000))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
