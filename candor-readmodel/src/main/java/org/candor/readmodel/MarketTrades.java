package org.candor.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.candor.engine.Side;

/**
 * A market's public trades, compressed as Binance's aggregate trades: consecutive trades of one taker order at one
 * price are one aggregate. A taker's order matches within one command, so its trades at one price are consecutive
 * trade ids with one timestamp. An aggregate's id is its first trade's id: ids grow with time but are not
 * contiguous. Public market data: no user filter.
 */
public final class MarketTrades {
    /** Rows fetched from the server per round trip while aggregating. */
    static final int FETCH_ROWS = 512;
    private static final String SELECT = "SELECT trade_id, price, quantity, taker_order_id, taker_side, timestamp_ms "
        + "FROM trades WHERE market_id=? AND trade_id>=? AND timestamp_ms>=? AND timestamp_ms<? ORDER BY ";
    /**
     * With a time range the rows come in (timestamp, trade id) order, which is trade id order (trade ids grow with
     * command time), so the planner reads {@code trades_by_market_time} from the range's start rather than walking
     * every trade id since {@code fromTradeId}. Measured by {@code TradesIndexTest} (200,000 trades of two markets,
     * embedded PostgreSQL 17.6, a one-hour range starting half-way, limit 500): "Limit -> Index Scan using
     * trades_by_market_time on trades, Index Cond: market_id, timestamp_ms range, trade_id", 0.41 ms to execute.
     */
    private static final String BY_TIME = "timestamp_ms %1$s, trade_id %1$s";
    private static final String BY_ID = "trade_id %1$s";

    private final ReadModelDatabase database;

    public MarketTrades(final ReadModelDatabase database) {
        this.database = database;
    }

    /**
     * One aggregate trade.
     *
     * @param aggregateId  the first trade's id
     * @param quantity     base quantity of all its trades
     * @param takerSide    the taker's side: a SELL taker means the buyer was the maker
     * @param timestampMs  the command time of its first trade
     */
    public record AggregateTrade(long aggregateId, long price, long quantity, long firstTradeId, long lastTradeId,
        long timestampMs, Side takerSide) {
    }

    /**
     * At most {@code limit} aggregates whose trades have ids at or above {@code fromTradeId} and times in
     * {@code range}, oldest first: the oldest ones, or with {@code newest} the newest ones (still returned oldest
     * first).
     */
    public List<AggregateTrade> aggregates(final int marketId, final long fromTradeId, final TimeRange range,
        final boolean newest, final int limit) {
        Paging.checkLimit(limit);
        try (Connection connection = database.connection()) {
            // A cursor (fetch size) needs a transaction: rows come in pages and reading stops at the limit.
            connection.setAutoCommit(false);
            final boolean timed = range.fromMs() > 0 || range.toMs() < Long.MAX_VALUE;
            final String order = String.format(timed ? BY_TIME : BY_ID, newest ? "DESC" : "ASC");
            try (PreparedStatement statement = connection.prepareStatement(SELECT + order)) {
                statement.setFetchSize(FETCH_ROWS);
                statement.setInt(1, marketId);
                statement.setLong(2, fromTradeId);
                statement.setLong(3, range.fromMs());
                statement.setLong(4, range.toMs());
                final List<AggregateTrade> aggregates;
                try (ResultSet rs = statement.executeQuery()) {
                    aggregates = aggregate(rs, limit);
                }
                connection.commit();
                if (newest) {
                    Collections.reverse(aggregates);
                }
                return aggregates;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (final SQLException e) {
            throw new IllegalStateException("read-model query failed: " + e.getMessage(), e);
        }
    }

    /** Folds rows (in either id order) into aggregates, stopping once a row would start aggregate limit + 1. */
    private static List<AggregateTrade> aggregate(final ResultSet rs, final int limit) throws SQLException {
        final List<AggregateTrade> aggregates = new ArrayList<>();
        AggregateTrade current = null;
        long currentTaker = 0;
        while (rs.next()) {
            final long tradeId = rs.getLong(1);
            final long price = rs.getLong(2);
            final long quantity = rs.getLong(3);
            final long taker = rs.getLong(4);
            if (current != null && taker == currentTaker && price == current.price()) {
                current = new AggregateTrade(Math.min(current.aggregateId(), tradeId), price,
                    Math.addExact(current.quantity(), quantity), Math.min(current.firstTradeId(), tradeId),
                    Math.max(current.lastTradeId(), tradeId), current.timestampMs(), current.takerSide());
                continue;
            }
            if (current != null) {
                aggregates.add(current);
            }
            if (aggregates.size() == limit) {
                return aggregates;
            }
            current = new AggregateTrade(tradeId, price, quantity, tradeId, tradeId, rs.getLong(6),
                Side.fromCode(rs.getInt(5)));
            currentTaker = taker;
        }
        if (current != null) {
            aggregates.add(current);
        }
        return aggregates;
    }
}
