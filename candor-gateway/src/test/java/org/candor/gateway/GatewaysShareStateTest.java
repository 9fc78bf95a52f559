package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.gateway.TestExchange.listenKey;
import static org.candor.gateway.TestExchange.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.agrona.CloseHelper;
import org.candor.gateway.TestExchange.ApiClient;
import org.candor.gateway.TestExchange.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gateways sharing one database, each with its own pool as gateways in other processes have, behind a load
 * balancer: a listen key made on one opens a user data stream on another, which receives the user's orders; a
 * keepalive on one keeps the other's connections open and a close or an expiry ends them there; a web login on one
 * is valid on another until logged out on either; a restarted gateway still knows both; a client order id given on
 * one shows on another.
 */
class GatewaysShareStateTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long MINUTE_MS = 60_000;
    private static TestExchange exchange;
    private static Gateway first;
    private static Gateway second;
    private static HikariDataSource secondPool;
    private static PostgresWebLogins logins;

    @BeforeAll
    static void start() throws Exception {
        exchange = new TestExchange();
        logins = PostgresWebLogins.traders(exchange.pool);
        first = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT,
            Gateway.Config.KEY_WEIGHT_PER_MINUTE_DEFAULT, 0, logins);
        secondPool = newPool();
        second = startOn(TestExchange.GATEWAY_CLIENT_ID + 1, secondPool, System::currentTimeMillis);
    }

    @AfterAll
    static void stop() {
        CloseHelper.quietCloseAll(second, secondPool, exchange);
    }

    /**
     * The string travels with the order through the replicated log: every gateway, one started after the order too,
     * shows it in order queries, open orders and history, and no gateway writes it anywhere on the way in.
     */
    @Test
    void aClientOrderIdGivenOnOneGatewayShowsOnAnother() throws Exception {
        final ApiClient trader = exchange.newTrader();
        final long orderId = trader.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.1&price=41000&newClientOrderId=grid-7").json().get("orderId").asLong();

        // The first gateway projects the history (the second has none) and has acknowledged the order.
        assertThat(trader.get("/api/v3/allOrders", "symbol=BTCUSDT").json().findValuesAsText("clientOrderId"))
            .containsExactly("grid-7");
        final JsonNode seen = trader.at(second).get("/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId).json();
        assertThat(seen.get("clientOrderId").asText()).isEqualTo("grid-7");
        assertThat(trader.at(second).get("/api/v3/openOrders", "symbol=BTCUSDT").json().findValuesAsText(
            "clientOrderId")).containsExactly("grid-7");
        try (HikariDataSource pool = newPool();
             Gateway later = startOn(TestExchange.GATEWAY_CLIENT_ID + 6, pool, System::currentTimeMillis)) {
            assertThat(trader.at(later).get("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=grid-7").json()
                .get("orderId").asLong()).isEqualTo(orderId);
        }
        final Reply cancelled = trader.at(second).delete("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=grid-7");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("origClientOrderId").asText()).isEqualTo("grid-7");
        try (Connection connection = exchange.pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM gateway.client_order_id")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).as("strings written to the database").isZero();
        }
    }

    @Test
    void aListenKeyMadeOnOneGatewayStreamsOnAnotherAndAClosedKeyEndsOnBoth() throws Exception {
        final ApiClient trader = exchange.newTrader();
        final String key = listenKey(trader);
        final WsMessages onSecond = new WsMessages();
        connect(second, "/ws/" + key, onSecond);
        final WsMessages onFirst = new WsMessages();
        connect(first, "/stream?streams=" + key, onFirst);

        final long orderId = trader.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.1&price=40000").json().get("orderId").asLong();
        final JsonNode report = onSecond.next(m -> "executionReport".equals(m.path("e").asText()));
        assertThat(report.get("i").asLong()).isEqualTo(orderId);
        assertThat(report.get("x").asText()).isEqualTo("NEW");
        assertThat(onFirst.next(m -> "executionReport".equals(m.path("data").path("e").asText()))
            .get("stream").asText()).isEqualTo(key);

        assertThat(trader.at(second).keyOnly("PUT", "/api/v3/userDataStream?listenKey=" + key).status())
            .isEqualTo(200);
        assertThat(code(exchange.newTrader().at(second).keyOnly("PUT", "/api/v3/userDataStream?listenKey=" + key)))
            .as("another user's").isEqualTo(-1125);
        assertThat(trader.at(second).keyOnly("DELETE", "/api/v3/userDataStream?listenKey=" + key).status())
            .isEqualTo(200);
        assertThat(onSecond.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(onFirst.closed.get(UserStreams.SWEEP_INTERVAL_MS + 10_000, TimeUnit.MILLISECONDS))
            .as("closed on the first at its next sweep").isEqualTo(1000);
        assertThat(code(trader.keyOnly("PUT", "/api/v3/userDataStream?listenKey=" + key))).isEqualTo(-1125);
        final WsMessages refused = new WsMessages();
        exchange.http.newWebSocketBuilder().buildAsync(wsUri(first, "/ws/" + key), refused).join();
        assertThat(refused.closed.get(10, TimeUnit.SECONDS)).isEqualTo(StreamSubscriber.POLICY_VIOLATION);
    }

    @Test
    void aWebLoginOnOneGatewayIsValidOnAnotherUntilLoggedOutThere() {
        final ApiClient trader = exchange.newTrader();
        final Browser browser = logIn(first, trader);
        final JsonNode session = browser.get(second, "/web/v1/session").json();
        assertThat(session.path("loggedIn").asBoolean()).isTrue();
        assertThat(session.path("userId").asLong()).isEqualTo(trader.userId);
        assertThat(session.path("csrfToken").asText()).isEqualTo(browser.csrf());
        assertThat(browser.get(second, "/api/v3/account").json().path("balances").size()).isPositive();

        final String order = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100";
        assertThat(browser.post(second, "/api/v3/order", order, "wrong").status()).isEqualTo(403);
        final Reply placed = browser.post(second, "/api/v3/order", order, browser.csrf());
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(200);
        assertThat(placed.json().path("status").asText()).isEqualTo("NEW");

        assertThat(browser.post(second, "/web/v1/logout", "", browser.csrf()).status()).isEqualTo(200);
        assertThat(browser.get(first, "/web/v1/session").json().path("loggedIn").asBoolean()).isFalse();
        assertThat(browser.get(first, "/api/v3/account").status()).isEqualTo(401);
    }

    @Test
    void aRestartedGatewayStillKnowsItsListenKeysAndSessions() throws Exception {
        final ApiClient trader = exchange.newTrader();
        final String key;
        final Browser browser;
        try (HikariDataSource pool = newPool();
             Gateway before = startOn(TestExchange.GATEWAY_CLIENT_ID + 2, pool, System::currentTimeMillis)) {
            key = listenKey(trader.at(before));
            browser = logIn(before, trader);
        }
        try (HikariDataSource pool = newPool();
             Gateway after = startOn(TestExchange.GATEWAY_CLIENT_ID + 3, pool, System::currentTimeMillis)) {
            assertThat(browser.get(after, "/web/v1/session").json().path("loggedIn").asBoolean()).isTrue();
            assertThat(trader.at(after).keyOnly("PUT", "/api/v3/userDataStream?listenKey=" + key).status())
                .isEqualTo(200);
            final WsMessages stream = new WsMessages();
            connect(after, "/ws/" + key, stream);
            final long orderId = trader.post("/api/v3/order", "symbol=ETHUSDT&side=SELL&type=LIMIT"
                + "&timeInForce=GTC&quantity=0.1&price=3000").json().get("orderId").asLong();
            assertThat(stream.next(m -> "executionReport".equals(m.path("e").asText())).get("i").asLong())
                .isEqualTo(orderId);
        }
    }

    /**
     * Two more gateways whose clock the test moves (the listen key and session endpoints carry no timestamp, so
     * a moved clock refuses none of them): a keepalive on one carries the other's connection past the key's first
     * hour; the key's expiry then ends it there with listenKeyExpired; a session used on one stays alive on the
     * other, and ends on both once idle too long.
     */
    @Test
    void keepalivesAndExpiriesOnOneGatewayHoldOnAnother() throws Exception {
        final AtomicLong offsetMs = new AtomicLong();
        final LongSupplier clock = () -> System.currentTimeMillis() + offsetMs.get();
        final ApiClient trader = exchange.newTrader();
        try (HikariDataSource pool = newPool();
             Gateway one = startOn(TestExchange.GATEWAY_CLIENT_ID + 4, exchange.pool, clock);
             Gateway other = startOn(TestExchange.GATEWAY_CLIENT_ID + 5, pool, clock)) {
            final String key = listenKey(trader.at(one));
            final WsMessages stream = new WsMessages();
            connect(other, "/ws/" + key, stream);
            offsetMs.addAndGet(50 * MINUTE_MS);
            assertThat(trader.at(one).keyOnly("PUT", "/api/v3/userDataStream?listenKey=" + key).status())
                .isEqualTo(200);
            offsetMs.addAndGet(50 * MINUTE_MS);
            Thread.sleep(UserStreams.SWEEP_INTERVAL_MS + 1_000);
            exchange.operate((e, b, o, c, id) -> e.deposit(b, o, c, id, 0, trader.userId, TestExchange.ETH,
                100_000_000L, trader.userId * 1000 + 9));
            assertThat(stream.next(m -> "balanceUpdate".equals(m.path("e").asText())).get("d").asText())
                .as("still open after the sweep, 100 minutes in").isEqualTo("1.00000000");

            offsetMs.addAndGet(61 * MINUTE_MS);
            assertThat(stream.closed.get(UserStreams.SWEEP_INTERVAL_MS + 10_000, TimeUnit.MILLISECONDS))
                .isEqualTo(1000);
            assertThat(stream.next(m -> "listenKeyExpired".equals(m.path("e").asText())).get("listenKey").asText())
                .isEqualTo(key);
            assertThat(code(trader.at(other).keyOnly("PUT", "/api/v3/userDataStream?listenKey=" + key)))
                .isEqualTo(-1125);

            final Browser browser = logIn(one, trader);
            offsetMs.addAndGet(20 * MINUTE_MS);
            assertThat(browser.get(other, "/web/v1/session").json().path("loggedIn").asBoolean()).isTrue();
            offsetMs.addAndGet(20 * MINUTE_MS);
            assertThat(browser.get(one, "/web/v1/session").json().path("loggedIn").asBoolean())
                .as("40 minutes after login, 20 after its last use on the other gateway").isTrue();
            offsetMs.addAndGet(WebSessions.IDLE_MS + 1);
            assertThat(browser.get(other, "/web/v1/session").json().path("loggedIn").asBoolean()).isFalse();
            assertThat(browser.get(one, "/web/v1/session").json().path("loggedIn").asBoolean()).isFalse();
        }
    }

    private static HikariDataSource newPool() {
        return GatewayDatabase.pool(exchange.pool.getJdbcUrl(), TestPostgres.USER, "");
    }

    private static Gateway startOn(final long clientId, final DataSource pool, final LongSupplier clock) {
        return exchange.startGateway(clientId, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT,
            Gateway.Config.KEY_WEIGHT_PER_MINUTE_DEFAULT, 0, PostgresWebLogins.traders(pool), pool, clock);
    }

    /** Connects and waits until the listen key in the path is attached ({@link WsMessages#awaitOpened}). */
    private static WebSocket connect(final Gateway gateway, final String path, final WsMessages messages)
        throws Exception {
        final WebSocket socket = exchange.http.newWebSocketBuilder().buildAsync(wsUri(gateway, path), messages).join();
        messages.awaitOpened(socket);
        return socket;
    }

    private static URI wsUri(final Gateway gateway, final String path) {
        return URI.create("ws://127.0.0.1:" + gateway.port() + path);
    }

    /** Logs the trader in to the web app on {@code gateway}, with a login made for it on first use. */
    private static Browser logIn(final Gateway gateway, final ApiClient trader) {
        final String name = "trader" + trader.userId;
        if (logins.principalOf(name).isEmpty()) {
            logins.create(name, trader.userId, ("pw-of-" + name).toCharArray());
        }
        final Reply login = exchange.send(HttpRequest.newBuilder(exchange.uri(gateway, "/web/v1/login"))
            .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
            .header(WebSessions.CSRF_HEADER, "login")
            .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=pw-of-" + name)).build());
        assertThat(login.status()).as(login.raw().body()).isEqualTo(200);
        final String cookie = login.header("Set-Cookie").replaceFirst("^" + WebApp.TRADER_COOKIE + "=([^;]*);.*$",
            "$1");
        return new Browser(cookie, login.json().path("csrfToken").asText());
    }

    /** A browser's session cookie and CSRF token, presented to whichever gateway the balancer picks. */
    private record Browser(String cookie, String csrf) {
        Reply get(final Gateway gateway, final String path) {
            return exchange.send(HttpRequest.newBuilder(exchange.uri(gateway, path)).timeout(TIMEOUT)
                .header("Cookie", WebApp.TRADER_COOKIE + "=" + cookie).GET().build());
        }

        Reply post(final Gateway gateway, final String path, final String form, final String csrfToken) {
            return exchange.send(HttpRequest.newBuilder(exchange.uri(gateway, path)).timeout(TIMEOUT)
                .header("Cookie", WebApp.TRADER_COOKIE + "=" + cookie).header(WebSessions.CSRF_HEADER, csrfToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }
    }
}
