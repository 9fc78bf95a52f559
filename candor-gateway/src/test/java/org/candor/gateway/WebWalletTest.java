package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.agrona.CloseHelper;
import org.candor.engine.PolicyKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app's wallet routes over HTTP with a real browser session (login, cookie, CSRF token) against a real
 * node: they need the session and its token, run the native API's validation and engine commands (the same
 * refusals, nothing changed by a refused request), tell the time lock, and leave the signed APIs' WITHDRAW endpoints
 * closed to a session. The console's new reads (withdrawals waiting, pauses, proposals) are checked with an
 * operator key.
 */
class WebWalletTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static TestExchange exchange;
    private static Gateway gateway;
    private static AdminServer admin;
    private static OperatorClient olivia;
    private static PostgresWebLogins logins;

    @BeforeAll
    static void start() throws Exception {
        exchange = new TestExchange();
        logins = PostgresWebLogins.traders(exchange.pool);
        gateway = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT,
            Gateway.Config.KEY_WEIGHT_PER_MINUTE_DEFAULT, 0, logins);
        final TestOperators operators = TestOperators.start(exchange, gateway);
        admin = operators.admin();
        olivia = operators.olivia();
    }

    @AfterAll
    static void stop() {
        CloseHelper.quietCloseAll(admin, exchange);
    }

    @Test
    void theWalletRoutesNeedASessionAndItsCsrfTokenAndTheSignedWithdrawRoutesStayClosedToIt() {
        final Browser browser = logIn("carol");
        assertThat(exchange.send(request("/web/v1/wallet").GET().build()).status()).isEqualTo(401);
        assertThat(browser.get("/web/v1/wallet").status()).isEqualTo(200);
        final TestExchange.Reply forged = exchange.send(request("/web/v1/withdrawal-addresses")
            .header("Cookie", WebApp.TRADER_COOKIE + "=" + browser.cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("asset=BTC&address=bc1qforged")).build());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get("/web/v1/wallet").json().path("addresses")).isEmpty();

        final TestExchange.Reply signedRoute = browser.post("/v1/withdrawal-addresses", "asset=BTC&address=bc1qx");
        assertThat(signedRoute.status()).isEqualTo(403);
        assertThat(browser.get("/web/v1/funds").status()).isEqualTo(404);

        // The web app's history pages: a session's own routes, their parameters checked before the read model.
        assertThat(exchange.send(request("/web/v1/history/orders?symbol=BTCUSDT").GET().build()).status())
            .isEqualTo(401);
        for (String bad : new String[] {"symbol=NOPE", "symbol=BTCUSDT&before=-1", "symbol=BTCUSDT&before=x",
            "symbol=BTCUSDT&limit=0", "symbol=BTCUSDT&limit=1001", "before=5"}) {
            assertThat(browser.get("/web/v1/history/trades?" + bad).status()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void aNewAddressIsTimeLockedAndAWithdrawalToItIsRefusedChangingNothing() {
        final Browser browser = logIn("dave");
        final JsonNode wallet = browser.get("/web/v1/wallet").json();
        assertThat(asset(wallet, "ETH").path("timeLockMs").asLong())
            .isEqualTo(PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK.withdrawalDefault());
        final TestExchange.Reply added = browser.post("/web/v1/withdrawal-addresses", "asset=ETH&address=0xdave");
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        assertThat(added.json().path("usable").asBoolean()).isFalse();
        assertThat(added.json().path("usableFrom").asLong() - added.json().path("addedAt").asLong())
            .isEqualTo(PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK.withdrawalDefault());

        final String before = browser.get("/v1/funds").raw().body();
        final TestExchange.Reply refused = browser.post("/web/v1/withdrawals", "asset=ETH&addressId="
            + added.json().path("id").asLong() + "&amount=100");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("msg").asText()).isEqualTo("Withdrawal refused: ADDRESS_TIME_LOCKED.");
        assertThat(browser.get("/v1/funds").raw().body()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithAStableCodeAndChangesNothing() {
        final Browser browser = logIn("erin");
        final String before = browser.get("/web/v1/wallet").raw().body();
        assertRefused(browser.post("/web/v1/withdrawal-addresses", "asset=BTC&address="
            + URLEncoder.encode("bc1 space", StandardCharsets.UTF_8)), -1100);
        assertRefused(browser.post("/web/v1/withdrawal-addresses", "asset=NOPE&address=bc1q"), -1100);
        assertRefused(browser.post("/web/v1/withdrawals", "asset=BTC&addressId=1&amount=0.5"), -1100);
        assertRefused(browser.post("/web/v1/withdrawals", "asset=BTC&addressId=-3&amount=5"), -1100);
        assertRefused(browser.delete("/web/v1/withdrawals/abc"), -1100);
        assertThat(browser.get("/web/v1/wallet").raw().body()).isEqualTo(before);
    }

    @Test
    void aWithdrawalToAUsableAddressShowsItsStateAndQueueAndCanBeCancelled() {
        final long proposal = exchange.operateForReference((e, b, o, c, id) -> e.setWithdrawalPolicy(b, o, c, id, 0,
            TestExchange.USDT, PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK, 0, 900));
        exchange.operate((e, b, o, c, id) -> e.approvePolicyChange(b, o, c, id, 0, proposal, 901));
        // A tightening applies at once: above 5 USDT a withdrawal waits for an operator.
        exchange.operate((e, b, o, c, id) -> e.setWithdrawalPolicy(b, o, c, id, 0, TestExchange.USDT,
            PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD, 5_000_000, 900));
        final Browser browser = logIn("frank");
        final JsonNode usdt = asset(browser.get("/web/v1/wallet").json(), "USDT");
        assertThat(usdt.path("timeLockMs").asLong()).isZero();
        assertThat(usdt.path("approvalThreshold").asText()).isEqualTo("5000000");
        final long addressId = browser.post("/web/v1/withdrawal-addresses", "asset=USDT&address=TFrank01")
            .json().path("id").asLong();

        final TestExchange.Reply requested = browser.post("/web/v1/withdrawals", "asset=USDT&addressId=" + addressId
            + "&amount=7000000");
        assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
        assertThat(requested.json().path("state").asText()).isEqualTo("awaiting_approval");
        final long withdrawalId = requested.json().path("id").asLong();
        final JsonNode withdrawing = asset(browser.get("/v1/funds").json().path("assets"), "USDT")
            .path("withdrawing");
        assertThat(withdrawing.path("total").asText()).isEqualTo("7000000");
        assertThat(withdrawing.path("withdrawals").get(0).path("queuePosition").asInt()).isPositive();
        assertThat(withdrawing.path("withdrawals").get(0).path("expectedBy").asLong()).isPositive();

        final JsonNode queue = olivia.get("/admin/v1/withdrawals", "").json();
        assertThat(queue.path("withdrawals").findValuesAsText("withdrawalId")).contains(Long.toString(withdrawalId));
        assertThat(asset(queue.path("assets"), "USDT").path("approvalThreshold").asText()).isEqualTo("5.000000");

        final TestExchange.Reply cancelled = browser.delete("/web/v1/withdrawals/" + withdrawalId);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(asset(browser.get("/v1/funds").json().path("assets"), "USDT").path("withdrawing").path("total")
            .asText()).isEqualTo("0");
        assertThat(olivia.get("/admin/v1/withdrawals", "").json().path("withdrawals")
            .findValuesAsText("withdrawalId")).doesNotContain(Long.toString(withdrawalId));
    }

    @Test
    void theConsoleListsPausesAndProposals() {
        assertThat(olivia.post("/admin/v1/withdrawals/pause", "asset=ETH&reason=MAINTENANCE&explanation="
            + URLEncoder.encode("Node upgrade until 14:00 UTC.", StandardCharsets.UTF_8)).status()).isEqualTo(200);
        final JsonNode eth = asset(olivia.get("/admin/v1/withdrawals", "").json().path("assets"), "ETH");
        assertThat(eth.path("paused").asBoolean()).isTrue();
        assertThat(eth.path("pauseExplanation").asText()).isEqualTo("Node upgrade until 14:00 UTC.");
        final Browser browser = logIn("gina");
        assertThat(asset(browser.get("/web/v1/wallet").json(), "ETH").path("pauseExplanation").asText())
            .isEqualTo("Node upgrade until 14:00 UTC.");
        assertThat(olivia.post("/admin/v1/withdrawals/resume", "asset=ETH").status()).isEqualTo(200);
        assertThat(asset(olivia.get("/admin/v1/withdrawals", "").json().path("assets"), "ETH").path("paused")
            .asBoolean()).isFalse();

        final TestExchange.Reply proposed = olivia.post("/admin/v1/policies/withdrawal",
            "asset=BTC&kind=WITHDRAWAL_ADDRESS_TIME_LOCK&value=60000");
        final long proposalId = proposed.json().path("reference").asLong();
        assertThat(proposalId).isPositive();
        final JsonNode proposals = olivia.get("/admin/v1/policies/proposals", "").json().path("proposals");
        final JsonNode mine = find(proposals, "proposalId", Long.toString(proposalId));
        assertThat(mine.path("state").asText()).isEqualTo("PENDING");
        assertThat(mine.path("proposedBy").asLong()).isEqualTo(900);
        assertThat(mine.path("value").asText()).isEqualTo("60000");
        assertThat(mine.path("asset").asText()).isEqualTo("BTC");
    }

    @Test
    void withoutAWalletServiceTheDepositAddressSaysDepositsAreUnavailable() {
        final TestExchange.Reply answer = logIn("hank").get("/web/v1/deposit-address?asset=BTC");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("available").asBoolean()).isFalse();
        assertThat(answer.json().path("message").asText()).isEqualTo("Deposits of BTC are not available here.");
    }

    private static void assertRefused(final TestExchange.Reply reply, final int code) {
        assertThat(reply.status()).as(reply.raw().body()).isBetween(400, 499);
        assertThat(reply.json().path("code").asInt()).as(reply.raw().body()).isEqualTo(code);
    }

    private static JsonNode asset(final JsonNode wallet, final String code) {
        return find(wallet.has("assets") ? wallet.path("assets") : wallet, "asset", code);
    }

    private static JsonNode find(final JsonNode list, final String field, final String value) {
        for (final JsonNode row : list) {
            if (row.path(field).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError(field + "=" + value + " not in " + list);
    }

    private static HttpRequest.Builder request(final String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path)).timeout(TIMEOUT);
    }

    /** A new trader with funds and a web login, logged in: the session cookie and its CSRF token. */
    private static Browser logIn(final String name) {
        final TestExchange.ApiClient trader = exchange.newTrader();
        logins.create(name, trader.userId, ("pw-of-" + name).toCharArray());
        final TestExchange.Reply login = exchange.send(request("/web/v1/login")
            .header("Content-Type", "application/x-www-form-urlencoded").header(WebSessions.CSRF_HEADER, "login")
            .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=pw-of-" + name)).build());
        assertThat(login.status()).as(login.raw().body()).isEqualTo(200);
        final String cookie = login.header("Set-Cookie").replaceFirst("^" + WebApp.TRADER_COOKIE + "=([^;]*);.*$",
            "$1");
        return new Browser(cookie, login.json().path("csrfToken").asText());
    }

    /** A logged-in browser: sends the cookie always and the CSRF token on anything but GET, as api.js does. */
    private record Browser(String cookie, String csrf) {
        TestExchange.Reply get(final String path) {
            return exchange.send(request(path).header("Cookie", WebApp.TRADER_COOKIE + "=" + cookie).GET().build());
        }

        TestExchange.Reply post(final String path, final String form) {
            return exchange.send(request(path).header("Cookie", WebApp.TRADER_COOKIE + "=" + cookie)
                .header(WebSessions.CSRF_HEADER, csrf).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        TestExchange.Reply delete(final String path) {
            return exchange.send(request(path).header("Cookie", WebApp.TRADER_COOKIE + "=" + cookie)
                .header(WebSessions.CSRF_HEADER, csrf).DELETE().build());
        }
    }
}
