package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.candor.gateway.TestExchange.ApiClient;
import org.junit.jupiter.api.Test;

/** The `candor bench api` workload runs against a real gateway and reports both phases, key=value last. */
class ApiBenchmarkTest {
    @Test
    void measuresOrdersAndPingOverRealConnections() throws Exception {
        try (TestExchange exchange = new TestExchange()) {
            // As `candor bench api`: limits far above a trader's, so the run measures the server, not its limits.
            exchange.orderLimits(new OrderLimits(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4));
            final Gateway gateway = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Long.MAX_VALUE / 4,
                Long.MAX_VALUE / 4, 0);
            final ApiClient trader = exchange.newTrader();
            final ByteArrayOutputStream printed = new ByteArrayOutputStream();
            final ApiBenchmark.Result result = ApiBenchmark.run(new ApiBenchmark.Options("http://127.0.0.1:"
                + gateway.port(), trader.key, TestExchange.secretOf(trader), "BTCUSDT", "100.00", "0.01", 2, 400,
                200, 200, null, 3), new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(result.orders().requests()).isPositive();
            assertThat(result.orders().errors()).isZero();
            assertThat(result.ping().requests()).isPositive();
            assertThat(result.ping().errors()).isZero();
            final String[] lines = printed.toString(StandardCharsets.UTF_8).trim().split("\n");
            assertThat(lines[lines.length - 1]).startsWith("connections=2 order_requests=")
                .contains(" order_p99_us=", " ping_per_s=", " ping_p999_us=", " order_ping_pct=", " rounds=3 ",
                    " order_ping_pct_min=", " order_ping_pct_max=");
            // Three rounds measured, and the summary is the median one: its ratio between the least and the most.
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("round 1 of 3", "round 3 of 3");
            final Map<String, String> summary = new HashMap<>();
            for (final String pair : lines[lines.length - 1].split(" ")) {
                summary.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            assertThat(Long.parseLong(summary.get("order_ping_pct"))).isBetween(
                Long.parseLong(summary.get("order_ping_pct_min")), Long.parseLong(summary.get("order_ping_pct_max")));
            assertThat(Math.round(result.orderPingPercent())).isEqualTo(Long.parseLong(summary.get("order_ping_pct")));
            // IOC orders below any ask leave nothing open.
            assertThat(trader.get("/api/v3/openOrders", "symbol=BTCUSDT").json().size()).isZero();
        }
    }
}
