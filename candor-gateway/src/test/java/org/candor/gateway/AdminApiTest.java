package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API over real HTTP, on its own port, with operator keys: operators create users, credit them and give
 * them keys; holds take effect only when a second operator approves; every request is in the hash-chained trail;
 * trading keys cannot operate and operator keys cannot trade.
 */
class AdminApiTest {
    private static final long OLIVIA = TestOperators.OLIVIA;
    private static TestExchange exchange;
    private static AdminServer admin;
    private static OperatorActions actions;
    private static OperatorClient olivia;
    private static OperatorClient oscar;

    @BeforeAll
    static void start() throws Exception {
        exchange = new TestExchange();
        final Gateway gateway = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID,
            Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT);
        final TestOperators operators = TestOperators.start(exchange, gateway);
        admin = operators.admin();
        actions = operators.actions();
        olivia = operators.olivia();
        oscar = operators.oscar();
    }

    @AfterAll
    static void stop() {
        CloseHelper.quietCloseAll(admin, exchange);
    }

    @Test
    void operatorsOpenAnAccountFundItAndIssueAKeyThatTrades() {
        assertThat(olivia.get("/admin/v1/whoami", "").json().path("operatorId").asLong()).isEqualTo(OLIVIA);
        assertThat(olivia.post("/admin/v1/users", "userId=7001").status()).isEqualTo(200);
        assertThat(olivia.post("/admin/v1/deposits", "userId=7001&asset=BTC&amount=1.25&depositRef=70011")
            .status()).isEqualTo(200);
        final TestExchange.Reply key = olivia.post("/admin/v1/api-keys", "userId=7001&permissions=READ,TRADE");
        assertThat(key.status()).isEqualTo(200);

        final TestExchange.ApiClient trader = new TestExchange.ApiClient(exchange, 7001,
            key.json().path("apiKey").asText(), key.json().path("secretKey").asText());
        final TestExchange.Reply account = trader.get("/api/v3/account", "omitZeroBalances=true");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.json().path("balances").get(0).path("asset").asText()).isEqualTo("BTC");
        assertThat(account.json().path("balances").get(0).path("free").asText()).isEqualTo("1.25000000");

        final TestExchange.Reply noUser = olivia.post("/admin/v1/api-keys", "userId=7999");
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.json().path("msg").asText()).contains("UNKNOWN_USER");
    }

    @Test
    void aDepositReferenceCreditedBeforeIsRefusedAndRecorded() {
        assertThat(olivia.post("/admin/v1/users", "userId=7004").status()).isEqualTo(200);
        assertThat(olivia.post("/admin/v1/deposits", "userId=7004&asset=BTC&amount=2&depositRef=70041").status())
            .isEqualTo(200);

        final TestExchange.Reply again = oscar.post("/admin/v1/deposits", "userId=7004&asset=BTC&amount=2"
            + "&depositRef=70041");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("code").asInt()).isEqualTo(-3116);
        assertThat(again.json().path("msg").asText()).isEqualTo("Refused by the engine: DEPOSIT_ALREADY_CREDITED.");
        assertThat(olivia.post("/admin/v1/deposits", "userId=7004&asset=USDT&amount=3&depositRef=70041").status())
            .as("the same reference in another asset").isEqualTo(200);
        assertThat(bucket(7004, "BTC", "total")).as("credited once").isEqualTo("2.00000000");
        assertThat(bucket(7004, "USDT", "total")).isEqualTo("3.000000");
        assertThat(oscar.get("/admin/v1/actions", "limit=10").json().path("actions").findValuesAsText("outcome"))
            .contains("DEPOSIT_ALREADY_CREDITED");
    }

    @Test
    void aHoldTakesEffectOnlyWhenASecondOperatorApprovesIt() {
        olivia.post("/admin/v1/users", "userId=7002");
        olivia.post("/admin/v1/deposits", "userId=7002&asset=USDT&amount=1000&depositRef=70021");
        final TestExchange.Reply placed = olivia.post("/admin/v1/holds", "userId=7002&asset=USDT&amount=400"
            + "&reason=COMPLIANCE_REVIEW&explanation=" + encode("We are checking the source of a deposit.")
            + "&reviewHours=48&ticketRef=5501");
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(200);
        final long holdId = placed.json().path("reference").asLong();
        assertThat(held(7002, "USDT")).isEqualTo("0.000000");

        final TestExchange.Reply self = olivia.post("/admin/v1/holds/approve", "holdId=" + holdId);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().path("msg").asText()).contains("SELF_APPROVAL");
        assertThat(held(7002, "USDT")).isEqualTo("0.000000");

        assertThat(oscar.post("/admin/v1/holds/approve", "holdId=" + holdId).status()).isEqualTo(200);
        assertThat(held(7002, "USDT")).isEqualTo("400.000000");

        assertThat(olivia.post("/admin/v1/holds/release", "holdId=" + holdId).status()).isEqualTo(200);
        assertThat(held(7002, "USDT")).isEqualTo("0.000000");

        final TestExchange.Reply trail = oscar.get("/admin/v1/actions", "limit=50");
        assertThat(trail.json().path("chainIntact").asBoolean()).isTrue();
        assertThat(trail.json().path("actions").findValuesAsText("outcome")).contains("SELF_APPROVAL");
        assertThat(trail.json().path("actions").findValuesAsText("action")).contains("place-hold",
            "approve-hold", "release-hold");
    }

    @Test
    void badInputsAreRefusedBeforeTheEngineAndChangeNothing() {
        olivia.post("/admin/v1/users", "userId=7003");
        final long before = actions.latest(1, 0).get(0).actionId();
        for (String params : new String[] {
            "userId=7003&asset=BTC&amount=-1&depositRef=1", "userId=7003&asset=BTC&amount=1e3&depositRef=1",
            "userId=7003&asset=BTC&amount=NaN&depositRef=1", "userId=7003&asset=DOGE&amount=1&depositRef=1",
            "userId=7003&asset=BTC&amount=0.000000001&depositRef=1", "userId=0&asset=BTC&amount=1&depositRef=1",
            "userId=7003&asset=BTC&amount=99999999999999999999&depositRef=1",
            "userId=7003&asset=BTC&amount=1&depositRef=0", "userId=7003&asset=BTC&amount=1&depositRef=-4"}) {
            final TestExchange.Reply reply = olivia.post("/admin/v1/deposits", params);
            assertThat(reply.status()).as(params).isEqualTo(400);
        }
        for (String params : new String[] {
            "userId=7003&asset=BTC&amount=1&reason=COURT_ORDER&explanation=" + "x".repeat(161) + "&reviewHours=1",
            "userId=7003&asset=BTC&amount=1&reason=COURT_ORDER&explanation=why&reviewHours=0",
            "userId=7003&asset=BTC&amount=1&reason=BECAUSE&explanation=why&reviewHours=1",
            "userId=7003&asset=BTC&amount=1&reason=COURT_ORDER&reviewHours=1"}) {
            assertThat(olivia.post("/admin/v1/holds", params).status()).as(params).isEqualTo(400);
        }
        assertThat(actions.latest(1, 0).get(0).actionId()).isEqualTo(before);
        assertThat(olivia.get("/admin/v1/balances", "userId=7003").json().path("balances").get(0)
            .path("total").asText()).isEqualTo("0.00000000");
    }

    @Test
    void operatorsListAssetsAndMarketsWithExactTerms() {
        assertThat(olivia.post("/admin/v1/assets", "assetId=9&code=SOL&scale=9").status()).isEqualTo(200);
        for (String bad : new String[] {"assetId=0&code=X&scale=2", "assetId=10&code=sol&scale=2",
            "assetId=10&code=XRP&scale=-1", "assetId=10&code=XRP&scale=19", "assetId=9&code=DUP&scale=2",
            "assetId=99999999999&code=XRP&scale=2", "assetId=10&code=XRP"}) {
            assertThat(olivia.post("/admin/v1/assets", bad).status()).as(bad).isEqualTo(400);
        }
        final String market = "marketId=7&symbol=SOLUSDT&baseAsset=SOL&quoteAsset=USDT&lotSize=0.01&minQty=0.01"
            + "&maxQty=100000&minNotional=1&makerFeeBps=10&takerFeeBps=20&tickSize=";
        for (String bad : new String[] {market + "0.0000001", market + "abc", market + "0.01&marketId=0",
            market.replace("baseAsset=SOL", "baseAsset=NOPE") + "0.01",
            market.replace("takerFeeBps=20", "takerFeeBps=5000") + "0.01"}) {
            assertThat(olivia.post("/admin/v1/markets", bad).status()).as(bad).isEqualTo(400);
        }
        assertThat(olivia.post("/admin/v1/markets", market + "0.01").status()).isEqualTo(200);
        assertThat(exchange.newTrader().get("/api/v3/exchangeInfo", "symbol=SOLUSDT").status()).isEqualTo(200);
        assertThat(oscar.get("/admin/v1/actions", "limit=30").json().path("actions").findValuesAsText("action"))
            .contains("create-asset", "create-market");
    }

    @Test
    void tradingKeysCannotOperateAndOperatorKeysCannotTrade() {
        final TestExchange.ApiClient trader = exchange.newTrader();
        final OperatorClient traderAsOperator = new OperatorClient(exchange, admin::port, trader.key,
            TestExchange.secretOf(trader));
        final TestExchange.Reply refused = traderAsOperator.post("/admin/v1/users", "userId=7004");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("code").asInt()).isEqualTo(-2015);

        final TestExchange.ApiClient operatorAsTrader = new TestExchange.ApiClient(exchange, OLIVIA,
            TestOperators.OLIVIA_KEY, "olivia-secret");
        assertThat(operatorAsTrader.get("/api/v3/account", "").json().path("code").asInt()).isEqualTo(-2015);
    }

    @Test
    void aHaltedMarketRefusesOrdersUntilResumed() {
        final TestExchange.ApiClient trader = exchange.newTrader();
        final String order = "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC&price=100.00&quantity=0.1000";
        assertThat(olivia.post("/admin/v1/markets/halt", "symbol=ETHUSDT").status()).isEqualTo(200);
        final TestExchange.Reply refused = trader.post("/api/v3/order", order);
        assertThat(refused.json().path("msg").asText()).isEqualTo("Market is closed.");
        assertThat(oscar.post("/admin/v1/markets/resume", "symbol=ETHUSDT").status()).isEqualTo(200);
        assertThat(trader.post("/api/v3/order", order).json().path("status").asText()).isEqualTo("NEW");
    }

    /** Prometheus scrapes the admin port: the views' progress, the read model's and notifications' lag as gauges. */
    @Test
    void theAdminPortServesMetrics() throws Exception {
        final java.net.http.HttpResponse<String> metrics = exchange.http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + admin.port() + "/metrics")).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("candor_views_last_seq").contains("candor_views_following 1.0")
            .contains("candor_readmodel_lag_events").contains("candor_notifications_lag_events")
            .contains("candor_notifications_failing 0.0");
    }

    /** Each command's stages are timed: an admin command through the engine shows in every stage's count. */
    @Test
    void theMetricsTimeEachStageOfACommand() throws Exception {
        final String before = scrapeMetrics();
        olivia.post("/admin/v1/users", "userId=7006");
        final String after = scrapeMetrics();

        for (final String stage : java.util.List.of("cluster", "answer_wait", "views")) {
            assertThat(stageCount(after, stage)).as(stage).isEqualTo(stageCount(before, stage) + 1);
        }
    }

    private String scrapeMetrics() throws Exception {
        return exchange.http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + admin.port() + "/metrics")).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double stageCount(final String metrics, final String stage) {
        final java.util.regex.Matcher line = java.util.regex.Pattern.compile(
            "candor_gateway_command_stage_seconds_count\\{stage=\"" + stage + "\",?\\} (\\S+)").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    @Test
    void anEditedTrailIsFoundOut() throws Exception {
        olivia.post("/admin/v1/users", "userId=7005");
        assertThat(actions.verify()).isZero();
        final long tampered = actions.latest(1, 0).get(0).actionId();
        try (Connection connection = exchange.pool.getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE gateway.operator_action SET operator_id = 999 WHERE action_id = "
                + tampered);
            assertThat(actions.verify()).isEqualTo(tampered);
            statement.executeUpdate("UPDATE gateway.operator_action SET operator_id = " + OLIVIA
                + " WHERE action_id = " + tampered);
        }
        assertThat(actions.verify()).isZero();
    }

    private static String held(final long userId, final String asset) {
        return bucket(userId, asset, "held");
    }

    private static String bucket(final long userId, final String asset, final String bucket) {
        for (var row : olivia.get("/admin/v1/balances", "userId=" + userId).json().path("balances")) {
            if (row.path("asset").asText().equals(asset)) {
                return row.path(bucket).asText();
            }
        }
        throw new AssertionError("no " + asset + " row");
    }

    private static String encode(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
