package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Browser sessions in a real PostgreSQL, with a clock the tests move; each test has its own principals. */
class WebSessionsTest {
    private static DataSource database;
    private final AtomicLong nowMs = new AtomicLong(1_000_000);
    private final WebSessions sessions = traders(nowMs);

    @BeforeAll
    static void migrate() {
        database = TestPostgres.freshDatabase();
        PostgresApiKeyStore.migrate(database, new SecretCipher(PostgresApiKeyStoreTest.MASTER_KEY));
    }

    /** Trader sessions as one gateway keeps them; two of these on one database are two gateways. */
    private static WebSessions traders(final AtomicLong clock) {
        return new WebSessions("s", EnumSet.of(Permission.READ, Permission.TRADE),
            PostgresWebSessions.traders(database), clock::get);
    }

    @Test
    void opensSessionsWithDistinct256BitIdsAndTokens() {
        final WebSessions.Opened one = sessions.open(new PostgresWebLogins.Login("alice", 1));
        final WebSessions.Opened two = sessions.open(new PostgresWebLogins.Login("alice", 1));
        assertThat(sessions.find(one.id()).csrfToken()).isEqualTo(one.session().csrfToken());
        assertThat(one.id()).hasSize(43).isNotEqualTo(two.id());
        assertThat(one.session().csrfToken()).hasSize(43).isNotEqualTo(one.id());
        assertThat(one.session().csrfMatches(one.session().csrfToken())).isTrue();
        assertThat(one.session().csrfMatches(two.session().csrfToken())).isFalse();
        assertThat(one.session().csrfMatches(null)).isFalse();
    }

    @Test
    void keepsAtMostEightSessionsPerPrincipalDroppingTheOldest() {
        final String oldest = sessions.open(new PostgresWebLogins.Login("alice", 11)).id();
        String newest = oldest;
        for (int i = 0; i < 20; i++) {
            nowMs.incrementAndGet();
            newest = sessions.open(new PostgresWebLogins.Login("alice", 11)).id();
        }
        sessions.open(new PostgresWebLogins.Login("bob", 12));
        assertThat(count(11)).isEqualTo(WebSessions.PER_PRINCIPAL_MAX);
        assertThat(count(12)).isOne();
        assertThat(sessions.find(oldest)).isNull();
        assertThat(sessions.find(newest).principalId()).isEqualTo(11);
    }

    @Test
    void expiredSessionsAreDroppedWhenTheNextOneOpens() {
        nowMs.set(50_000_000);
        sessions.open(new PostgresWebLogins.Login("alice", 21));
        sessions.open(new PostgresWebLogins.Login("carol", 22));
        nowMs.addAndGet(WebSessions.IDLE_MS + 1);
        sessions.open(new PostgresWebLogins.Login("bob", 23));
        assertThat(count(21) + count(22)).isZero();
        assertThat(count(23)).isOne();
    }

    @Test
    void aSessionEndsAfterItsIdleTimeAndAtItsLifetimeHoweverMuchItIsUsed() {
        final String id = sessions.open(new PostgresWebLogins.Login("alice", 31)).id();
        nowMs.addAndGet(WebSessions.IDLE_MS - 1);
        assertThat(sessions.find(id)).as("used just before its idle time").isNotNull();
        nowMs.addAndGet(WebSessions.IDLE_MS - 1);
        assertThat(sessions.find(id)).as("idle time restarted at the last use").isNotNull();
        nowMs.addAndGet(WebSessions.IDLE_MS + 1);
        assertThat(sessions.find(id)).as("idle too long").isNull();

        final long openedMs = nowMs.get();
        final String busy = sessions.open(new PostgresWebLogins.Login("alice", 31)).id();
        while (nowMs.get() + WebSessions.IDLE_MS / 2 < openedMs + WebSessions.LIFETIME_MS) {
            nowMs.addAndGet(WebSessions.IDLE_MS / 2);
            assertThat(sessions.find(busy)).isNotNull();
        }
        nowMs.set(openedMs + WebSessions.LIFETIME_MS);
        assertThat(sessions.find(busy)).as("at its lifetime").isNull();
    }

    @Test
    void idleTimeIsRecordedToTheMinuteSoARequestRarelyWrites() {
        final String id = sessions.open(new PostgresWebLogins.Login("dora", 41)).id();
        for (int i = 0; i < 10; i++) {
            nowMs.addAndGet(1_000);
            sessions.find(id);
        }
        // Ten requests within a minute moved nothing: the idle time still counts from the login.
        nowMs.addAndGet(WebSessions.IDLE_MS - 10_000 + 1);
        assertThat(sessions.find(id)).isNull();
    }

    @Test
    void aSessionOpenedByOneGatewayIsFoundByAnotherUntilLogout() {
        final WebSessions other = traders(nowMs);
        final WebSessions.Opened opened = sessions.open(new PostgresWebLogins.Login("erin", 51));
        final WebSessions.Session found = other.find(opened.id());
        assertThat(found.username()).isEqualTo("erin");
        assertThat(found.csrfMatches(opened.session().csrfToken())).isTrue();
        final WebSessions operators = new WebSessions("o", EnumSet.of(Permission.OPERATE),
            PostgresWebSessions.operators(database), nowMs::get);
        assertThat(operators.find(opened.id())).as("never valid on the console").isNull();
        PostgresWebSessions.traders(database).delete(TokenHash.of(opened.id()));
        assertThat(sessions.find(opened.id())).isNull();
    }

    private static int count(final long principalId) {
        try (java.sql.Connection connection = database.getConnection();
             java.sql.PreparedStatement select = connection.prepareStatement(
                 "SELECT count(*) FROM gateway.web_session WHERE principal_id = ?")) {
            select.setLong(1, principalId);
            try (java.sql.ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
