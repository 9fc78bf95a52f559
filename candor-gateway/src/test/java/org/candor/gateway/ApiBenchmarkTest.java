package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
                + gateway.port(), trader.key, TestExchange.secretOf(trader), "BTCUSDT", "100.00", "0.01", 2, 700,
                200, 200, null), new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(result.orders().requests()).isPositive();
            assertThat(result.orders().errors()).isZero();
            assertThat(result.ping().requests()).isPositive();
            assertThat(result.ping().errors()).isZero();
            final String[] lines = printed.toString(StandardCharsets.UTF_8).trim().split("\n");
            assertThat(lines[lines.length - 1]).startsWith("connections=2 order_requests=")
                .contains(" order_p99_us=", " ping_per_s=", " ping_p999_us=");
            // IOC orders below any ask leave nothing open.
            assertThat(trader.get("/api/v3/openOrders", "symbol=BTCUSDT").json().size()).isZero();
        }
    }
}
