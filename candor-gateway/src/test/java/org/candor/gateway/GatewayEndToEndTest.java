package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.candor.gateway.TestExchange.ApiClient;
import org.candor.gateway.TestExchange.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Binance-compatible API over HTTP against a real one-node cluster, its event journal and PostgreSQL, used the
 * way CCXT's binance class uses it. Trades happen on BTCUSDT in one test; tests that leave orders use ETHUSDT at
 * prices far from any other test's.
 */
class GatewayEndToEndTest {
    private static TestExchange exchange;

    @BeforeAll
    static void start() throws Exception {
        exchange = new TestExchange();
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT * 100);
        final long deadline = System.currentTimeMillis() + 10_000;
        while (exchange.get("/api/v3/exchangeInfo").json().get("symbols").size() < 2) {
            assertThat(System.currentTimeMillis()).as("views caught up with the listing").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    @Test
    void answersPingTimeAndExchangeInfoWithFiltersAsDecimalStrings() {
        assertThat(exchange.get("/api/v3/ping").json().size()).isZero();
        final long serverTime = exchange.get("/api/v3/time").json().get("serverTime").asLong();
        assertThat(serverTime).isCloseTo(System.currentTimeMillis(), Offset.offset(5_000L));

        final Reply info = exchange.get("/api/v3/exchangeInfo?symbol=BTCUSDT");
        assertThat(info.header(RequestGuard.USED_WEIGHT_HEADER)).isNotNull();
        final JsonNode symbol = info.json().get("symbols").get(0);
        assertThat(symbol.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(symbol.get("status").asText()).isEqualTo("TRADING");
        assertThat(symbol.get("baseAsset").asText()).isEqualTo("BTC");
        assertThat(symbol.get("quoteAsset").asText()).isEqualTo("USDT");
        assertThat(symbol.get("baseAssetPrecision").asInt()).isEqualTo(8);
        final JsonNode filters = symbol.get("filters");
        assertThat(filters.get(0).get("filterType").asText()).isEqualTo("PRICE_FILTER");
        assertThat(filters.get(0).get("tickSize").asText()).isEqualTo("0.010000");
        assertThat(filters.get(0).get("minPrice").asText()).isEqualTo("0.010000");
        assertThat(filters.get(1).get("stepSize").asText()).isEqualTo("0.00010000");
        assertThat(filters.get(1).get("minQty").asText()).isEqualTo("0.00010000");
        assertThat(filters.get(1).get("maxQty").asText()).isEqualTo("100.00000000");
        assertThat(filters.get(2).get("minNotional").asText()).isEqualTo("1.000000");
        assertThat(exchange.get("/api/v3/exchangeInfo?symbol=NOPE").json().get("code").asInt()).isEqualTo(-1121);
    }

    @Test
    void answersTheCallsCcxtMakesAtLoadMarketsWithEmptyResults() {
        assertThat(exchange.get("/sapi/v1/capital/config/getall").json().isArray()).isTrue();
        assertThat(exchange.get("/sapi/v1/margin/allPairs").json().size()).isZero();
        assertThat(exchange.get("/sapi/v1/margin/isolated/allPairs").json().size()).isZero();
        assertThat(exchange.get("/fapi/v1/exchangeInfo").json().get("symbols").size()).isZero();
        assertThat(exchange.get("/dapi/v1/exchangeInfo").json().get("symbols").size()).isZero();
    }

    @Test
    void tradesThroughTheApiAndEveryReadShowsTheResult() {
        final ApiClient alice = exchange.newTrader();
        final ApiClient bob = exchange.newTrader();
        final Reply ask = alice.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.5000&price=30000.00&newClientOrderId=x-alice-ask-1");
        assertThat(ask.status()).as(ask.json().toString()).isEqualTo(200);
        assertThat(ask.json().get("status").asText()).isEqualTo("NEW");
        assertThat(ask.json().get("clientOrderId").asText()).isEqualTo("x-alice-ask-1");
        assertThat(ask.json().get("price").asText()).isEqualTo("30000.000000");
        assertThat(ask.json().get("origQty").asText()).isEqualTo("0.50000000");
        assertThat(ask.json().get("fills").size()).isZero();

        final JsonNode depth = exchange.get("/api/v3/depth?symbol=BTCUSDT&limit=5").json();
        assertThat(depth.get("lastUpdateId").asLong()).isPositive();
        assertThat(depth.get("asks").get(0).get(0).asText()).isEqualTo("30000.000000");
        assertThat(depth.get("asks").get(0).get(1).asText()).isEqualTo("0.50000000");

        final Reply buy = bob.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=3000"
            + "&newOrderRespType=FULL");
        assertThat(buy.status()).as(buy.json().toString()).isEqualTo(200);
        final JsonNode fill = buy.json().get("fills").get(0);
        assertThat(fill.get("price").asText()).isEqualTo("30000.000000");
        assertThat(fill.get("qty").asText()).isEqualTo("0.10000000");
        // Taker fee 20 bps of the 0.1 BTC received.
        assertThat(fill.get("commission").asText()).isEqualTo("0.00020000");
        assertThat(fill.get("commissionAsset").asText()).isEqualTo("BTC");
        assertThat(buy.json().get("executedQty").asText()).isEqualTo("0.10000000");
        assertThat(buy.json().get("cummulativeQuoteQty").asText()).isEqualTo("3000.000000");
        assertThat(buy.json().get("status").asText()).isEqualTo("FILLED");

        assertThat(balance(bob, "BTC")).containsExactly("10.09980000", "0.00000000");
        assertThat(balance(bob, "USDT")).containsExactly("997000.000000", "0.000000");
        assertThat(balance(alice, "BTC")).containsExactly("9.50000000", "0.40000000");

        final JsonNode order = alice.get("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=x-alice-ask-1").json();
        assertThat(order.get("status").asText()).isEqualTo("PARTIALLY_FILLED");
        assertThat(order.get("executedQty").asText()).isEqualTo("0.10000000");
        assertThat(order.get("updateTime").asLong()).isGreaterThanOrEqualTo(order.get("time").asLong());

        final JsonNode trades = exchange.get("/api/v3/trades?symbol=BTCUSDT&limit=10").json();
        assertThat(trades.get(trades.size() - 1).get("qty").asText()).isEqualTo("0.10000000");
        assertThat(trades.get(trades.size() - 1).get("isBuyerMaker").asBoolean()).isFalse();
        final JsonNode ticker = exchange.get("/api/v3/ticker/24hr?symbol=BTCUSDT").json();
        assertThat(ticker.get("lastPrice").asText()).isEqualTo("30000.000000");
        assertThat(ticker.get("askPrice").asText()).isEqualTo("30000.000000");
        assertThat(ticker.get("askQty").asText()).isEqualTo("0.40000000");
        assertThat(exchange.get("/api/v3/ticker/price").json().size()).isEqualTo(2);
        assertThat(exchange.get("/api/v3/ticker/bookTicker?symbol=BTCUSDT").json().get("askPrice").asText())
            .isEqualTo("30000.000000");

        final Reply cancel = alice.delete("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=x-alice-ask-1");
        assertThat(cancel.json().get("status").asText()).isEqualTo("CANCELED");
        assertThat(balance(alice, "BTC")).containsExactly("9.90000000", "0.00000000");

        final JsonNode noBook = bob.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.1").json();
        assertThat(noBook.get("code").asInt()).isEqualTo(-2010);
        alice.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.2&price=30100");
        alice.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.2&price=30200");
        final JsonNode swept = bob.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.3").json();
        assertThat(swept.get("status").asText()).as(swept.toString()).isEqualTo("FILLED");
        assertThat(swept.get("executedQty").asText()).isEqualTo("0.30000000");
        assertThat(swept.get("fills").size()).isEqualTo(2);
        assertThat(swept.get("cummulativeQuoteQty").asText()).isEqualTo("9040.000000");
        alice.delete("/api/v3/openOrders", "symbol=BTCUSDT");
    }

    @Test
    void listsAndCancelsOpenOrders() {
        final ApiClient carol = exchange.newTrader();
        for (int i = 1; i <= 3; i++) {
            final Reply placed = carol.post("/api/v3/order", "symbol=ETHUSDT&side=BUY&type=LIMIT_MAKER"
                + "&quantity=1&price=" + (100 + i) + "&newOrderRespType=ACK");
            assertThat(placed.json().has("orderId")).as(placed.json().toString()).isTrue();
            assertThat(placed.json().has("status")).isFalse();
        }
        final JsonNode open = carol.get("/api/v3/openOrders", "symbol=ETHUSDT").json();
        assertThat(open.size()).isEqualTo(3);
        assertThat(open.get(0).get("type").asText()).isEqualTo("LIMIT_MAKER");
        assertThat(carol.get("/api/v3/openOrders", "").json().size()).isEqualTo(3);

        final JsonNode cancelled = carol.delete("/api/v3/openOrders", "symbol=ETHUSDT").json();
        assertThat(cancelled.size()).isEqualTo(3);
        final List<String> statuses = new ArrayList<>();
        cancelled.forEach(order -> statuses.add(order.get("status").asText()));
        assertThat(statuses).containsOnly("CANCELED");
        assertThat(carol.get("/api/v3/openOrders", "symbol=ETHUSDT").json().size()).isZero();
    }

    @Test
    void mapsRejectionsToBinanceCodes() {
        final ApiClient dave = exchange.newTrader();
        final JsonNode poor = dave.post("/api/v3/order", "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
            + "&quantity=99&price=99999").json();
        assertThat(poor.get("code").asInt()).isEqualTo(-2010);
        assertThat(poor.get("msg").asText()).isEqualTo("Account has insufficient balance for requested action.");
        assertThat(code(dave.post("/api/v3/order", "symbol=NOPEUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
            + "&quantity=1&price=10"))).isEqualTo(-1121);
        assertThat(code(dave.post("/api/v3/order", "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
            + "&quantity=1&price=10.0000001"))).isEqualTo(-1111);
        assertThat(dave.post("/api/v3/order", "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
            + "&quantity=1&price=10.001").json().get("msg").asText()).isEqualTo("Filter failure: PRICE_FILTER");
        assertThat(code(dave.post("/api/v3/order", "symbol=ETHUSDT&side=BUY&type=LIMIT&quantity=1&price=10")))
            .isEqualTo(-1102);
        final JsonNode offLot = dave.post("/api/v3/order", "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.00001&price=10").json();
        assertThat(offLot.get("code").asInt()).isEqualTo(-1013);
        assertThat(offLot.get("msg").asText()).isEqualTo("Filter failure: LOT_SIZE");
        final ApiClient maker = exchange.newTrader();
        maker.post("/api/v3/order", "symbol=ETHUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=7000");
        final JsonNode wouldTake = dave.post("/api/v3/order", "symbol=ETHUSDT&side=BUY&type=LIMIT_MAKER"
            + "&quantity=1&price=7000").json();
        assertThat(wouldTake.get("code").asInt()).isEqualTo(-2010);
        maker.delete("/api/v3/openOrders", "symbol=ETHUSDT");
        assertThat(code(dave.delete("/api/v3/order", "symbol=ETHUSDT&orderId=12345"))).isEqualTo(-2011);
        assertThat(code(dave.get("/api/v3/order", "symbol=ETHUSDT&orderId=12345"))).isEqualTo(-2013);
        assertThat(code(dave.get("/api/v3/order", "symbol=ETHUSDT&origClientOrderId=never-sent")))
            .isEqualTo(-2013);
    }

    @Test
    void refusesBadSignaturesReplaysAndUnknownKeys() {
        final ApiClient erin = exchange.newTrader();
        final String signed = "/api/v3/account?" + erin.sign("");
        final Reply first = erin.getRaw(signed);
        assertThat(first.status()).as(first.json().toString()).isEqualTo(200);
        assertThat(first.json().get("uid").asLong()).isEqualTo(erin.userId);
        final Reply replay = erin.getRaw(signed);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("code").asInt()).isEqualTo(-1022);
        final Reply tampered = erin.getRaw("/api/v3/account?" + erin.sign("").replace("recvWindow=10000",
            "recvWindow=20000"));
        assertThat(tampered.json().get("code").asInt()).isEqualTo(-1022);
        assertThat(exchange.get("/api/v3/account?timestamp=1&signature=00").json().get("code").asInt())
            .isEqualTo(-2014);
    }

