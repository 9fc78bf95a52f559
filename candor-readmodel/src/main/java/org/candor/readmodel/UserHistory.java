package org.candor.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.candor.engine.Bucket;
import org.candor.engine.LedgerCause;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalState;

/**
 * A user's history as the gateway serves it: orders, trades, deposits, withdrawals and statement lines, newest
 * first, within a time range, in pages. Every query takes the user id and filters by it, so a user only ever sees
 * their own rows. Cursors: pass {@link #NEWEST} for the first page, then the page's {@code next}.
 */
public final class UserHistory {
    /** The cursor of a first page: start from the newest row. */
    public static final long NEWEST = Long.MAX_VALUE;

    private final ReadModelDatabase database;

    public UserHistory(final ReadModelDatabase database) {
        this.database = database;
    }

    public record OrderView(long orderId, int marketId, Side side, OrderType type, TimeInForce timeInForce,
        long price, long quantity, long quoteBudget, long clientOrderId, OrderStatus status, long remaining,
        long filledQuantity, long filledQuote, long fees, OrderEndReason endReason, long createdMs,
        long updatedMs, StpMode stpMode, String clientOrderLabel) {
    }

    /** The user's side of one trade; a self-trade gives the user two rows, maker and taker. */
    public record TradeView(long tradeId, boolean maker, int marketId, long orderId, Side side, long price,
        long quantity, long quoteAmount, long fee, int feeAssetId, long timestampMs) {
        /** The cursor after this row: trade id and role in one long. */
        public long cursor() {
            return tradeId << 1 | (maker ? 1 : 0);
        }
    }

    public record DepositView(long seq, int assetId, long amount, long depositRef, long timestampMs) {
    }

    public record WithdrawalView(long withdrawalId, int assetId, long amount, WithdrawalState state,
        long requestedMs, long updatedMs) {
    }

    /** One movement on an account and the balance after it. */
    public record StatementLine(long seq, long amount, long balance, LedgerCause cause, long reference,
        long timestampMs) {
    }

    /** One state change of an order; fields that do not apply to its kind are -1. */
    public record OrderChange(long seq, OrderEventKind kind, long price, long oldPrice, long quantity, long remaining,
        long tradeId, OrderEndReason endReason, long timestampMs) {
    }

    /**
     * The state changes of one of the user's orders, oldest first; the cursor is an event sequence (0 for the
     * first page). Another user's order id gives an empty page, as an unknown one does.
     */
    public Page<OrderChange> orderChanges(final long userId, final long orderId, final long after, final int limit) {
        return Paging.page(database, "SELECT * FROM order_events WHERE user_id=? AND order_id=? AND seq>? "
            + "ORDER BY seq LIMIT ?", limit, UserHistory::orderChange, OrderChange::seq, userId, orderId, after);
    }

    /** Orders by creation time, newest first; the cursor is an order id. */
    public Page<OrderView> orders(final long userId, final TimeRange range, final long before, final int limit) {
        return Paging.page(database, "SELECT * FROM orders WHERE user_id=? AND order_id<? AND created_ms>=? "
            + "AND created_ms<? ORDER BY order_id DESC LIMIT ?", limit, UserHistory::order, OrderView::orderId,
            userId, before, range.fromMs(), range.toMs());
    }

    /**
     * The user's orders in one market with ids at or above {@code fromOrderId} and creation times in {@code range}:
     * the oldest {@code limit} of them in id order, or with {@code newestFirst} the newest, newest first. The
     * cursor is the last order's id.
     */
    public Page<OrderView> marketOrders(final long userId, final int marketId, final long fromOrderId,
        final TimeRange range, final boolean newestFirst, final int limit) {
        return Paging.page(database, "SELECT * FROM orders WHERE user_id=? AND market_id=? AND order_id>=? "
            + "AND created_ms>=? AND created_ms<? ORDER BY order_id " + (newestFirst ? "DESC" : "ASC") + " LIMIT ?",
            limit, UserHistory::order, OrderView::orderId, userId, marketId, fromOrderId, range.fromMs(),
            range.toMs());
    }

    /** The user's orders in one market with ids below {@code beforeOrderId}, newest first; the cursor is an id. */
    public Page<OrderView> marketOrdersBefore(final long userId, final int marketId, final long beforeOrderId,
        final int limit) {
        return Paging.page(database, "SELECT * FROM orders WHERE user_id=? AND market_id=? AND order_id<? "
            + "ORDER BY order_id DESC LIMIT ?", limit, UserHistory::order, OrderView::orderId, userId, marketId,
            beforeOrderId);
    }

