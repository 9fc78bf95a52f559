package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.agrona.CloseHelper;
import org.candor.gateway.TestExchange.ApiClient;
import org.candor.gateway.TestExchange.Reply;
import org.candor.readmodel.CommittedPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second gateway on the same read model that reads the history the first one projects: a user reads their own
 * orders and trades there right after placing them there, and the second gateway writes nothing to the tables.
 */
class HistoryReaderGatewayTest {
    private static TestExchange exchange;
    private static Gateway reading;

    @BeforeAll
    static void start() throws Exception {
        exchange = new TestExchange();
        // The first gateway projects the read model (and is closed with the exchange).
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT);
        reading = exchange.startReadingGateway(TestExchange.GATEWAY_CLIENT_ID + 1);
    }

    @AfterAll
    static void stop() {
        CloseHelper.quietCloseAll(reading, exchange);
    }

    @Test
    void ordersAndTradesPlacedOnTheReadingGatewayAreInItsHistoryAtOnce() {
        final ApiClient seller = exchange.newTrader().at(reading);
        final ApiClient buyer = exchange.newTrader().at(reading);
        final Reply sold = seller.post("/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.1&price=40000&newClientOrderId=reader-sell");
        assertThat(sold.status()).as(sold.json().toString()).isEqualTo(200);
        final Reply bought = buyer.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.1&price=40000");
        assertThat(bought.status()).as(bought.json().toString()).isEqualTo(200);

        // Read-your-writes through another process's projection: the reading gateway waits for its commit.
        final JsonNode orders = buyer.get("/api/v3/allOrders", "symbol=BTCUSDT").json();
        assertThat(orders.size()).isEqualTo(1);
        assertThat(orders.get(0).get("status").asText()).isEqualTo("FILLED");
        final JsonNode sellerOrders = seller.get("/api/v3/allOrders", "symbol=BTCUSDT").json();
        assertThat(sellerOrders.findValuesAsText("clientOrderId")).containsExactly("reader-sell");
        final JsonNode trades = buyer.get("/api/v3/myTrades", "symbol=BTCUSDT").json();
        assertThat(trades.size()).isEqualTo(1);
        assertThat(trades.get(0).get("isBuyer").asBoolean()).isTrue();
    }

    @Test
    void theReadingGatewayWritesNothingAndKeepsNoNotifications() {
        final ApiClient trader = exchange.newTrader().at(reading);
        assertThat(trader.post("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
            + "&quantity=0.01&price=100").status()).isEqualTo(200);
        assertThat(trader.get("/api/v3/allOrders", "symbol=BTCUSDT").json().size()).isEqualTo(1);
        // One projecting process per schema: had the reading gateway projected too, the first one's projection
        // would have found the tables moved under it and be failing.
        final JsonNode firstHealth = exchange.get("/v1/health").json();
        assertThat(firstHealth.toString()).contains("\"failing\":false");
        final JsonNode readerHealth = exchange.send(java.net.http.HttpRequest.newBuilder(
            exchange.uri(reading, "/v1/health")).build()).json();
        assertThat(readerHealth.toString()).contains("\"failing\":false");
        assertThat(CommittedPosition.read(exchange.readModel).seq()).isPositive();

        final Reply notices = trader.get("/v1/notifications", "");
        assertThat(notices.status()).isEqualTo(503);
    }
}
