package org.candor.readmodel;

import java.util.List;

/** Every projection table the projector writes, with its columns in the order the rows are written. */
final class Tables {
    static final Table ASSETS = Table.of("assets", "asset_id", "asset_id", "code", "scale", "created_seq",
        "created_ms");
    static final Table MARKETS = Table.of("markets", "market_id", "market_id", "symbol", "base_asset_id",
        "quote_asset_id", "tick_size", "lot_size", "min_quantity", "max_quantity", "min_notional", "maker_fee_bps",
        "taker_fee_bps", "status", "created_seq", "updated_seq");
    static final Table USERS = Table.of("users", "user_id", "user_id", "created_seq", "created_ms");
    static final Table ORDERS = Table.of("orders", "order_id", "order_id", "user_id", "market_id", "side", "type",
        "time_in_force", "price", "quantity", "quote_budget", "client_order_id", "stp_mode", "status", "remaining",
        "filled_quantity", "filled_quote", "fees", "end_reason", "accepted_seq", "created_ms", "updated_seq",
        "updated_ms", "client_order_label");
    static final Table ORDER_EVENTS = Table.of("order_events", "order_id,seq", "order_id", "seq", "user_id", "kind",
        "price", "old_price", "quantity", "remaining", "trade_id", "end_reason", "timestamp_ms");
    static final Table TRADES = Table.of("trades", "trade_id", "trade_id", "seq", "market_id", "price", "quantity",
        "quote_amount", "maker_order_id", "taker_order_id", "maker_user_id", "taker_user_id", "taker_side",
        "maker_fee", "taker_fee", "timestamp_ms");
    static final Table USER_TRADES = Table.of("user_trades", "user_id,trade_id,is_maker", "user_id", "trade_id",
        "is_maker", "seq", "market_id", "order_id", "side", "price", "quantity", "quote_amount", "fee",
        "fee_asset_id", "timestamp_ms");
    static final Table LEDGER_ENTRIES = Table.of("ledger_entries", "seq", "seq", "asset_id", "from_user_id",
        "from_bucket", "to_user_id", "to_bucket", "amount", "cause", "reference", "timestamp_ms");
    static final Table STATEMENT_LINES = Table.of("statement_lines", "user_id,asset_id,bucket,seq", "user_id",
        "asset_id", "bucket", "seq", "amount", "balance", "cause", "reference", "timestamp_ms");
    static final Table BALANCES = Table.of("balances", "user_id,asset_id,bucket", "user_id", "asset_id", "bucket",
        "balance", "last_seq");
    static final Table DEPOSITS = Table.of("deposits", "seq", "seq", "user_id", "asset_id", "amount",
        "deposit_ref", "timestamp_ms");
    static final Table WITHDRAWALS = Table.of("withdrawals", "withdrawal_id", "withdrawal_id", "user_id",
        "asset_id", "amount", "state", "requested_seq", "requested_ms", "updated_seq", "updated_ms", "state_name",
        "address_id", "approved_by", "rejected_by", "justification", "tx_ref", "fee", "failure", "sla_misses",
        "last_sla_state", "last_sla_deadline_ms");
    static final Table WITHDRAWAL_EVENTS = Table.of("withdrawal_events", "seq", "seq", "withdrawal_id", "user_id",
        "state", "timestamp_ms", "state_name", "operator_id", "detail");
    static final Table WITHDRAWAL_ADDRESSES = Table.of("withdrawal_addresses", "address_id", "address_id", "user_id",
        "asset_id", "address", "usable_from_ms", "added_seq", "added_ms", "removed_seq", "removed_ms");
    static final Table WITHDRAWAL_POLICY_CHANGES = Table.of("withdrawal_policy_changes", "seq", "seq", "asset_id",
        "kind", "value", "operator_id", "timestamp_ms");
    static final Table WITHDRAWAL_PAUSES = Table.of("withdrawal_pauses", "seq", "seq", "asset_id", "paused",
        "reason", "explanation", "operator_id", "timestamp_ms");
    static final Table HOLDS = Table.of("holds", "hold_id", "hold_id", "user_id", "asset_id", "amount", "reason",
        "placed_by", "placed_seq", "placed_ms", "active", "released_by", "released_seq", "released_ms", "kind",
        "explanation", "review_deadline_ms", "release_condition", "ticket_ref", "mass_action_id", "state",
        "approved_by", "renewals");
    static final Table HOLD_EVENTS = Table.of("hold_events", "seq", "seq", "hold_id", "user_id", "kind",
        "operator_id", "timestamp_ms", "automatic", "review_deadline_ms", "justification");
    /** Candles merge: a batch's partial candle extends the stored one, whatever the batch boundaries were. */
    static final Table KLINES = Table.of("klines", "market_id,interval_ms,open_time_ms", "market_id",
        "interval_ms", "open_time_ms", "open", "high", "low", "close", "volume", "quote_volume", "trade_count",
        "first_trade_id", "last_trade_id").mergedWith("high=GREATEST(klines.high,EXCLUDED.high),"
            + "low=LEAST(klines.low,EXCLUDED.low),close=EXCLUDED.close,volume=klines.volume+EXCLUDED.volume,"
            + "quote_volume=klines.quote_volume+EXCLUDED.quote_volume,"
            + "trade_count=klines.trade_count+EXCLUDED.trade_count,last_trade_id=EXCLUDED.last_trade_id");
    static final Table PROJECTION_STATE = Table.of("projection_state", "projection", "projection", "last_seq",
        "last_timestamp_ms");

    /** Every table whose rows come from events: what a rebuild empties and what the digest covers. */
    static final List<Table> PROJECTIONS = List.of(ASSETS, MARKETS, USERS, ORDERS, ORDER_EVENTS, TRADES,
        USER_TRADES, LEDGER_ENTRIES, STATEMENT_LINES, BALANCES, DEPOSITS, WITHDRAWALS, WITHDRAWAL_EVENTS, HOLDS,
        HOLD_EVENTS, KLINES, WITHDRAWAL_ADDRESSES, WITHDRAWAL_POLICY_CHANGES, WITHDRAWAL_PAUSES);

    private Tables() {
    }
}