    /** The user's trades in one market before {@code before} ({@link TradeView#cursor()}), newest first. */
    public Page<TradeView> marketTradesBefore(final long userId, final int marketId, final long before,
        final int limit) {
        return Paging.page(database, "SELECT * FROM user_trades WHERE user_id=? AND market_id=? AND "
            + "(trade_id, is_maker::int) < (?, ?) ORDER BY trade_id DESC, is_maker DESC LIMIT ?", limit,
            UserHistory::trade, TradeView::cursor, userId, marketId, before >> 1, before & 1);
    }

    /**
     * The user's trades in one market with ids at or above {@code fromTradeId} and times in {@code range}, of one
     * order when {@code orderId} is not negative: the oldest {@code limit} in id order (maker side first for a
     * self-trade), or with {@code newestFirst} the newest, newest first. The cursor is {@link TradeView#cursor()}.
     */
    public Page<TradeView> marketTrades(final long userId, final int marketId, final long orderId,
        final long fromTradeId, final TimeRange range, final boolean newestFirst, final int limit) {
        final String order = newestFirst ? "trade_id DESC, is_maker ASC" : "trade_id ASC, is_maker DESC";
        return Paging.page(database, "SELECT * FROM user_trades WHERE user_id=? AND market_id=? "
            + "AND (?::bigint < 0 OR order_id=?) AND trade_id>=? AND timestamp_ms>=? AND timestamp_ms<? ORDER BY "
            + order + " LIMIT ?", limit, UserHistory::trade, TradeView::cursor, userId, marketId, orderId, orderId,
            fromTradeId, range.fromMs(), range.toMs());
    }

    /** Trades, newest first; the cursor is {@link TradeView#cursor()}. */
    public Page<TradeView> trades(final long userId, final TimeRange range, final long before, final int limit) {
        return Paging.page(database, "SELECT * FROM user_trades WHERE user_id=? AND (trade_id, is_maker::int) < "
            + "(?, ?) AND timestamp_ms>=? AND timestamp_ms<? ORDER BY trade_id DESC, is_maker DESC LIMIT ?", limit,
            UserHistory::trade, TradeView::cursor, userId, before >> 1, before & 1, range.fromMs(), range.toMs());
    }

    /** Deposits, newest first; the cursor is an event sequence. */
    public Page<DepositView> deposits(final long userId, final TimeRange range, final long before,
        final int limit) {
        return Paging.page(database, "SELECT * FROM deposits WHERE user_id=? AND seq<? AND timestamp_ms>=? "
            + "AND timestamp_ms<? ORDER BY seq DESC LIMIT ?", limit, rs -> new DepositView(rs.getLong("seq"),
                rs.getInt("asset_id"), rs.getLong("amount"), rs.getLong("deposit_ref"), rs.getLong("timestamp_ms")),
            DepositView::seq, userId, before, range.fromMs(), range.toMs());
    }

    /** Withdrawals by request time, newest first, in their current state; the cursor is a withdrawal id. */
    public Page<WithdrawalView> withdrawals(final long userId, final TimeRange range, final long before,
        final int limit) {
        return Paging.page(database, "SELECT * FROM withdrawals WHERE user_id=? AND withdrawal_id<? "
            + "AND requested_ms>=? AND requested_ms<? ORDER BY withdrawal_id DESC LIMIT ?", limit,
            rs -> new WithdrawalView(rs.getLong("withdrawal_id"), rs.getInt("asset_id"), rs.getLong("amount"),
                WithdrawalState.fromCode(rs.getInt("state")), rs.getLong("requested_ms"), rs.getLong("updated_ms")),
            WithdrawalView::withdrawalId, userId, before, range.fromMs(), range.toMs());
    }

    /** The statement of one of the user's accounts, newest first; the cursor is an event sequence. */
    public Page<StatementLine> statement(final long userId, final int assetId, final Bucket bucket,
        final TimeRange range, final long before, final int limit) {
        return Paging.page(database, "SELECT * FROM statement_lines WHERE user_id=? AND asset_id=? AND bucket=? "
            + "AND seq<? AND timestamp_ms>=? AND timestamp_ms<? ORDER BY seq DESC LIMIT ?", limit,
            rs -> new StatementLine(rs.getLong("seq"), rs.getLong("amount"), rs.getLong("balance"),
                LedgerCause.fromCode(rs.getInt("cause")), rs.getLong("reference"), rs.getLong("timestamp_ms")),
            StatementLine::seq, userId, assetId, bucket.code(), before, range.fromMs(), range.toMs());
    }

    /**
     * One line of a user's statement of an asset: a movement on one of their accounts (bucket) of it, signed, with
     * that account's balance after it. {@code id} orders the lines: the event's sequence times
     * {@link #LINE_IDS_PER_SEQ} plus the bucket code, so the two sides of a move between the user's own accounts
     * (available to in orders) are two lines with neighbouring ids.
     */
    public record LedgerLine(long id, long seq, Bucket bucket, long amount, long balance, LedgerCause cause,
        long reference, long timestampMs) {
    }

    /** Line ids per event sequence: room for every bucket code. */
    public static final long LINE_IDS_PER_SEQ = 8;

