package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.gateway.TestExchange.listenKey;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import org.agrona.CloseHelper;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.ReleaseCondition;
import org.candor.gateway.TestExchange.ApiClient;
import org.candor.gateway.TestExchange.Reply;
import org.candor.readmodel.CommittedPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second gateway on the same read model that reads the history the first one projects: a user reads their own
 * orders and trades there right after placing them there, and the second gateway writes nothing to the tables; it
 * lists the notifications the first one writes and pushes new ones to its own users' streams.
 */
class HistoryReaderGatewayTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestExchange exchange;
    private static Gateway reading;

    @BeforeAll
    static void start() throws Exception {
        exchange = new TestExchange();
        // The first gateway projects the read model (and is closed with the exchange).
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT);
        reading = exchange.startReadingGateway(TestExchange.GATEWAY_CLIENT_ID + 1);
    }

    @AfterAll
    static void stop() {
        CloseHelper.quietCloseAll(reading, exchange);
    }

    @Test
    void ordersAndTradesPlacedOnTheReadingGatewayAreInItsHistoryAtOnce() {
        final ApiClient seller = exchange.newTrader().at(reading);
        final ApiClient buyer = exchange.newTrader().at(reading);
        final Reply sold = seller.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.1&price=40000&newClientOrderId=reader-sell");
        assertThat(sold.status()).as(sold.json().toString()).isEqualTo(200);
        final Reply bought = buyer.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.1&price=40000");
        assertThat(bought.status()).as(bought.json().toString()).isEqualTo(200);

        // Read-your-writes through another process's projection: the reading gateway waits for its commit.
        final JsonNode orders = buyer.get("/api/v3/allOrders", "symbol=BTCUSDT").json();
        assertThat(orders.size()).isEqualTo(1);
        assertThat(orders.get(0).get("status").asText()).isEqualTo("FILLED");
        final JsonNode sellerOrders = seller.get("/api/v3/allOrders", "symbol=BTCUSDT").json();
        assertThat(sellerOrders.findValuesAsText("clientOrderId")).containsExactly("reader-sell");
        final JsonNode trades = buyer.get("/api/v3/myTrades", "symbol=BTCUSDT").json();
        assertThat(trades.size()).isEqualTo(1);
        assertThat(trades.get(0).get("isBuyer").asBoolean()).isTrue();
    }

    @Test
    void theReadingGatewayWritesNothing() {
        final ApiClient trader = exchange.newTrader().at(reading);
        assertThat(trader.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.01&price=100").status()).isEqualTo(200);
        assertThat(trader.get("/api/v3/allOrders", "symbol=BTCUSDT").json().size()).isEqualTo(1);
        // One projecting process per schema: had the reading gateway projected too, the first one's projection
        // would have found the tables moved under it and be failing.
        final JsonNode firstHealth = exchange.get("/v1/health").json();
        assertThat(firstHealth.toString()).contains("\"failing\":false");
        final JsonNode readerHealth = exchange.send(java.net.http.HttpRequest.newBuilder(
            exchange.uri(reading, "/v1/health")).build()).json();
        assertThat(readerHealth.toString()).contains("\"failing\":false");
        assertThat(CommittedPosition.read(exchange.readModel).seq()).isPositive();
    }

    @Test
    void theReadingGatewayListsAndPushesTheNotificationsTheProjectingOneWrites() throws Exception {
        final ApiClient user = exchange.newTrader().at(reading);
        final WsMessages stream = new WsMessages();
        final WebSocket socket = exchange.http.newWebSocketBuilder().buildAsync(
            URI.create("ws://127.0.0.1:" + reading.port() + "/ws/" + listenKey(user)), stream).join();
        stream.awaitOpened(socket);

        // newTrader made three deposits; the projecting gateway writes their notifications, this one reads them.
        final JsonNode deposits = user.awaitNotifications(page -> page.get("notifications").size() == 3, WAIT);
        assertThat(deposits.get("notifications").findValuesAsText("kind")).containsOnly("deposit_credited");
        assertThat(deposits.get("unreadCount").asInt()).isEqualTo(3);

        final long hold = exchange.operateForReference((e, b, o, c, id) -> e.placeHold(b, o, c, id, 0, user.userId,
            TestExchange.BTC, 100_000_000L, HoldKind.AMOUNT, HoldReason.COMPLIANCE_REVIEW, "Reader test", 701,
            System.currentTimeMillis() + 86_400_000L, ReleaseCondition.OPERATOR_RELEASE, 0, 0));
        final JsonNode pushed = stream.next(m -> "candorNotification".equals(m.path("e").asText())
            && "hold_pending_approval".equals(m.path("kind").asText()));
        assertThat(pushed.get("holdId").asLong()).isEqualTo(hold);
        final JsonNode listed = user.awaitNotifications(page -> page.get("notifications").size() == 4, WAIT);
        assertThat(listed.get("notifications").get(0).get("id").asLong()).isEqualTo(pushed.get("id").asLong());

        // Read marks are the user's own state: any gateway on the schema may move them.
        final Reply marked = user.post("/v1/notifications/read", "upToId=" + pushed.get("id").asLong());
        assertThat(marked.status()).as(marked.json().toString()).isEqualTo(200);
        assertThat(marked.json().get("unreadCount").asInt()).isZero();
        socket.abort();
    }
}
