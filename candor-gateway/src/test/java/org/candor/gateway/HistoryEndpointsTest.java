package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.gateway.TestExchange.code;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.candor.gateway.TestExchange.ApiClient;
import org.candor.gateway.TestExchange.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * klines, aggTrades, allOrders and myTrades over HTTP, served from the read model the gateway projects the node's
 * journal into (a real PostgreSQL). One session of trades on BTCUSDT, read back right after the last command.
 */
class HistoryEndpointsTest {
    private static TestExchange exchange;
    private static ApiClient alice;
    private static ApiClient bob;
    private static long askId;

    @BeforeAll
    static void trade() throws Exception {
        exchange = new TestExchange();
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT * 100);
        alice = exchange.newTrader();
        bob = exchange.newTrader();
        final Reply ask = alice.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.5&price=30000&newClientOrderId=alice-ask");
        assertThat(ask.status()).as(ask.json().toString()).isEqualTo(200);
        askId = ask.json().get("orderId").asLong();
        assertThat(bob.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=3000").status())
            .isEqualTo(200);
        assertThat(bob.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.2"
            + "&price=30000").status()).isEqualTo(200);
        assertThat(alice.delete("/api/v3/order", "symbol=BTCUSDT&orderId=" + askId).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    /** The health endpoint reports real figures: the views' last sequence and the history's lag, which drains. */
    @Test
    void healthReportsTheHistoryCatchingUpWithTheExchange() throws InterruptedException {
        JsonNode health = exchange.get("/v1/health").json();
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (health.path("history").path("lagEvents").asLong() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            health = exchange.get("/v1/health").json();
        }
        assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("ok");
        assertThat(health.path("views").path("following").asBoolean()).isTrue();
        assertThat(health.path("views").path("lastSeq").asLong()).isPositive();
        assertThat(health.path("history").path("lagEvents").asLong()).isZero();
        assertThat(health.path("history").path("lagMs").asLong()).isZero();
        assertThat(health.path("history").path("committedSeq").asLong())
            .isEqualTo(health.path("views").path("lastSeq").asLong());
    }

    @Test
    void allOrdersShowsFinishedOrdersRightAfterTheCommandThatEndedThem() {
        final JsonNode aliceOrders = alice.get("/api/v3/allOrders", "symbol=BTCUSDT").json();
        assertThat(aliceOrders.size()).as(aliceOrders.toString()).isEqualTo(1);
        final JsonNode ask = aliceOrders.get(0);
        assertThat(ask.get("orderId").asLong()).isEqualTo(askId);
        assertThat(ask.get("clientOrderId").asText()).isEqualTo("alice-ask");
        assertThat(ask.get("status").asText()).isEqualTo("CANCELED");
        assertThat(ask.get("executedQty").asText()).isEqualTo("0.30000000");
        assertThat(ask.get("cummulativeQuoteQty").asText()).isEqualTo("9000.000000");
        assertThat(ask.get("origQty").asText()).isEqualTo("0.50000000");
        assertThat(ask.get("side").asText()).isEqualTo("SELL");
        assertThat(ask.get("updateTime").asLong()).isGreaterThanOrEqualTo(ask.get("time").asLong());

        final JsonNode bobOrders = bob.get("/api/v3/allOrders", "symbol=BTCUSDT").json();
        assertThat(statuses(bobOrders)).containsExactly("FILLED", "FILLED");
        assertThat(bobOrders.get(0).get("orderId").asLong()).isLessThan(bobOrders.get(1).get("orderId").asLong());
        final long second = bobOrders.get(1).get("orderId").asLong();
        assertThat(bob.get("/api/v3/allOrders", "symbol=BTCUSDT&orderId=" + second).json().size()).isEqualTo(1);
        assertThat(bob.get("/api/v3/allOrders", "symbol=BTCUSDT&limit=1").json().get(0).get("orderId").asLong())
            .isEqualTo(second);
        assertThat(bob.get("/api/v3/allOrders", "symbol=ETHUSDT").json().size()).isZero();
        assertThat(bob.get("/api/v3/allOrders", "symbol=BTCUSDT&startTime=1&endTime=2").json().size()).isZero();
    }

    @Test
    void myTradesShowBothSidesWithTheirCommissions() {
        final JsonNode bobTrades = bob.get("/api/v3/myTrades", "symbol=BTCUSDT").json();
        assertThat(bobTrades.size()).as(bobTrades.toString()).isEqualTo(2);
        final JsonNode first = bobTrades.get(0);
        assertThat(first.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(first.get("price").asText()).isEqualTo("30000.000000");
        assertThat(first.get("qty").asText()).isEqualTo("0.10000000");
        assertThat(first.get("quoteQty").asText()).isEqualTo("3000.000000");
        assertThat(first.get("commission").asText()).isEqualTo("0.00020000");
        assertThat(first.get("commissionAsset").asText()).isEqualTo("BTC");
        assertThat(first.get("isBuyer").asBoolean()).isTrue();
        assertThat(first.get("isMaker").asBoolean()).isFalse();
        assertThat(first.get("isBestMatch").asBoolean()).isTrue();
        assertThat(bobTrades.get(1).get("id").asLong()).isGreaterThan(first.get("id").asLong());

        final JsonNode aliceTrades = alice.get("/api/v3/myTrades", "symbol=BTCUSDT&orderId=" + askId).json();
        assertThat(aliceTrades.size()).isEqualTo(2);
        // Maker fee 10 bps of the 6000 USDT received for 0.2 BTC.
        assertThat(aliceTrades.get(1).get("commission").asText()).isEqualTo("6.000000");
        assertThat(aliceTrades.get(1).get("commissionAsset").asText()).isEqualTo("USDT");
        assertThat(aliceTrades.get(1).get("isMaker").asBoolean()).isTrue();
        assertThat(aliceTrades.get(1).get("isBuyer").asBoolean()).isFalse();
        final long secondId = aliceTrades.get(1).get("id").asLong();
        assertThat(alice.get("/api/v3/myTrades", "symbol=BTCUSDT&fromId=" + secondId).json().size()).isEqualTo(1);
        assertThat(alice.get("/api/v3/myTrades", "symbol=BTCUSDT&orderId=999999").json().size()).isZero();
    }

    @Test
    void aggTradesAggregateEachTakerOrderAtOnePrice() {
        final JsonNode trades = exchange.get("/api/v3/aggTrades?symbol=BTCUSDT").json();
        assertThat(trades.size()).as(trades.toString()).isEqualTo(2);
        final JsonNode first = trades.get(0);
        assertThat(first.get("a").asLong()).isEqualTo(first.get("f").asLong());
        assertThat(first.get("l").asLong()).isEqualTo(first.get("f").asLong());
        assertThat(first.get("p").asText()).isEqualTo("30000.000000");
        assertThat(first.get("q").asText()).isEqualTo("0.10000000");
        assertThat(first.get("m").asBoolean()).isFalse();
        assertThat(first.get("M").asBoolean()).isTrue();
        assertThat(first.get("T").asLong()).isPositive();
        final long second = trades.get(1).get("a").asLong();
        final JsonNode from = exchange.get("/api/v3/aggTrades?symbol=BTCUSDT&fromId=" + second).json();
        assertThat(from.size()).isEqualTo(1);
        assertThat(from.get(0).get("q").asText()).isEqualTo("0.20000000");
        assertThat(exchange.get("/api/v3/aggTrades?symbol=BTCUSDT&limit=1").json().get(0).get("a").asLong())
            .isEqualTo(second);
        final long time = first.get("T").asLong();
        assertThat(exchange.get("/api/v3/aggTrades?symbol=BTCUSDT&startTime=" + time + "&endTime=" + (time + 60_000))
            .json().size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void klinesInEveryIntervalAsBinanceArrays() {
        final JsonNode candles = exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=1m").json();
        assertThat(candles.size()).as(candles.toString()).isBetween(1, 2);
        long volumeMinor = 0;
        long tradeCount = 0;
        for (final JsonNode candle : candles) {
            assertThat(candle.size()).isEqualTo(12);
            assertThat(candle.get(6).asLong()).isEqualTo(candle.get(0).asLong() + 59_999);
            assertThat(candle.get(1).asText()).isEqualTo("30000.000000");
            volumeMinor += Decimals.toMinor("v", candle.get(5).asText(), 8);
            tradeCount += candle.get(8).asLong();
        }
        assertThat(volumeMinor).isEqualTo(30_000_000L);
        assertThat(tradeCount).isEqualTo(2);
        for (final String interval : List.of("3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d",
            "3d", "1w")) {
            final JsonNode one = exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=" + interval).json();
            assertThat(one.size()).as(interval + " " + one).isBetween(1, 2);
            assertThat(one.get(one.size() - 1).get(4).asText()).isEqualTo("30000.000000");
        }
        final JsonNode week = exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=1w").json().get(0);
        // Weeks open on Monday, 00:00 UTC: 1970-01-05 was one.
        assertThat((week.get(0).asLong() - 4 * 86_400_000L) % (7 * 86_400_000L)).isZero();
        final long open = candles.get(0).get(0).asLong();
        assertThat(exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=" + (open + 1)).json().size())
            .isEqualTo(candles.size() - 1);
        assertThat(exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=1m&endTime=" + (open - 1)).json().size())
            .isZero();
    }

    /**
     * The native statement: every movement on the user's BTC accounts, the running balance of each account, pages
     * by fromId that join up to the whole, only the caller's own lines; bad parameters get stable native codes.
     */
    @Test
    void theStatementListsEveryMovementWithTheRunningBalanceAndPagesByFromId() {
        final JsonNode newest = bob.get("/v1/statement", "asset=BTC&limit=1000").json();
        final JsonNode lines = newest.get("lines");
        assertThat(newest.get("asset").asText()).isEqualTo("BTC");
        assertThat(newest.get("nextFromId").isNull()).isTrue();
        // Bob: the 10 BTC deposit, then 0.1 and 0.2 BTC bought, each less its 20 bps taker fee.
        assertThat(lines.findValuesAsText("cause")).as(lines.toString()).containsExactly("deposit",
            "trade_settled", "trade_fee", "trade_settled", "trade_fee");
        assertThat(lines.findValuesAsText("amount")).containsExactly("1000000000", "10000000", "-20000", "20000000",
            "-40000");
        assertThat(lines.findValuesAsText("account")).containsOnly("available");
        long balance = 0;
        for (final JsonNode line : lines) {
            balance += Long.parseLong(line.get("amount").asText());
            assertThat(line.get("balance").asText()).isEqualTo(Long.toString(balance));
            assertThat(line.get("time").asLong()).isPositive();
        }
        final JsonNode account = bob.get("/api/v3/account", "").json();
        for (final JsonNode asset : account.get("balances")) {
            if (asset.get("asset").asText().equals("BTC")) {
                assertThat(Decimals.toMinor("free", asset.get("free").asText(), 8)).isEqualTo(balance);
            }
        }

        final List<String> paged = new ArrayList<>();
        String from = "0";
        for (int pages = 0; pages < 10 && !from.equals("null"); pages++) {
            final JsonNode page = bob.get("/v1/statement", "asset=BTC&limit=2&fromId=" + from).json();
            page.get("lines").forEach(line -> paged.add(line.get("id").asText()));
            from = page.get("nextFromId").asText();
        }
        assertThat(paged).isEqualTo(lines.findValuesAsText("id"));
        final long firstTime = lines.get(1).get("time").asLong();
        assertThat(bob.get("/v1/statement", "asset=BTC&startTime=" + firstTime).json().get("lines").size())
            .isEqualTo(4);

        // Alice's BTC lines are hers: her deposit, the ask's reservation and its release, the BTC she sold.
        final JsonNode alices = alice.get("/v1/statement", "asset=BTC").json().get("lines");
        assertThat(alices.findValuesAsText("account")).contains("in_orders");
        assertThat(alices.findValuesAsText("id")).doesNotContainAnyElementsOf(paged);
        for (String bad : new String[] {"asset=DOGE", "", "asset=BTC&limit=0", "asset=BTC&limit=1001",
            "asset=BTC&fromId=-1", "asset=BTC&startTime=5&endTime=4", "asset=BTC&fromId=x"}) {
            final Reply reply = bob.get("/v1/statement", bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.json().get("code").asText()).as(bad).isIn("INVALID_PARAMETER", "MISSING_PARAMETER");
        }
        assertThat(exchange.get("/v1/statement?asset=BTC").status()).isBetween(400, 401);
    }

    @Test
    void refusesBadParametersWithStableCodesAndNoServerErrors() {
        assertThat(code(exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=1M"))).isEqualTo(-1120);
        assertThat(code(exchange.get("/api/v3/klines?symbol=BTCUSDT"))).isEqualTo(-1102);
        assertThat(code(exchange.get("/api/v3/klines?symbol=NOPE&interval=1m"))).isEqualTo(-1121);
        assertThat(code(exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1001"))).isEqualTo(-1100);
        assertThat(code(exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=0"))).isEqualTo(-1100);
        assertThat(code(exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=5&endTime=4")))
            .isEqualTo(-1100);
        assertThat(code(exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=-5"))).isEqualTo(-1100);
        assertThat(code(exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=x"))).isEqualTo(-1100);
        assertThat(code(exchange.get("/api/v3/klines?symbol=BTCUSDT&interval=1m&endTime=9223372036854775807")))
            .isEqualTo(-1100);
        assertThat(code(exchange.get("/api/v3/aggTrades?symbol=BTCUSDT&fromId=-1"))).isEqualTo(-1100);
        assertThat(code(exchange.get("/api/v3/aggTrades?symbol=BTCUSDT&startTime=0&endTime=3600002")))
            .isEqualTo(-1127);
        assertThat(code(exchange.get("/api/v3/aggTrades?symbol=BTCUSDT&fromId=99999999999999999999")))
            .isEqualTo(-1100);
        assertThat(code(exchange.get("/api/v3/allOrders?symbol=BTCUSDT"))).isEqualTo(-2014);
        assertThat(code(alice.get("/api/v3/allOrders", ""))).isEqualTo(-1102);
        assertThat(code(alice.get("/api/v3/allOrders", "symbol=BTCUSDT&orderId=-3"))).isEqualTo(-1100);
        assertThat(code(alice.get("/api/v3/myTrades", "symbol=BTCUSDT&limit=5000"))).isEqualTo(-1100);
        assertThat(code(alice.get("/api/v3/myTrades", "symbol=BTCUSDT&fromId=abc"))).isEqualTo(-1100);
    }

    private static List<String> statuses(final JsonNode orders) {
        final List<String> list = new ArrayList<>();
        orders.forEach(order -> list.add(order.get("status").asText()));
        return list;
    }
}
