package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.gateway.TestExchange.listenKey;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.function.Predicate;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.PolicyKind;
import org.candor.engine.ReleaseCondition;
import org.candor.gateway.TestExchange.ApiClient;
import org.candor.gateway.TestExchange.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What users are told, over HTTP against a real node, journal and PostgreSQL: holds placed and approved by two
 * operators, an escalation at the review deadline, a withdrawal's missed service-level deadline, reading them, the
 * push on the user data stream, and every bad parameter's code. The shortest service-level deadline the engine
 * accepts is one minute, so the withdrawal is requested before everything else and its test runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsApiTest {
    private static final long OPERATOR_A = 601;
    private static final long OPERATOR_B = 602;
    private static final long SLA_MS = 60_000;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestExchange exchange;
    private static ApiClient late;
    private static long lateWithdrawal;
    private static ApiClient stuck;
    private static long stuckWithdrawal;
    private static long stuckBroadcastMs;

    @BeforeAll
    static void start() throws Exception {
        exchange = new TestExchange();
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT * 100);
        late = exchange.newTrader();
        // Shortening a deadline tightens the policy, so one operator sets it at once.
        exchange.operate((e, b, o, c, id) -> e.setWithdrawalPolicy(b, o, c, id, 0, TestExchange.ETH,
            PolicyKind.WITHDRAWAL_SLA_REQUESTED, SLA_MS, OPERATOR_A));
        final long proposal = exchange.operateForReference((e, b, o, c, id) -> e.setWithdrawalPolicy(b, o, c, id, 0,
            TestExchange.ETH, PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK, 0, OPERATOR_A));
        if (proposal > 0) {
            exchange.operate((e, b, o, c, id) -> e.approvePolicyChange(b, o, c, id, 0, proposal, OPERATOR_B));
        }
        final long address = exchange.operateForReference((e, b, o, c, id) -> e.addWithdrawalAddress(b, o, c, id, 0,
            late.userId, TestExchange.ETH, "0xlate" + late.userId));
        lateWithdrawal = exchange.operateForReference((e, b, o, c, id) -> e.requestWithdrawal(b, o, c, id, 0,
            late.userId, TestExchange.ETH, 150_000_000L, address));

        // A transaction that never confirms: claimed and broadcast as the chain edge does, then nothing.
        exchange.operate((e, b, o, c, id) -> e.setWithdrawalPolicy(b, o, c, id, 0, TestExchange.ETH,
            PolicyKind.WITHDRAWAL_SLA_BROADCAST, SLA_MS, OPERATOR_A));
        stuck = exchange.newTrader();
        final long stuckAddress = exchange.operateForReference((e, b, o, c, id) -> e.addWithdrawalAddress(b, o, c,
            id, 0, stuck.userId, TestExchange.ETH, "0xstuck" + stuck.userId));
        stuckWithdrawal = exchange.operateForReference((e, b, o, c, id) -> e.requestWithdrawal(b, o, c, id, 0,
            stuck.userId, TestExchange.ETH, 50_000_000L, stuckAddress));
        exchange.operate((e, b, o, c, id) -> e.claimWithdrawal(b, o, c, id, 0, stuckWithdrawal));
        stuckBroadcastMs = System.currentTimeMillis();
        exchange.operate((e, b, o, c, id) -> e.markWithdrawalBroadcast(b, o, c, id, 0, stuckWithdrawal,
            "0xstucktx", 21_000L));
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    /** Waits until one of the user's notifications matches, and returns it. */
    private static JsonNode await(final ApiClient user, final Predicate<JsonNode> wanted, final Duration timeout)
        throws InterruptedException {
        final JsonNode page = user.awaitNotifications(p -> first(p, wanted) != null, timeout);
        return first(page, wanted);
    }

    private static JsonNode first(final JsonNode page, final Predicate<JsonNode> wanted) {
        for (final JsonNode notification : page.get("notifications")) {
            if (wanted.test(notification)) {
                return notification;
            }
        }
        return null;
    }

    private static Predicate<JsonNode> kind(final String kind, final String idField, final long id) {
        return n -> kind.equals(n.get("kind").asText()) && n.get(idField).asLong() == id;
    }

    @Test
    @Order(1)
    void aHoldPlacedByOneOperatorAndApprovedByAnotherIsExplainedWithItsDeadline() throws Exception {
        final ApiClient user = exchange.newTrader();
        final long deadline = System.currentTimeMillis() + 86_400_000L;
        final long hold = exchange.operateForReference((e, b, o, c, id) -> e.placeHold(b, o, c, id, 0, user.userId,
            TestExchange.BTC, 250_000_000L, HoldKind.AMOUNT, HoldReason.COMPLIANCE_REVIEW, "Source of funds review",
            OPERATOR_A, deadline, ReleaseCondition.OPERATOR_RELEASE, 0, 0));
        final JsonNode pending = await(user, kind("hold_pending_approval", "holdId", hold), WAIT);
        assertThat(pending.get("title").asText()).isEqualTo("A hold on 2.5 BTC is awaiting approval");

        exchange.operate((e, b, o, c, id) -> e.approveHold(b, o, c, id, 0, hold, OPERATOR_B));

        final JsonNode approved = await(user, kind("hold_approved", "holdId", hold), WAIT);
        assertThat(approved.get("severity").asText()).isEqualTo("warning");
        assertThat(approved.get("asset").asText()).isEqualTo("BTC");
        assertThat(approved.get("read").asBoolean()).isFalse();
        assertThat(approved.get("broadcast").asBoolean()).isFalse();
        assertThat(approved.get("time").asLong()).isPositive();
        assertThat(approved.get("body").asText())
            .startsWith("A second operator approved hold #" + hold + ", so 2.5 BTC of your balance is now on hold.")
            .contains("Explanation: Source of funds review.")
            .contains("It must be reviewed by " + utc(deadline));
    }

    @Test
    @Order(2)
    void aPassedReviewDeadlineEscalatesAndIsPushedOnTheUserDataStream() throws Exception {
        final ApiClient user = exchange.newTrader();
        final WsMessages stream = new WsMessages();
        final WebSocket socket = connect("/ws/" + listenKey(user), stream);
        stream.awaitOpened(socket);
        final long deadline = System.currentTimeMillis() + 1_500;
        final long hold = exchange.operateForReference((e, b, o, c, id) -> e.placeHold(b, o, c, id, 0, user.userId,
            TestExchange.USDT, 1_000_000L, HoldKind.AMOUNT, HoldReason.SUSPICIOUS_ACTIVITY, "Unusual transfers",
            OPERATOR_A, deadline, ReleaseCondition.OPERATOR_RELEASE, 0, 0));
        exchange.operate((e, b, o, c, id) -> e.approveHold(b, o, c, id, 0, hold, OPERATOR_B));

        final JsonNode pushed = stream.next(m -> "candorNotification".equals(m.path("e").asText())
            && "hold_escalated".equals(m.path("kind").asText()));
        assertThat(pushed.get("holdId").asLong()).isEqualTo(hold);
        assertThat(pushed.get("title").asText()).isEqualTo("The review of the hold on 1 USDT is overdue");
        final JsonNode listed = await(user, kind("hold_escalated", "holdId", hold), WAIT);
        assertThat(listed.get("id").asLong()).isEqualTo(pushed.get("id").asLong());
        assertThat(listed.get("body").asText()).contains("passed its review deadline, " + utc(deadline));
        socket.abort();
    }

    @Test
    @Order(3)
    void readingMarksNotificationsReadAndUnreadOnlyLeavesTheRest() throws Exception {
        final ApiClient user = exchange.newTrader();
        // newTrader made three deposits; wait for the last (the newest) to be stored.
        final long newest = await(user, n -> "deposit_credited".equals(n.get("kind").asText())
            && n.get("asset").asText().equals("USDT"), WAIT).get("id").asLong();
        final JsonNode all = user.get("/v1/notifications", "").json();
        final int deposits = all.get("notifications").size();
        assertThat(deposits).isEqualTo(3);
        assertThat(all.get("notifications").get(0).get("id").asLong()).isEqualTo(newest);
        final long first = all.get("notifications").get(deposits - 1).get("id").asLong();
        assertThat(all.get("unreadCount").asInt()).isEqualTo(deposits);

        final Reply marked = user.post("/v1/notifications/read", "upToId=" + first);
        assertThat(marked.status()).as(marked.json().toString()).isEqualTo(200);
        assertThat(marked.json().get("readUpToId").asLong()).isEqualTo(first);
        assertThat(marked.json().get("unreadCount").asInt()).isEqualTo(deposits - 1);
        final JsonNode unread = user.get("/v1/notifications", "unreadOnly=true").json();
        assertThat(unread.get("notifications").size()).isEqualTo(deposits - 1);
        assertThat(unread.get("notifications")).allMatch(n -> !n.get("read").asBoolean());

        final Reply everything = user.post("/v1/notifications/read", "upToId=" + Long.MAX_VALUE);
        assertThat(everything.json().get("readUpToId").asLong()).as("clamped to the newest seen").isEqualTo(newest);
        assertThat(everything.json().get("unreadCount").asInt()).isZero();
        final JsonNode after = user.get("/v1/notifications", "").json();
        assertThat(after.get("notifications")).allMatch(n -> n.get("read").asBoolean());

        final JsonNode firstPage = user.get("/v1/notifications", "limit=2").json();
        assertThat(firstPage.get("notifications").size()).isEqualTo(2);
        final long next = firstPage.get("next").asLong();
        final JsonNode secondPage = user.get("/v1/notifications", "limit=2&before=" + next).json();
        assertThat(secondPage.get("notifications").get(0).get("id").asLong()).isLessThan(next);
    }

    @Test
    @Order(4)
    void badParametersAreRefusedWithStableCodes() {
        final ApiClient user = exchange.newTrader();
        assertError(user.get("/v1/notifications", "limit=0"), 400, "INVALID_PARAMETER");
        assertError(user.get("/v1/notifications", "limit=101"), 400, "INVALID_PARAMETER");
        assertError(user.get("/v1/notifications", "limit=ten"), 400, "INVALID_PARAMETER");
        assertError(user.get("/v1/notifications", "before=-1"), 400, "INVALID_PARAMETER");
        assertError(user.get("/v1/notifications", "unreadOnly=yes"), 400, "INVALID_PARAMETER");
        assertError(user.post("/v1/notifications/read", ""), 400, "MISSING_PARAMETER");
        assertError(user.post("/v1/notifications/read", "upToId=-5"), 400, "INVALID_PARAMETER");
        assertError(user.post("/v1/notifications/read", "upToId=99999999999999999999"), 400, "INVALID_PARAMETER");
        assertError(exchange.get("/v1/notifications"), 401, null);
    }

    private static void assertError(final Reply reply, final int status, final String code) {
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(status);
        if (code != null) {
            assertThat(reply.json().get("code").asText()).isEqualTo(code);
        }
    }

    @Test
    @Order(5)
    void aWithdrawalThatMissesItsServiceLevelDeadlineIsToldWithTheStateAndWhenItWasExpected() throws Exception {
        final JsonNode requested = await(late, kind("withdrawal_requested", "withdrawalId", lateWithdrawal), WAIT);
        assertThat(requested.get("title").asText()).isEqualTo("Withdrawal of 1.5 ETH requested");
        final JsonNode delayed = await(late, kind("withdrawal_delayed", "withdrawalId", lateWithdrawal),
            Duration.ofMillis(SLA_MS).plus(WAIT));
        assertThat(delayed.get("severity").asText()).isEqualTo("warning");
        assertThat(delayed.get("body").asText()).startsWith("Your withdrawal #" + lateWithdrawal + " of 1.5 ETH to "
            + "0xlate" + late.userId + " has been waiting to be sent for longer than it should: it was expected to "
            + "move on by ");
        assertThat(delayed.get("time").asLong() - requested.get("time").asLong()).isGreaterThanOrEqualTo(SLA_MS);

        final Reply read = late.post("/v1/notifications/read", "upToId=" + delayed.get("id").asLong());
        assertThat(read.json().get("readUpToId").asLong()).isEqualTo(delayed.get("id").asLong());
        assertThat(await(late, kind("withdrawal_delayed", "withdrawalId", lateWithdrawal), WAIT).get("read")
            .asBoolean()).isTrue();
    }

    /**
     * A stuck transaction surfaces with its deadline: while it waits the user's fund status shows it broadcast, with
     * its transaction and when it was expected to confirm; once that passes the status says the deadline was missed
     * and the user is told, still with the amount set aside and no cancel offered.
     */
    @Test
    @Order(6)
    void aStuckTransactionSurfacesWithItsDeadline() throws Exception {
        final JsonNode delayed = await(stuck, kind("withdrawal_delayed", "withdrawalId", stuckWithdrawal),
            Duration.ofMillis(SLA_MS).plus(WAIT));
        assertThat(delayed.get("body").asText()).contains("has been sent and waiting for the network to confirm it "
            + "for longer than it should").endsWith("The amount stays set aside for it.");

        final JsonNode withdrawal = ethWithdrawals(stuck).get(0);
        assertThat(withdrawal.get("id").asLong()).isEqualTo(stuckWithdrawal);
        assertThat(withdrawal.get("state").asText()).isEqualTo("broadcast");
        assertThat(withdrawal.get("txId").asText()).isEqualTo("0xstucktx");
        assertThat(withdrawal.get("deadlineMissed").asBoolean()).isTrue();
        assertThat(withdrawal.get("expectedBy").asLong()).isBetween(stuckBroadcastMs + SLA_MS,
            delayed.get("time").asLong());
    }

    private static JsonNode ethWithdrawals(final ApiClient user) {
        final Reply funds = user.get("/v1/funds", "");
        assertThat(funds.status()).as(funds.json().toString()).isEqualTo(200);
        for (final JsonNode asset : funds.json().get("assets")) {
            if ("ETH".equals(asset.get("asset").asText())) {
                return asset.get("withdrawing").get("withdrawals");
            }
        }
        throw new AssertionError("no ETH in " + funds.json());
    }

    private static String utc(final long epochMs) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochMilli(epochMs));
    }

    private static WebSocket connect(final String path, final WsMessages messages) {
        final URI uri = URI.create("ws://127.0.0.1:" + exchange.gateway().port() + path);
        return exchange.http.newWebSocketBuilder().buildAsync(uri, messages).join();
    }
}
