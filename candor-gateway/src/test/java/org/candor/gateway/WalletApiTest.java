package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Withdrawals over the real API: only to allow-listed addresses past their time lock, which two operators may
 * shorten and one cannot; every refusal names its cause; a pause is an operator's explicit, reasoned act that stops
 * one asset only; halting every market stops no withdrawal; the fund status shows the withdrawal under way.
 */
class WalletApiTest {
    private static TestExchange exchange;
    private static AdminServer admin;
    private static OperatorClient olivia;
    private static OperatorClient oscar;

    @BeforeAll
    static void start() throws Exception {
        exchange = new TestExchange();
        final Gateway gateway = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID,
            Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT);
        final TestOperators operators = TestOperators.start(exchange, gateway);
        admin = operators.admin();
        olivia = operators.olivia();
        oscar = operators.oscar();
    }

    @AfterAll
    static void stop() {
        CloseHelper.quietCloseAll(admin, exchange);
    }

    @Test
    void aWithdrawalGoesOnlyToAnUnlockedAllowListedAddressAndKeepsWorkingWhenTradingHalts() {
        final TestExchange.ApiClient user = userWithWithdrawKey(8001);
        // ETH's time lock is never lowered in this class: its addresses wait the default day.
        final TestExchange.Reply locked = user.post("/v1/withdrawal-addresses", "asset=ETH&address=0xlocked8001");
        assertThat(locked.status()).as(locked.raw().body()).isEqualTo(201);
        assertThat(locked.json().path("usable").asBoolean()).isFalse();
        final TestExchange.Reply tooSoon = user.post("/v1/withdrawals", "asset=ETH&addressId="
            + locked.json().path("id").asLong() + "&amount=10000000");
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(tooSoon.json().path("code").asText()).isEqualTo("ADDRESS_TIME_LOCKED");

        lowerTheTimeLockWithTwoOperators();
        final long addressId = user.post("/v1/withdrawal-addresses", "asset=BTC&address=bc1qready8001").json()
            .path("id").asLong();
        final TestExchange.Reply notListed = user.post("/sapi/v1/capital/withdraw/apply",
            "coin=BTC&address=bc1qsomeoneelse&amount=0.1");
        assertThat(notListed.status()).isEqualTo(400);
        assertThat(notListed.json().path("msg").asText()).contains("ADDRESS_NOT_ON_ALLOW_LIST");

        assertThat(olivia.post("/admin/v1/markets/halt", "symbol=BTCUSDT").status()).isEqualTo(200);
        assertThat(olivia.post("/admin/v1/markets/halt", "symbol=ETHUSDT").status()).isEqualTo(200);
        final TestExchange.Reply applied = user.post("/sapi/v1/capital/withdraw/apply",
            "coin=BTC&address=bc1qready8001&amount=0.1");
        assertThat(applied.status()).as(applied.raw().body()).isEqualTo(200);
        final long withdrawalId = Long.parseLong(applied.json().path("id").asText());
        assertThat(olivia.post("/admin/v1/markets/resume", "symbol=BTCUSDT").status()).isEqualTo(200);
        assertThat(olivia.post("/admin/v1/markets/resume", "symbol=ETHUSDT").status()).isEqualTo(200);

        final JsonNode history = user.get("/sapi/v1/capital/withdraw/history", "coin=BTC").json();
        assertThat(history.get(0).path("id").asText()).isEqualTo(Long.toString(withdrawalId));
        assertThat(history.get(0).path("address").asText()).isEqualTo("bc1qready8001");
        assertThat(history.get(0).path("amount").asText()).isEqualTo("0.10000000");
        final JsonNode withdrawing = btc(user.get("/v1/funds", "").json()).path("withdrawing");
        assertThat(withdrawing.path("total").asText()).isEqualTo("10000000");
        assertThat(withdrawing.path("withdrawals").get(0).path("state").asText()).isEqualTo("requested");
        assertThat(withdrawing.path("withdrawals").get(0).path("queuePosition").asInt()).isPositive();

        final TestExchange.Reply cancelled = user.delete("/v1/withdrawals/" + withdrawalId, "");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(btc(user.get("/v1/funds", "").json()).path("available").asText()).isEqualTo("100000000");
        assertThat(addressId).isPositive();
    }

    @Test
    void aPauseIsAReasonedOperatorActionThatStopsOneAssetOnly() {
        final TestExchange.ApiClient user = userWithWithdrawKey(8002);
        lowerTheTimeLockWithTwoOperators();
        final long btcAddress = user.post("/v1/withdrawal-addresses", "asset=BTC&address=bc1qpause8002").json()
            .path("id").asLong();
        final long usdtAddress = user.post("/v1/withdrawal-addresses", "asset=USDT&address=0xpause8002").json()
            .path("id").asLong();
        assertThat(olivia.post("/admin/v1/withdrawals/pause", "asset=BTC&reason=NETWORK_INCIDENT"
            + "&explanation=Bitcoin%20node%20upgrade%2C%20back%20within%20the%20hour").status()).isEqualTo(200);

        final TestExchange.Reply paused = user.post("/v1/withdrawals", "asset=BTC&addressId=" + btcAddress
            + "&amount=1000000");
        assertThat(paused.status()).isEqualTo(400);
        assertThat(paused.json().path("code").asText()).isEqualTo("WITHDRAWALS_PAUSED");
        final TestExchange.Reply other = user.post("/v1/withdrawals", "asset=USDT&addressId=" + usdtAddress
            + "&amount=1000000");
        assertThat(other.status()).as(other.raw().body()).isEqualTo(201);

        assertThat(oscar.post("/admin/v1/withdrawals/resume", "asset=BTC").status()).isEqualTo(200);
        assertThat(user.post("/v1/withdrawals", "asset=BTC&addressId=" + btcAddress + "&amount=1000000")
            .status()).isEqualTo(201);
        final JsonNode trail = oscar.get("/admin/v1/actions", "limit=20").json();
        assertThat(trail.path("actions").findValuesAsText("action")).contains("pause-withdrawals",
            "resume-withdrawals");
    }

    @Test
    void aKeyWithoutWithdrawPermissionCannotWithdrawOrAllowListAndBadInputChangesNothing() {
        final TestExchange.ApiClient trader = exchange.newTrader();
        assertThat(trader.post("/v1/withdrawal-addresses", "asset=BTC&address=bc1qnope").json().path("code")
            .asText()).isEqualTo("UNAUTHORIZED");
        assertThat(trader.post("/sapi/v1/capital/withdraw/apply", "coin=BTC&address=bc1qnope&amount=1").json()
            .path("code").asInt()).isEqualTo(-2015);
        final TestExchange.ApiClient user = userWithWithdrawKey(8003);
        for (String params : new String[] {"asset=BTC&address=", "asset=BTC&address=has%20space",
            "asset=DOGE&address=abc", "asset=BTC&address=" + "x".repeat(101)}) {
            assertThat(user.post("/v1/withdrawal-addresses", params).status()).as(params).isEqualTo(400);
        }
        for (String amount : new String[] {"0", "-1", "1e3", "NaN", "0.000000001", "99999999999999999999"}) {
            final TestExchange.Reply reply = user.post("/sapi/v1/capital/withdraw/apply",
                "coin=BTC&address=bc1qany&amount=" + amount);
            assertThat(reply.status()).as(amount).isEqualTo(400);
        }
        assertThat(user.get("/v1/withdrawal-addresses", "").json().size()).isZero();
        assertThat(btc(user.get("/v1/funds", "").json()).path("available").asText()).isEqualTo("100000000");
    }

    @Test
    void depositsAreInTheHistoryAndNoAddressIsInventedWithoutAWalletService() {
        final TestExchange.ApiClient user = userWithWithdrawKey(8004);
        final JsonNode history = user.get("/sapi/v1/capital/deposit/hisrec", "").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).path("coin").asText()).isEqualTo("USDT");
        assertThat(history.get(0).path("amount").asText()).isEqualTo("100.000000");
        assertThat(history.get(0).path("status").asInt()).isEqualTo(1);
        assertThat(history.get(0).path("insertTime").asLong()).isPositive();
        assertThat(user.get("/sapi/v1/capital/deposit/hisrec", "coin=BTC").json().get(0).path("amount").asText())
            .isEqualTo("1.00000000");
        final TestExchange.Reply address = user.get("/sapi/v1/capital/deposit/address", "coin=BTC");
        assertThat(address.status()).isEqualTo(503);
        assertThat(address.json().path("code").asInt()).isEqualTo(-1001);
    }

    /**
     * The withdraw history comes from the read model: finished withdrawals too, with Binance's status numbers, the
     * transaction, its fee and the failure, filtered by status and time, paged by offset; right after the user's own
     * last command (read-your-writes), and bad parameters are refused without effect.
     */
    @Test
    void theWithdrawHistoryShowsFinishedWithdrawalsWithBinanceStatusesAndPages() {
        final TestExchange.ApiClient user = userWithWithdrawKey(8005);
        lowerTheTimeLockWithTwoOperators();
        final long addressId = user.post("/v1/withdrawal-addresses", "asset=BTC&address=bc1qhistory8005").json()
            .path("id").asLong();
        final long confirmed = withdraw(user, addressId, 1_000_000);
        final long failed = withdraw(user, addressId, 2_000_000);
        final long cancelled = withdraw(user, addressId, 3_000_000);
        final long underWay = withdraw(user, addressId, 4_000_000);
        exchange.operate((e, b, o, c, id) -> e.claimWithdrawal(b, o, c, id, 0, confirmed));
        exchange.operate((e, b, o, c, id) -> e.markWithdrawalBroadcast(b, o, c, id, 0, confirmed, "0xdone8005",
            1_000));
        exchange.operate((e, b, o, c, id) -> e.completeWithdrawal(b, o, c, id, 0, confirmed));
        exchange.operate((e, b, o, c, id) -> e.failWithdrawal(b, o, c, id, 0, failed,
            org.candor.engine.WithdrawalFailure.REVERTED));
        // The user's own last command: the history that follows must include it and everything before it.
        assertThat(user.delete("/v1/withdrawals/" + cancelled, "").status()).isEqualTo(200);

        final JsonNode history = user.get("/sapi/v1/capital/withdraw/history", "coin=BTC").json();
        assertThat(history.findValuesAsText("id")).as(history.toString()).containsExactly(Long.toString(underWay),
            Long.toString(cancelled), Long.toString(failed), Long.toString(confirmed));
        assertThat(history.findValues("status")).extracting(JsonNode::asInt).containsExactly(4, 1, 5, 6);
        final JsonNode done = history.get(3);
        assertThat(done.path("txId").asText()).isEqualTo("0xdone8005");
        assertThat(done.path("transactionFee").asText()).isEqualTo("0.00001000");
        assertThat(done.path("amount").asText()).isEqualTo("0.01000000");
        assertThat(done.path("address").asText()).isEqualTo("bc1qhistory8005");
        assertThat(done.path("completeTime").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(history.get(2).path("info").asText()).isEqualTo("REVERTED");
        assertThat(history.get(0).has("completeTime")).isFalse();

        assertThat(user.get("/sapi/v1/capital/withdraw/history", "status=6").json().findValuesAsText("id"))
            .containsExactly(Long.toString(confirmed));
        assertThat(user.get("/sapi/v1/capital/withdraw/history", "offset=1&limit=2").json().findValuesAsText("id"))
            .containsExactly(Long.toString(cancelled), Long.toString(failed));
        assertThat(user.get("/sapi/v1/capital/withdraw/history", "coin=ETH").json().size()).isZero();
        assertThat(user.get("/sapi/v1/capital/withdraw/history", "startTime=0&endTime=1000").json().size()).isZero();
        final long now = System.currentTimeMillis();
        assertThat(user.get("/sapi/v1/capital/withdraw/history", "startTime=" + (now - 3_600_000)).json().size())
            .isEqualTo(4);
        final TestExchange.Reply tooLong = user.get("/sapi/v1/capital/withdraw/history", "startTime=0&endTime="
            + now);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("code").asInt()).isEqualTo(-1127);
        for (String bad : new String[] {"limit=0", "limit=1001", "offset=-1", "status=7", "status=x", "coin=DOGE",
            "startTime=5&endTime=4", "endTime=-1"}) {
            final TestExchange.Reply reply = user.get("/sapi/v1/capital/withdraw/history", bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.json().path("code").asInt()).as(bad).isIn(-1100, -1127);
        }
        // Another user sees none of these.
        assertThat(userWithWithdrawKey(8006).get("/sapi/v1/capital/withdraw/history", "").json().size()).isZero();
        final JsonNode deposits = user.get("/sapi/v1/capital/deposit/hisrec", "limit=1").json();
        assertThat(deposits.size()).isEqualTo(1);
        assertThat(deposits.get(0).path("coin").asText()).isEqualTo("USDT");
        assertThat(user.get("/sapi/v1/capital/deposit/hisrec", "offset=1").json().get(0).path("coin").asText())
            .isEqualTo("BTC");
        assertThat(user.get("/sapi/v1/capital/deposit/hisrec", "status=0").json().size()).isZero();
        assertThat(user.get("/sapi/v1/capital/deposit/hisrec", "status=2").status()).isEqualTo(400);
    }

    /** Without a read model, the deposit history pages the latest credited deposits the views keep. */
    @Test
    void aGatewayWithoutAReadModelFiltersAndPagesTheDepositsItsViewsKeep() {
        final TestExchange.ApiClient user = userWithWithdrawKey(8007);
        try (Gateway withoutHistory = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID + 1,
            Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT)) {
            final TestExchange.ApiClient there = user.at(withoutHistory);
            assertThat(coins(there, "")).containsExactly("USDT", "BTC");
            assertThat(coins(there, "limit=1")).containsExactly("USDT");
            assertThat(coins(there, "offset=1&limit=5")).containsExactly("BTC");
            assertThat(coins(there, "coin=BTC")).containsExactly("BTC");
            assertThat(coins(there, "status=0")).isEmpty();
            assertThat(coins(there, "startTime=0&endTime=1000")).isEmpty();
            assertThat(there.get("/sapi/v1/capital/deposit/hisrec", "status=2").status()).isEqualTo(400);
        }
    }

    private static List<String> coins(final TestExchange.ApiClient user, final String params) {
        final TestExchange.Reply reply = user.get("/sapi/v1/capital/deposit/hisrec", params);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json().findValuesAsText("coin");
    }

    private static long withdraw(final TestExchange.ApiClient user, final long addressId, final long amount) {
        final TestExchange.Reply reply = user.post("/v1/withdrawals", "asset=BTC&addressId=" + addressId
            + "&amount=" + amount);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.json().path("id").asLong();
    }

    /** Shortening the time lock loosens it: one operator proposes, the same one cannot approve, a second does. */
    private static void lowerTheTimeLockWithTwoOperators() {
        for (String asset : new String[] {"BTC", "USDT"}) {
            final TestExchange.Reply proposed = olivia.post("/admin/v1/policies/withdrawal",
                "asset=" + asset + "&kind=WITHDRAWAL_ADDRESS_TIME_LOCK&value=0");
            assertThat(proposed.status()).as(proposed.raw().body()).isEqualTo(200);
            final long proposal = proposed.json().path("reference").asLong();
            if (proposal == 0) {
                continue; // Already 0: applied at once, nothing to approve.
            }
            final TestExchange.Reply self = olivia.post("/admin/v1/policies/approve", "proposalId=" + proposal);
            assertThat(self.json().path("msg").asText()).contains("SELF_APPROVAL");
            assertThat(oscar.post("/admin/v1/policies/approve", "proposalId=" + proposal).status()).isEqualTo(200);
        }
    }

    /** A user opened and credited 1 BTC and 100 USDT by an operator, with a key that may withdraw. */
    private static TestExchange.ApiClient userWithWithdrawKey(final long userId) {
        assertThat(olivia.post("/admin/v1/users", "userId=" + userId).status()).isEqualTo(200);
        olivia.post("/admin/v1/deposits", "userId=" + userId + "&asset=BTC&amount=1&depositRef=" + userId);
        olivia.post("/admin/v1/deposits", "userId=" + userId + "&asset=USDT&amount=100&depositRef=" + (userId + 1));
        final JsonNode key = olivia.post("/admin/v1/api-keys", "userId=" + userId
            + "&permissions=READ,TRADE,WITHDRAW").json();
        return new TestExchange.ApiClient(exchange, userId, key.path("apiKey").asText(),
            key.path("secretKey").asText());
    }

    private static JsonNode btc(final JsonNode funds) {
        for (JsonNode asset : funds.path("assets")) {
            if ("BTC".equals(asset.path("asset").asText())) {
                return asset;
            }
        }
        throw new AssertionError("no BTC in " + funds);
    }
}