    @Test
    void aGatewayStartedLaterAnswersFromTheWholeHistoryAtOnce() {
        final ApiClient frank = exchange.newTrader();
        frank.post("/api/v3/order", "symbol=ETHUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=9000");
        final Gateway later = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID + 2,
            Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT * 100);
        try {
            final JsonNode depth = exchange.send(HttpRequest.newBuilder(
                exchange.uri(later, "/api/v3/depth?symbol=ETHUSDT&limit=1000")).build()).json();
            assertThat(depth.get("asks").toString()).contains("[\"9000.000000\",\"1.00000000\"]");
        } finally {
            later.close();
            frank.delete("/api/v3/openOrders", "symbol=ETHUSDT");
        }
    }

    @Test
    void limitsRequestWeightPerIpWith429ThenRetryAfter() {
        final Gateway tight = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID + 1, 3);
        try {
            final URI ping = exchange.uri(tight, "/api/v3/ping");
            for (int i = 1; i <= 3; i++) {
                final Reply ok = exchange.send(HttpRequest.newBuilder(ping).build());
                assertThat(ok.status()).isEqualTo(200);
                assertThat(ok.header(RequestGuard.USED_WEIGHT_HEADER)).isEqualTo(Integer.toString(i));
            }
            final Reply limited = exchange.send(HttpRequest.newBuilder(ping).build());
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().get("code").asInt()).isEqualTo(-1003);
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        } finally {
            tight.close();
        }
    }

    @Test
    void concurrentTradersEachSeeTheirOwnOrderOnTheirNextRead() throws Exception {
        final int traders = 6;
        final int ordersEach = 15;
        final List<ApiClient> clients = new ArrayList<>();
        for (int t = 0; t < traders; t++) {
            clients.add(exchange.newTrader());
        }
        final ExecutorService pool = Executors.newFixedThreadPool(traders);
        try {
            final List<Future<Integer>> seen = new ArrayList<>();
            for (final ApiClient client : clients) {
                seen.add(pool.submit(() -> placeAndReadBack(client, ordersEach)));
            }
            for (final Future<Integer> each : seen) {
                assertThat(each.get(60, TimeUnit.SECONDS)).isEqualTo(ordersEach);
            }
        } finally {
            pool.shutdownNow();
        }
        for (final ApiClient client : clients) {
            // 15 bids of 0.1 ETH at 50 USDT: 75 USDT in orders.
            assertThat(balance(client, "USDT")).containsExactly("999925.000000", "75.000000");
            client.delete("/api/v3/openOrders", "symbol=ETHUSDT");
        }
    }

    /** Places bids one by one; after each, the open orders must already include it. Returns how many were seen. */
    private static int placeAndReadBack(final ApiClient client, final int count) {
        int seen = 0;
        for (int i = 0; i < count; i++) {
            final Reply placed = client.post("/api/v3/order", "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=0.1&price=50&newOrderRespType=ACK");
            assertThat(placed.status()).as(placed.json().toString()).isEqualTo(200);
            final long orderId = placed.json().get("orderId").asLong();
            for (final JsonNode order : client.get("/api/v3/openOrders", "symbol=ETHUSDT").json()) {
                if (order.get("orderId").asLong() == orderId) {
                    seen++;
                }
            }
        }
        return seen;
    }

    private static int code(final Reply reply) {
        return reply.json().get("code").asInt();
    }

    /** [free, locked] of one asset in the account. */
    private static List<String> balance(final ApiClient client, final String asset) {
        for (final JsonNode row : client.get("/api/v3/account", "").json().get("balances")) {
            if (row.get("asset").asText().equals(asset)) {
                return List.of(row.get("free").asText(), row.get("locked").asText());
            }
        }
        return List.of();
    }
}
