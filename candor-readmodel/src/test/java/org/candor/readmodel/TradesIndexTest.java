package org.candor.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An aggTrades query with a time range far back reads {@code trades_by_market_time} from the range's start instead
 * of walking the trade id key from the first trade: the plan says so on 200,000 trades of two markets.
 */
class TradesIndexTest {
    private static final int TRADES = 200_000;

    @Test
    void aTimeRangeFarBackSeeksTheMarketTimeIndex() throws Exception {
        try (ReadModelDatabase database = TestDatabases.freshSchema("t_trades_index")) {
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                // One trade per 10 ms, markets alternating: ids and times grow together, as the engine makes them.
                statement.execute("INSERT INTO trades SELECT i, i, 1 + i % 2, 100, 1, 100, i, i, 1, 2, 0, 0, 0, "
                    + "1000000 + i * 10 FROM generate_series(1, " + TRADES + ") i");
                statement.execute("ANALYZE trades");
            }
            final long start = 1_000_000 + TRADES / 2 * 10L;
            final List<String> plan = Projections.rows(database, "EXPLAIN (ANALYZE, COSTS OFF) SELECT trade_id, "
                + "price, quantity, taker_order_id, taker_side, timestamp_ms FROM trades WHERE market_id=1 "
                + "AND trade_id>=0 AND timestamp_ms>=" + start + " AND timestamp_ms<" + (start + 3_600_000)
                + " ORDER BY timestamp_ms ASC, trade_id ASC LIMIT 500");
            assertThat(plan.get(1)).contains("Index Scan using trades_by_market_time");
            assertThat(new MarketTrades(database).aggregates(1, 0, new TimeRange(start, start + 3_600_000), false,
                500)).hasSize(500).allSatisfy(trade -> assertThat(trade.timestampMs()).isGreaterThanOrEqualTo(start));
        }
    }
}
