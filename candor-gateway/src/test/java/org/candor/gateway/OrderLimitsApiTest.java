package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.candor.gateway.TestExchange.ApiClient;
import org.candor.gateway.TestExchange.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Binance's ORDERS limits over HTTP: an account's new orders counted per 10 s and per day over both APIs, the counts
 * in X-MBX-ORDER-COUNT-* headers, 429 with -1015 past a limit with nothing placed, and exchangeInfo saying what
 * the limits are.
 */
class OrderLimitsApiTest {
    private static final String RESTING_BUY = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01"
        + "&price=100.00";
    private TestExchange exchange;

    @AfterEach
    void stop() {
        if (exchange != null) {
            exchange.close();
        }
    }

    @Test
    void theOrderPastTheTenSecondLimitIsRefusedWithMinus1015AndNotPlaced() throws Exception {
        exchange = new TestExchange();
        exchange.orderLimits(new OrderLimits(3, 1_000));
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT);
        final ApiClient trader = exchange.newTrader();
        final List<String> tenSecondCounts = new ArrayList<>();
        final List<String> dayCounts = new ArrayList<>();
        Reply refused = null;
        // Until refused: a 10-second window that ends in between only lets more orders through first.
        for (int attempt = 0; attempt < 12 && refused == null; attempt++) {
            final Reply reply = trader.post("/api/v3/order", RESTING_BUY);
            if (reply.status() == 200) {
                tenSecondCounts.add(reply.header(RequestGuard.ORDER_COUNT_10S_HEADER));
                dayCounts.add(reply.header(RequestGuard.ORDER_COUNT_1D_HEADER));
            } else {
                refused = reply;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asInt()).isEqualTo(-1015);
        assertThat(refused.json().get("msg").asText())
            .isEqualTo("Too many new orders; current limit is 3 orders per 10 SECOND.");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 10L);
        assertThat(tenSecondCounts).hasSizeGreaterThanOrEqualTo(3).endsWith("1", "2", "3");
        final List<String> expectedDays = new ArrayList<>();
        for (int i = 1; i <= dayCounts.size(); i++) {
            expectedDays.add(Integer.toString(i));
        }
        assertThat(dayCounts).isEqualTo(expectedDays);
        // Nothing of the refused order reached the engine: the open orders are the accepted ones.
        assertThat(trader.get("/api/v3/openOrders", "symbol=BTCUSDT").json().size()).isEqualTo(dayCounts.size());
    }

    @Test
    void theDailyLimitCountsBothApisOfTheAccountAndNoOtherAccount() throws Exception {
        exchange = new TestExchange();
        exchange.orderLimits(new OrderLimits(100, 3));
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT);
        final ApiClient trader = exchange.newTrader();
        assertThat(trader.post("/api/v3/order", RESTING_BUY).status()).isEqualTo(200);
        assertThat(trader.post("/api/v3/order", RESTING_BUY).status()).isEqualTo(200);
        final Reply nativeOrder = trader.post("/v1/orders", "symbol=BTCUSDT&side=buy&type=limit&price=100000000"
            + "&quantity=1000000");
        assertThat(nativeOrder.status()).as(nativeOrder.json().toString()).isEqualTo(201);
        assertThat(nativeOrder.header(RequestGuard.ORDER_COUNT_1D_HEADER)).isEqualTo("3");

        final Reply refused = trader.post("/v1/orders", "symbol=BTCUSDT&side=buy&type=limit&price=100000000"
            + "&quantity=1000000");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asText()).isEqualTo("ORDER_RATE_LIMITED");
        assertThat(refused.json().get("message").asText())
            .isEqualTo("Too many new orders; current limit is 3 orders per 1 DAY.");
        final Reply refusedBinance = trader.post("/api/v3/order", RESTING_BUY);
        assertThat(refusedBinance.status()).isEqualTo(429);
        assertThat(refusedBinance.json().get("code").asInt()).isEqualTo(-1015);
        assertThat(trader.get("/api/v3/openOrders", "symbol=BTCUSDT").json().size()).isEqualTo(3);

        // Reads and cancels are not orders: they still work for the limited account.
        final JsonNode open = trader.get("/api/v3/openOrders", "symbol=BTCUSDT").json();
        final Reply cancelled = trader.delete("/api/v3/order", "symbol=BTCUSDT&orderId="
            + open.get(0).get("orderId").asLong());
        assertThat(cancelled.status()).as(cancelled.json().toString()).isEqualTo(200);

        final ApiClient other = exchange.newTrader();
        assertThat(other.get("/api/v3/rateLimit/order", "").json().get(1).get("count").asLong()).isZero();
        final Reply otherOrder = other.post("/api/v3/order", RESTING_BUY);
        assertThat(otherOrder.status()).isEqualTo(200);
        assertThat(otherOrder.header(RequestGuard.ORDER_COUNT_1D_HEADER)).isEqualTo("1");

        // Binance's query of the counts: the limited account's day is full; reading it counts no order.
        final JsonNode counts = trader.get("/api/v3/rateLimit/order", "").json();
        assertThat(counts.get(1).toString())
            .isEqualTo("{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":3,\"count\":3}");
        assertThat(counts.get(0).get("interval").asText()).isEqualTo("SECOND");
        assertThat(counts.get(0).get("limit").asLong()).isEqualTo(100);
        assertThat(counts.get(0).get("count").asLong()).isBetween(0L, 3L);
    }

    @Test
    void exchangeInfoListsTheLimitsThisGatewayEnforces() throws Exception {
        exchange = new TestExchange();
        exchange.orderLimits(new OrderLimits(50, 160_000));
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, 1_200);
        final JsonNode limits = exchange.get("/api/v3/exchangeInfo").json().get("rateLimits");
        assertThat(limits.size()).isEqualTo(3);
        assertThat(limits.get(0).toString()).isEqualTo(
            "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":1200}");
        assertThat(limits.get(1).toString()).isEqualTo(
            "{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":50}");
        assertThat(limits.get(2).toString()).isEqualTo(
            "{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":160000}");
    }
}
