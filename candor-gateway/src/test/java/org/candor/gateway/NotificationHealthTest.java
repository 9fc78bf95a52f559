package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Predicate;
import org.candor.gateway.TestExchange.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notifications are part of the health the status page reads: a feed that cannot write makes the gateway
 * degraded, with the reason, until it can again; nothing else is needed to bring it back.
 */
class NotificationHealthTest {
    private static final long WAIT_NS = 20_000_000_000L;
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
    void aFeedThatCannotWriteIsReportedDegradedUntilItRecovers() throws Exception {
        final ApiClient trader = exchange.newTrader();
        final JsonNode caughtUp = awaitHealth(h -> h.path("notifications").path("lagEvents").asLong() == 0
            && "ok".equals(h.path("status").asText()));
        assertThat(caughtUp.path("notifications").path("failing").asBoolean()).isFalse();
        assertThat(caughtUp.path("notifications").path("committedSeq").asLong())
            .isEqualTo(caughtUp.path("views").path("lastSeq").asLong());

        sql("ALTER TABLE notifications.follower_position RENAME TO follower_position_away");
        try {
            // New events for the feed to store; its write fails on the missing table.
            assertThat(trader.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=0.01&price=100").status()).isEqualTo(200);
            final JsonNode failing = awaitHealth(h -> h.path("notifications").path("failing").asBoolean());
            assertThat(failing.path("status").asText()).isEqualTo("degraded");
            assertThat(failing.path("history").path("failing").asBoolean()).as("history is not affected").isFalse();
        } finally {
            sql("ALTER TABLE notifications.follower_position_away RENAME TO follower_position");
        }
        final JsonNode recovered = awaitHealth(h -> !h.path("notifications").path("failing").asBoolean()
            && h.path("notifications").path("lagEvents").asLong() == 0);
        assertThat(recovered.path("status").asText()).as(recovered.toString()).isEqualTo("ok");
    }

    private static JsonNode awaitHealth(final Predicate<JsonNode> wanted) throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT_NS;
        JsonNode health = exchange.get("/v1/health").json();
        while (!wanted.test(health) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            health = exchange.get("/v1/health").json();
        }
        assertThat(wanted.test(health)).as(health.toString()).isTrue();
        return health;
    }

    private static void sql(final String statement) throws SQLException {
        try (Connection connection = exchange.readModel.dataSource().getConnection();
            Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
