package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldPolicy;
import org.candor.engine.HoldReason;
import org.candor.engine.PolicyKind;
import org.candor.engine.ReleaseCondition;
import org.candor.gateway.TestExchange.ApiClient;
import org.candor.gateway.TestExchange.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The native /v1 API over HTTP: markets, orders, balances, the fund status, its errors and its description. */
class NativeApiTest {
    private static final long OPERATOR_A = 501;
    private static final long OPERATOR_B = 502;
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
    void theOpenApiDescriptionNamesExactlyTheRoutesTheServerRegistersUnderV1() {
        final JsonNode description = exchange.get("/v1/openapi.json").json();
        assertThat(description.get("openapi").asText()).startsWith("3.");
        final Set<String> described = new TreeSet<>();
        final Iterator<Map.Entry<String, JsonNode>> paths = description.get("paths").fields();
        while (paths.hasNext()) {
            final Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> described.add(
                method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()));
        }
        final Set<String> registered = new TreeSet<>();
        for (final String route : exchange.gateway().routes()) {
            if (route.split(" ")[1].startsWith("/v1")) {
                registered.add(route);
            }
        }
        assertThat(registered).isNotEmpty();
        assertThat(described).isEqualTo(registered);
    }

    @Test
    void placesListsAndCancelsOrdersInMinorUnits() {
        final JsonNode markets = exchange.get("/v1/markets").json();
        assertThat(markets.size()).isEqualTo(2);
        assertThat(markets.get(0).get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(markets.get(0).get("base").get("scale").asInt()).isEqualTo(8);
        assertThat(markets.get(0).get("tickSize").asText()).isEqualTo("10000");

        final ApiClient trader = exchange.newTrader();
        final Reply placed = trader.post("/v1/orders", "symbol=ETHUSDT&side=buy&type=limit&price=100000000"
            + "&quantity=100000000&clientOrderId=native-1");
        assertThat(placed.status()).as(placed.json().toString()).isEqualTo(201);
        assertThat(placed.json().get("status").asText()).isEqualTo("new");
        assertThat(placed.json().get("price").asText()).isEqualTo("100000000");
        assertThat(placed.json().get("clientOrderId").asText()).isEqualTo("native-1");
        final long id = placed.json().get("id").asLong();
        final JsonNode book = exchange.get("/v1/markets/ETHUSDT/book?limit=5").json();
        assertThat(book.get("bids").get(0).get("price").asText()).isEqualTo("100000000");
        final JsonNode open = trader.get("/v1/orders", "open=true").json();
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).get("id").asLong()).isEqualTo(id);
        final JsonNode balances = trader.get("/v1/account/balances", "").json();
        assertThat(balances.toString()).contains("{\"asset\":\"USDT\",\"scale\":6,\"total\":\"1000000000000\","
            + "\"available\":\"999900000000\",\"inOrders\":\"100000000\",\"withdrawing\":\"0\",\"held\":\"0\"}");

        final Reply canceled = trader.delete("/v1/orders/" + id, "");
        assertThat(canceled.status()).as(canceled.json().toString()).isEqualTo(200);
        assertThat(canceled.json().get("status").asText()).isEqualTo("canceled");
        assertThat(trader.get("/v1/orders", "open=true").json().size()).isZero();
        final JsonNode all = trader.get("/v1/orders", "open=false").json();
        assertThat(all.size()).isEqualTo(1);
        assertThat(all.get(0).get("status").asText()).isEqualTo("canceled");
    }

    @Test
    void fundsShowEveryPartOfEachTotalAndThePartsAddUp() {
        final ApiClient trader = exchange.newTrader();
        final long user = trader.userId;
        trader.post("/v1/orders", "symbol=BTCUSDT&side=sell&type=limit&price=90000000000&quantity=50000000");
        final long withdrawal = withdrawToAnAllowListedAddress(user, TestExchange.BTC, 100_000_000L);
        final long deadline = System.currentTimeMillis() + 86_400_000L;
        final long hold = exchange.operateForReference((e, b, o, c, id) -> e.placeHold(b, o, c, id, 0, user,
            TestExchange.BTC, 200_000_000L, HoldKind.AMOUNT, HoldReason.COMPLIANCE_REVIEW, "Source of funds review",
            OPERATOR_A, deadline, ReleaseCondition.OPERATOR_RELEASE, 42, 0));
        exchange.operate((e, b, o, c, id) -> e.approveHold(b, o, c, id, 0, hold, OPERATOR_B));
        final long lawful = exchange.operateForReference((e, b, o, c, id) -> e.placeHold(b, o, c, id, 0, user,
            TestExchange.USDT, 5_000_000L, HoldKind.AMOUNT, HoldReason.WITHHELD_BY_LAW,
            HoldPolicy.WITHHELD_BY_LAW_EXPLANATION, OPERATOR_A, deadline, ReleaseCondition.OPERATOR_RELEASE, 0, 0));
        exchange.operate((e, b, o, c, id) -> e.approveHold(b, o, c, id, 0, lawful, OPERATOR_B));

        final JsonNode funds = trader.get("/v1/funds", "").json();
        final JsonNode btc = asset(funds, "BTC");
        assertThat(btc.get("total").asText()).isEqualTo("1000000000");
        assertThat(btc.get("available").asText()).isEqualTo("650000000");
        assertThat(btc.get("inOrders").toString())
            .isEqualTo("{\"total\":\"50000000\",\"markets\":[{\"symbol\":\"BTCUSDT\",\"amount\":\"50000000\"}]}");
        final JsonNode pending = btc.get("withdrawing").get("withdrawals").get(0);
        assertThat(pending.get("id").asLong()).isEqualTo(withdrawal);
        assertThat(pending.get("amount").asText()).isEqualTo("100000000");
        assertThat(pending.get("state").asText()).isEqualTo("requested");
        assertThat(pending.get("queuePosition").asInt()).isEqualTo(1);
        assertThat(pending.get("expectedBy").asLong()).isEqualTo(pending.get("stateSince").asLong() + 30 * 60_000L);
        assertThat(pending.get("deadlineMissed").asBoolean()).isFalse();
        final JsonNode held = btc.get("held").get("holds").get(0);
        assertThat(held.get("id").asLong()).isEqualTo(hold);
        assertThat(held.get("amount").asText()).isEqualTo("200000000");
        assertThat(held.get("reason").asText()).isEqualTo("compliance_review");
        assertThat(held.get("explanation").asText()).isEqualTo("Source of funds review");
        assertThat(held.get("state").asText()).isEqualTo("active");
        assertThat(held.get("reviewDeadline").asLong()).isEqualTo(deadline);
        assertThat(held.get("renewals").asInt()).isZero();
        assertThat(held.get("ticket").asText()).isEqualTo("42");
        assertThat(held.get("since").asLong()).isPositive();
        assertThat(asset(funds, "USDT").get("held").get("holds").get(0).get("explanation").asText())
            .isEqualTo(HoldPolicy.WITHHELD_BY_LAW_EXPLANATION);
        for (final JsonNode asset : funds.get("assets")) {
            assertPartsAddUp(asset);
        }
    }

    @Test
    void refusesBadInputWithStableCodesAndChangesNothing() {
        final ApiClient trader = exchange.newTrader();
        final String before = trader.get("/v1/account/balances", "").json().toString();
        assertError(trader.post("/v1/orders", "symbol=BTCUSDT&type=limit&price=1&quantity=1"), "MISSING_PARAMETER");
        assertError(trader.post("/v1/orders", "symbol=BTCUSDT&side=up&type=limit&price=1&quantity=1"),
            "INVALID_PARAMETER");
        assertError(trader.post("/v1/orders", "symbol=BTCUSDT&side=buy&type=limit&price=1.5&quantity=10000"),
            "INVALID_PARAMETER");
        assertError(trader.post("/v1/orders", "symbol=BTCUSDT&side=buy&type=limit&price=-1&quantity=10000"),
            "INVALID_PARAMETER");
        assertError(trader.post("/v1/orders", "symbol=BTCUSDT&side=buy&type=limit&price=99999999999999999999"
            + "&quantity=10000"), "INVALID_PARAMETER");
        assertError(trader.post("/v1/orders", "symbol=BTCUSDT&side=buy&type=limit&price=10001&quantity=10000"),
            "FILTER_FAILURE");
        assertError(trader.post("/v1/orders", "symbol=BTCUSDT&side=buy&type=limit&price=9000000000000"
            + "&quantity=1000000000"), "INSUFFICIENT_FUNDS");
        assertError(trader.post("/v1/orders", "symbol=NOPE&side=buy&type=limit&price=1&quantity=1"),
            "UNKNOWN_SYMBOL");
        assertError(trader.delete("/v1/orders/abc", ""), "INVALID_PARAMETER");
        assertError(trader.delete("/v1/orders/0", ""), "INVALID_PARAMETER");
        assertError(trader.delete("/v1/orders/999999", ""), "ORDER_NOT_FOUND");
        assertError(trader.get("/v1/orders", "open=maybe"), "INVALID_PARAMETER");
        assertError(trader.get("/v1/orders", "open=true&limit=0"), "INVALID_PARAMETER");
        assertError(exchange.get("/v1/markets/NOPE/book"), "UNKNOWN_SYMBOL");
        assertError(exchange.get("/v1/markets/BTCUSDT/book?limit=5001"), "INVALID_PARAMETER");
        assertError(exchange.get("/v1/funds"), "INVALID_API_KEY_FORMAT");
        final Reply unknown = exchange.get("/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(trader.get("/v1/account/balances", "").json().toString()).isEqualTo(before);
        assertThat(trader.get("/v1/orders", "open=true").json().size()).isZero();
    }

    private static void assertError(final Reply reply, final String code) {
        assertThat(reply.status()).as(reply.json().toString()).isBetween(400, 499);
        assertThat(reply.json().get("code").asText()).as(reply.json().toString()).isEqualTo(code);
        assertThat(reply.json().get("message").asText()).isNotEmpty();
        assertThat(reply.json().get("reference").asText()).isNotEmpty();
    }

    private static JsonNode asset(final JsonNode funds, final String code) {
        for (final JsonNode asset : funds.get("assets")) {
            if (asset.get("asset").asText().equals(code)) {
                return asset;
            }
        }
        throw new AssertionError("no asset " + code + " in " + funds);
    }

    private static void assertPartsAddUp(final JsonNode asset) {
        BigInteger sum = new BigInteger(asset.get("available").asText());
        sum = sum.add(partTotal(asset.get("inOrders"), "markets"));
        sum = sum.add(partTotal(asset.get("withdrawing"), "withdrawals"));
        sum = sum.add(partTotal(asset.get("held"), "holds"));
        assertThat(sum).as(asset.toString()).isEqualTo(new BigInteger(asset.get("total").asText()));
    }

    private static BigInteger partTotal(final JsonNode part, final String list) {
        BigInteger sum = BigInteger.ZERO;
        for (final JsonNode item : part.get(list)) {
            sum = sum.add(new BigInteger(item.get("amount").asText()));
        }
        assertThat(sum).as(part.toString()).isEqualTo(new BigInteger(part.get("total").asText()));
        return sum;
    }

    /**
     * Withdrawals go to allow-listed addresses once their time lock has passed (decision 0010): two operators take
     * the asset's lock to 0 (loosening needs both), the user adds an address, then withdraws to it.
     */
    private static long withdrawToAnAllowListedAddress(final long user, final int asset, final long amount) {
        final long proposal = exchange.operateForReference((e, b, o, c, id) -> e.setWithdrawalPolicy(b, o, c, id, 0,
            asset, PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK, 0, OPERATOR_A));
        if (proposal > 0) {
            exchange.operate((e, b, o, c, id) -> e.approvePolicyChange(b, o, c, id, 0, proposal, OPERATOR_B));
        }
        final long address = exchange.operateForReference((e, b, o, c, id) -> e.addWithdrawalAddress(b, o, c, id, 0,
            user, asset, "bc1-test-" + user));
        return exchange.operateForReference((e, b, o, c, id) -> e.requestWithdrawal(b, o, c, id, 0, user, asset,
            amount, address));
    }
}
