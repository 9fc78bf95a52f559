package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.candor.gateway.TestExchange.listenKey;
import static org.candor.gateway.TestExchange.code;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.candor.gateway.TestExchange.ApiClient;
import org.candor.gateway.TestExchange.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** User data streams: listen keys over HTTP, then orders and balances over a real WebSocket (the JDK's client). */
class UserDataStreamTest {
    private static TestExchange exchange;

    @BeforeAll
    static void start() throws Exception {
        exchange = new TestExchange();
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT * 100);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    @Test
    void reportsNewTradeCanceledAndBalancesToTheOrdersOwnerOnly() throws Exception {
        final ApiClient maker = exchange.newTrader();
        final ApiClient taker = exchange.newTrader();
        final WsMessages makerStream = new WsMessages();
        final WebSocket makerSocket = connect("/ws/" + listenKey(maker), makerStream);
        makerStream.awaitOpened(makerSocket);
        final WsMessages takerStream = new WsMessages();
        final WebSocket takerSocket = connect("/stream?streams=" + listenKey(taker), takerStream);
        takerStream.awaitOpened(takerSocket);

        final long orderId = maker.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.5&price=30000&newClientOrderId=maker-1").json().get("orderId").asLong();
        final JsonNode placed = makerStream.next(m -> "executionReport".equals(m.path("e").asText()));
        assertThat(placed.get("x").asText()).isEqualTo("NEW");
        assertThat(placed.get("X").asText()).isEqualTo("NEW");
        assertThat(placed.get("i").asLong()).isEqualTo(orderId);
        assertThat(placed.get("c").asText()).isEqualTo("maker-1");
        assertThat(placed.get("s").asText()).isEqualTo("BTCUSDT");
        assertThat(placed.get("S").asText()).isEqualTo("SELL");
        assertThat(placed.get("o").asText()).isEqualTo("LIMIT");
        assertThat(placed.get("q").asText()).isEqualTo("0.50000000");
        assertThat(placed.get("p").asText()).isEqualTo("30000.000000");
        assertThat(placed.get("T").asLong()).isPositive();
        final JsonNode reserved = makerStream.next(m -> "outboundAccountPosition".equals(m.path("e").asText()));
        assertThat(reserved.get("B").toString()).contains("{\"a\":\"BTC\",\"f\":\"9.50000000\",\"l\":\"0.50000000\"}");

        taker.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.2&price=30000");
        final JsonNode makerFill = makerStream.next(m -> "TRADE".equals(m.path("x").asText()));
        assertThat(makerFill.get("X").asText()).isEqualTo("PARTIALLY_FILLED");
        assertThat(makerFill.get("l").asText()).isEqualTo("0.20000000");
        assertThat(makerFill.get("z").asText()).isEqualTo("0.20000000");
        assertThat(makerFill.get("L").asText()).isEqualTo("30000.000000");
        assertThat(makerFill.get("Y").asText()).isEqualTo("6000.000000");
        assertThat(makerFill.get("n").asText()).isEqualTo("6.000000");
        assertThat(makerFill.get("N").asText()).isEqualTo("USDT");
        assertThat(makerFill.get("m").asBoolean()).isTrue();
        assertThat(makerFill.get("t").asLong()).isPositive();

        final JsonNode takerNew = takerStream.next(m -> "NEW".equals(m.path("data").path("x").asText()));
        assertThat(takerNew.get("stream").asText()).hasSize(UserStreams.KEY_LENGTH);
        final JsonNode takerFill = takerStream.next(m -> "TRADE".equals(m.path("data").path("x").asText()))
            .get("data");
        assertThat(takerFill.get("X").asText()).isEqualTo("FILLED");
        assertThat(takerFill.get("m").asBoolean()).isFalse();
        assertThat(takerFill.get("n").asText()).isEqualTo("0.00040000");
        assertThat(takerFill.get("N").asText()).isEqualTo("BTC");
        final JsonNode takerBalances = takerStream.next(m -> "outboundAccountPosition".equals(
            m.path("data").path("e").asText())).get("data");
        assertThat(takerBalances.get("B").toString()).contains("\"a\":\"BTC\",\"f\":\"10.19960000\"");

        maker.delete("/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId);
        final JsonNode canceled = makerStream.next(m -> "CANCELED".equals(m.path("x").asText()));
        assertThat(canceled.get("X").asText()).isEqualTo("CANCELED");
        assertThat(canceled.get("C").asText()).isEqualTo("maker-1");
        assertThat(canceled.get("z").asText()).isEqualTo("0.20000000");

        final AtomicLong depositRef = new AtomicLong(maker.userId * 1000 + 7);
        exchange.operate((e, b, o, c, id) -> e.deposit(b, o, c, id, 0, maker.userId, TestExchange.ETH,
            100_000_000L, depositRef.get()));
        final JsonNode deposit = makerStream.next(m -> "balanceUpdate".equals(m.path("e").asText()));
        assertThat(deposit.get("a").asText()).isEqualTo("ETH");
        assertThat(deposit.get("d").asText()).isEqualTo("1.00000000");
        makerSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        takerSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void listenKeysAreKeptAliveAndClosedOnlyByTheirUser() throws Exception {
        final ApiClient owner = exchange.newTrader();
        final ApiClient other = exchange.newTrader();
        final String key = listenKey(owner);
        assertThat(key).matches("[A-Za-z0-9]{60}");
        // Only hashes are stored, so a second POST cannot give the first key back: it makes another, both live.
        final String second = listenKey(owner);
        assertThat(second).matches("[A-Za-z0-9]{60}").isNotEqualTo(key);
        assertThat(owner.keyOnly("PUT", "/api/v3/userDataStream?listenKey=" + second).status()).isEqualTo(200);
        assertThat(owner.keyOnly("PUT", "/api/v3/userDataStream?listenKey=" + key).status()).isEqualTo(200);
        final Reply foreign = other.keyOnly("PUT", "/api/v3/userDataStream?listenKey=" + key);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("code").asInt()).isEqualTo(-1125);
        assertThat(code(owner.keyOnly("PUT", "/api/v3/userDataStream"))).isEqualTo(-1102);
        assertThat(code(owner.keyOnly("DELETE", "/api/v3/userDataStream?listenKey=nope"))).isEqualTo(-1125);
        assertThat(code(exchange.send(java.net.http.HttpRequest.newBuilder(exchange.uri(exchange.gateway(),
            "/api/v3/userDataStream")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build())))
            .isEqualTo(-2014);

        final WsMessages stream = new WsMessages();
        stream.awaitOpened(connect("/ws/" + key, stream));
        assertThat(owner.keyOnly("DELETE", "/api/v3/userDataStream?listenKey=" + key).status()).isEqualTo(200);
        assertThat(stream.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(code(owner.keyOnly("PUT", "/api/v3/userDataStream?listenKey=" + key))).isEqualTo(-1125);

        final WsMessages unknown = new WsMessages();
        connect("/ws/" + "A".repeat(UserStreams.KEY_LENGTH), unknown);
        assertThat(unknown.closed.get(10, TimeUnit.SECONDS)).isEqualTo(StreamSubscriber.POLICY_VIOLATION);
    }

    @Test
    void aListenKeyExpiresAnHourAfterItsLastKeepalive() {
        final AtomicLong clock = new AtomicLong(1_000_000);
        final PostgresListenKeys keys = new PostgresListenKeys(migratedDatabase());
        try (UserStreams streams = new UserStreams(new ReadViews(), new ClientOrderIds(1), keys, clock::get)) {
            final String key = streams.open(7);
            clock.addAndGet(UserStreams.EXPIRY_MS - 1);
            streams.keepAlive(7, key);
            clock.addAndGet(UserStreams.EXPIRY_MS - 1);
            streams.keepAlive(7, key);
            clock.addAndGet(UserStreams.EXPIRY_MS);
            assertThat(unknownKeyCode(() -> streams.keepAlive(7, key))).isEqualTo(-1125);
            assertThat(unknownKeyCode(() -> streams.close(7, key))).isEqualTo(-1125);
            assertThat(keys.find(TokenHash.of(key), clock.get())).isNull();
            assertThat(keys.purgeExpired(clock.get(), UserStreams.PURGE_ROWS_MAX)).as("the expired row").isOne();
            assertThat(streams.open(7)).isNotEqualTo(key);
        }
    }

    @Test
    void aUserKeepsAtMostEightLiveKeysTheOldestClosedFirst() {
        final AtomicLong clock = new AtomicLong(1_000_000);
        final PostgresListenKeys keys = new PostgresListenKeys(migratedDatabase());
        try (UserStreams streams = new UserStreams(new ReadViews(), new ClientOrderIds(1), keys, clock::get)) {
            final List<String> made = new ArrayList<>();
            for (int i = 0; i <= UserStreams.KEYS_PER_USER_MAX; i++) {
                clock.incrementAndGet();
                made.add(streams.open(7));
            }
            final String other = streams.open(8);
            assertThat(unknownKeyCode(() -> streams.keepAlive(7, made.get(0)))).isEqualTo(-1125);
            for (final String live : made.subList(1, made.size())) {
                streams.keepAlive(7, live);
            }
            assertThat(keys.liveCount(clock.get())).isEqualTo(UserStreams.KEYS_PER_USER_MAX + 1);
            assertThat(unknownKeyCode(() -> streams.keepAlive(7, other))).as("another user's key").isEqualTo(-1125);
            assertThat(unknownKeyCode(() -> streams.close(8, made.get(1)))).isEqualTo(-1125);
            streams.close(8, other);
            assertThat(unknownKeyCode(() -> streams.keepAlive(8, other))).isEqualTo(-1125);
        }
    }

    /** A database of its own: the gateway's sweep, on the real clock, would purge keys made on a test clock. */
    private static DataSource migratedDatabase() {
        final DataSource database = TestPostgres.freshDatabase();
        PostgresApiKeyStore.migrate(database, new SecretCipher(PostgresApiKeyStoreTest.MASTER_KEY));
        return database;
    }

    private static int unknownKeyCode(final ThrowingCallable call) {
        return catchThrowableOfType(call, ApiError.class).code();
    }

    private static WebSocket connect(final String path, final WsMessages messages) {
        final URI uri = URI.create("ws://127.0.0.1:" + exchange.gateway().port() + path);
        return exchange.http.newWebSocketBuilder().buildAsync(uri, messages).join();
    }
}
