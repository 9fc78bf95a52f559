package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.WebSocket;
import org.candor.gateway.TestExchange.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public WebSocket streams against a real node and gateway, with the JDK's WebSocket client. */
class MarketStreamsTest {
    private static TestExchange exchange;

    @BeforeAll
    static void start() throws Exception {
        exchange = new TestExchange();
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    @Test
    void streamsTradesDepthDiffsThatContinueTheSnapshotAndBookTickers() throws Exception {
        final WsMessages messages = new WsMessages();
        final WebSocket socket = connect("/ws", messages);
        socket.sendText("{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@trade\",\"ethusdt@depth@100ms\","
            + "\"ethusdt@bookTicker\"],\"id\":7}", true).join();
        final JsonNode ack = messages.next(m -> m.has("id"));
        assertThat(ack.get("id").asInt()).isEqualTo(7);
        assertThat(ack.has("result")).isTrue();
        assertThat(ack.get("result").isNull()).isTrue();
        final long snapshot = exchange.get("/api/v3/depth?symbol=ETHUSDT").json().get("lastUpdateId").asLong();

        final ApiClient maker = exchange.newTrader();
        final ApiClient taker = exchange.newTrader();
        maker.post("/api/v3/order", "symbol=ETHUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=8000");
        final JsonNode rested = messages.next(m -> "depthUpdate".equals(m.path("e").asText()));
        assertThat(rested.get("U").asLong()).isLessThanOrEqualTo(snapshot + 1);
        assertThat(rested.get("u").asLong()).isGreaterThanOrEqualTo(snapshot + 1);
        assertThat(rested.get("a").toString()).isEqualTo("[[\"8000.000000\",\"1.00000000\"]]");
        final JsonNode top = messages.next(m -> m.has("A") && !m.has("e"));
        assertThat(top.get("a").asText()).isEqualTo("8000.000000");

        taker.post("/api/v3/order", "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.4&price=8000");
        final JsonNode trade = messages.next(m -> "trade".equals(m.path("e").asText()));
        assertThat(trade.get("s").asText()).isEqualTo("ETHUSDT");
        assertThat(trade.get("p").asText()).isEqualTo("8000.000000");
        assertThat(trade.get("q").asText()).isEqualTo("0.40000000");
        assertThat(trade.get("m").asBoolean()).isFalse();
        final JsonNode reduced = messages.next(m -> "depthUpdate".equals(m.path("e").asText()));
        assertThat(reduced.get("U").asLong()).isEqualTo(rested.get("u").asLong() + 1);
        assertThat(reduced.get("a").toString()).isEqualTo("[[\"8000.000000\",\"0.60000000\"]]");

        socket.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":8}", true).join();
        final JsonNode list = messages.next(m -> m.path("id").asInt() == 8);
        assertThat(list.get("result").toString()).contains("ethusdt@trade", "ethusdt@depth", "ethusdt@bookTicker");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        maker.delete("/api/v3/openOrders", "symbol=ETHUSDT");
    }

    @Test
    void combinedStreamsNamedAtConnectComeWrapped() throws Exception {
        final WsMessages messages = new WsMessages();
        final WebSocket socket = connect("/stream?streams=btcusdt@trade", messages);
        final ApiClient maker = exchange.newTrader();
        final ApiClient taker = exchange.newTrader();
        maker.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.1&price=40000");
        taker.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=4000");
        final JsonNode wrapped = messages.next(m -> m.has("stream"));
        assertThat(wrapped.get("stream").asText()).isEqualTo("btcusdt@trade");
        assertThat(wrapped.get("data").get("p").asText()).isEqualTo("40000.000000");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    private static WebSocket connect(final String path, final WsMessages messages) {
        final URI uri = URI.create("ws://127.0.0.1:" + exchange.gateway().port() + path);
        return exchange.http.newWebSocketBuilder().buildAsync(uri, messages).join();
    }
}
