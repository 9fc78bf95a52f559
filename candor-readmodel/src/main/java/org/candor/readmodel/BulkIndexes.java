package org.candor.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The indexes of the large append-only tables, which a rebuild drops before loading and builds again at the end:
 * building an index once from sorted rows costs the server far less than maintaining it row by row. They are the
 * same definitions as in the migrations (V1; V3 for trades by market and time; a test checks it). Opening the
 * database builds any that are missing, so a rebuild interrupted between the two steps leaves nothing behind.
 */
final class BulkIndexes {
    /** One index: its name and its definition. */
    record Index(String name, String definition) {
    }

    static final List<Index> ALL = List.of(
        new Index("ledger_entries_key", "CREATE UNIQUE INDEX ledger_entries_key ON ledger_entries (seq)"),
        new Index("statement_lines_key", "CREATE UNIQUE INDEX statement_lines_key ON statement_lines "
            + "(user_id, asset_id, bucket, seq)"),
        new Index("order_events_key", "CREATE UNIQUE INDEX order_events_key ON order_events (order_id, seq)"),
        new Index("trades_key", "CREATE UNIQUE INDEX trades_key ON trades (trade_id)"),
        new Index("trades_by_market_time", "CREATE INDEX trades_by_market_time ON trades "
            + "(market_id, timestamp_ms, trade_id)"),
        new Index("user_trades_key", "CREATE UNIQUE INDEX user_trades_key ON user_trades "
            + "(user_id, trade_id, is_maker)"),
        new Index("orders_by_user", "CREATE INDEX orders_by_user ON orders (user_id, order_id)"));

    private BulkIndexes() {
    }

    static void drop(final Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (final Index index : ALL) {
                statement.execute("DROP INDEX IF EXISTS " + index.name());
            }
        }
    }

    /** Builds every index that is missing. A unique index fails to build over duplicate rows: a loud stop. */
    static void create(final Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (final Index index : ALL) {
                statement.execute(index.definition().replaceFirst("INDEX ", "INDEX IF NOT EXISTS "));
            }
        }
    }
}