    static {
        for (final Bucket bucket : Bucket.values()) {
            if (bucket.code() >= LINE_IDS_PER_SEQ) {
                throw new ExceptionInInitializerError("bucket code too large for a line id: " + bucket);
            }
        }
    }

    /**
     * The user's statement of one asset over all their accounts: lines with ids at or above {@code fromId} and times
     * in {@code range}, the oldest {@code limit} in id order, or with {@code newestFirst} the newest, newest first;
     * the cursor is the last line's id. One sub-query per bucket reads the (user, asset, bucket, seq) key of
     * {@code statement_lines} in seq order and stops at the limit; the merge sorts at most buckets x limit rows.
     */
    public Page<LedgerLine> ledger(final long userId, final int assetId, final TimeRange range, final long fromId,
        final boolean newestFirst, final int limit) {
        Paging.checkLimit(limit);
        final String direction = newestFirst ? "DESC" : "ASC";
        final StringBuilder sql = new StringBuilder("SELECT * FROM (");
        final Bucket[] buckets = Bucket.values();
        final long[] parameters = new long[buckets.length * 7];
        for (int i = 0; i < buckets.length; i++) {
            final int bucket = buckets[i].code();
            sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT * FROM statement_lines WHERE user_id=? AND ")
                .append("asset_id=? AND bucket=? AND seq>=? AND timestamp_ms>=? AND timestamp_ms<? ORDER BY seq ")
                .append(direction).append(" LIMIT ?)");
            // (seq, bucket) >= (fromSeq, fromBucket) with the bucket fixed: a lower bucket starts one seq later.
            final long fromSeq = fromId / LINE_IDS_PER_SEQ + (bucket < fromId % LINE_IDS_PER_SEQ ? 1 : 0);
            final long[] row = {userId, assetId, bucket, fromSeq, range.fromMs(), range.toMs(), limit + 1L};
            System.arraycopy(row, 0, parameters, i * row.length, row.length);
        }
        sql.append(") lines ORDER BY seq ").append(direction).append(", bucket ").append(direction).append(" LIMIT ?");
        return Paging.page(database, sql.toString(), limit, rs -> {
            final long seq = rs.getLong("seq");
            final int bucket = rs.getInt("bucket");
            return new LedgerLine(seq * LINE_IDS_PER_SEQ + bucket, seq, Bucket.fromCode(bucket), rs.getLong("amount"),
                rs.getLong("balance"), LedgerCause.fromCode(rs.getInt("cause")), rs.getLong("reference"),
                rs.getLong("timestamp_ms"));
        }, LedgerLine::id, parameters);
    }

    private static OrderView order(final ResultSet rs) throws SQLException {
        final int endReason = Paging.codeOrNone(rs, "end_reason");
        return new OrderView(rs.getLong("order_id"), rs.getInt("market_id"), Side.fromCode(rs.getInt("side")),
            OrderType.fromCode(rs.getInt("type")), TimeInForce.fromCode(rs.getInt("time_in_force")),
            rs.getLong("price"), rs.getLong("quantity"), rs.getLong("quote_budget"), rs.getLong("client_order_id"),
            OrderStatus.fromCode(rs.getInt("status")), rs.getLong("remaining"), rs.getLong("filled_quantity"),
            rs.getLong("filled_quote"), rs.getLong("fees"), endReason < 0 ? null : OrderEndReason.fromCode(endReason),
            rs.getLong("created_ms"), rs.getLong("updated_ms"), StpMode.fromCode(rs.getInt("stp_mode")),
            rs.getString("client_order_label"));
    }

    private static OrderChange orderChange(final ResultSet rs) throws SQLException {
        final int endReason = Paging.codeOrNone(rs, "end_reason");
        return new OrderChange(rs.getLong("seq"), OrderEventKind.fromCode(rs.getInt("kind")), longOrNone(rs, "price"),
            longOrNone(rs, "old_price"), longOrNone(rs, "quantity"), longOrNone(rs, "remaining"),
            longOrNone(rs, "trade_id"), endReason < 0 ? null : OrderEndReason.fromCode(endReason),
            rs.getLong("timestamp_ms"));
    }

    private static long longOrNone(final ResultSet rs, final String column) throws SQLException {
        final long value = rs.getLong(column);
        return rs.wasNull() ? -1 : value;
    }

    private static TradeView trade(final ResultSet rs) throws SQLException {
        return new TradeView(rs.getLong("trade_id"), rs.getBoolean("is_maker"), rs.getInt("market_id"),
            rs.getLong("order_id"), Side.fromCode(rs.getInt("side")), rs.getLong("price"), rs.getLong("quantity"),
            rs.getLong("quote_amount"), rs.getLong("fee"), rs.getInt("fee_asset_id"), rs.getLong("timestamp_ms"));
    }
}
