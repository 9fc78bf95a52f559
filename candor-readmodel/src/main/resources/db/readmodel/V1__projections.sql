-- The read model's projections of the engine's committed events. Every table is a function of the event stream:
-- no wall-clock column, no random id, so a rebuild from the journal gives the same rows. Amounts are minor units
-- (bigint), prices quote minor units per whole base unit, quantities base minor units. Enum columns hold the
-- engine's stable codes (smallint); docs/READMODEL.md lists them. Timestamps are the command's cluster time in
-- epoch milliseconds.

-- Where the projector stands: the last event sequence applied, written in the same transaction as the rows.
CREATE TABLE projection_state (
    projection        text   PRIMARY KEY,
    last_seq          bigint NOT NULL,
    last_timestamp_ms bigint NOT NULL
);
INSERT INTO projection_state (projection, last_seq, last_timestamp_ms) VALUES ('main', 0, 0);

CREATE TABLE assets (
    asset_id    integer PRIMARY KEY,
    code        text    NOT NULL,
    scale       integer NOT NULL,
    created_seq bigint  NOT NULL,
    created_ms  bigint  NOT NULL
);

CREATE TABLE markets (
    market_id      integer  PRIMARY KEY,
    symbol         text     NOT NULL,
    base_asset_id  integer  NOT NULL,
    quote_asset_id integer  NOT NULL,
    tick_size      bigint   NOT NULL,
    lot_size       bigint   NOT NULL,
    min_quantity   bigint   NOT NULL,
    max_quantity   bigint   NOT NULL,
    min_notional   bigint   NOT NULL,
    maker_fee_bps  integer  NOT NULL,
    taker_fee_bps  integer  NOT NULL,
    status         smallint NOT NULL,
    created_seq    bigint   NOT NULL,
    updated_seq    bigint   NOT NULL
);

CREATE TABLE users (
    user_id     bigint PRIMARY KEY,
    created_seq bigint NOT NULL,
    created_ms  bigint NOT NULL
);

-- The largest append-only tables are keyed by unique indexes rather than primary keys: a rebuild drops them, loads,
-- and builds them again at the end (BulkIndexes), which costs the server about half as much as keeping them up to
-- date row by row.

-- Tables the projector updates in place leave room in each page (fillfactor), so an update can stay on its page
-- without touching the indexes (a HOT update).

-- Current state of every order; open orders have status 1 (resting).
CREATE TABLE orders (
    order_id        bigint   PRIMARY KEY,
    user_id         bigint   NOT NULL,
    market_id       integer  NOT NULL,
    side            smallint NOT NULL,
    type            smallint NOT NULL,
    time_in_force   smallint NOT NULL,
    price           bigint   NOT NULL,
    quantity        bigint   NOT NULL,
    quote_budget    bigint   NOT NULL,
    client_order_id bigint   NOT NULL,
    stp_mode        smallint NOT NULL,
    status          smallint NOT NULL,
    remaining       bigint   NOT NULL,
    filled_quantity bigint   NOT NULL,
    filled_quote    bigint   NOT NULL,
    fees            bigint   NOT NULL,
    end_reason      smallint,
    accepted_seq    bigint   NOT NULL,
    created_ms      bigint   NOT NULL,
    updated_seq     bigint   NOT NULL,
    updated_ms      bigint   NOT NULL
) WITH (fillfactor = 80);
CREATE INDEX orders_by_user ON orders (user_id, order_id);

-- Every state change of every order: accepted, traded, rested, reduced, moved, done.
CREATE TABLE order_events (
    order_id     bigint   NOT NULL,
    seq          bigint   NOT NULL,
    user_id      bigint   NOT NULL,
    kind         smallint NOT NULL,
    price        bigint,
    old_price    bigint,
    quantity     bigint,
    remaining    bigint,
    trade_id     bigint,
    end_reason   smallint,
    timestamp_ms bigint   NOT NULL
);
CREATE UNIQUE INDEX order_events_key ON order_events (order_id, seq);

CREATE TABLE trades (
    trade_id       bigint   NOT NULL,
    seq            bigint   NOT NULL,
    market_id      integer  NOT NULL,
    price          bigint   NOT NULL,
    quantity       bigint   NOT NULL,
    quote_amount   bigint   NOT NULL,
    maker_order_id bigint   NOT NULL,
    taker_order_id bigint   NOT NULL,
    maker_user_id  bigint   NOT NULL,
    taker_user_id  bigint   NOT NULL,
    taker_side     smallint NOT NULL,
    maker_fee      bigint   NOT NULL,
    taker_fee      bigint   NOT NULL,
    timestamp_ms   bigint   NOT NULL
);
CREATE UNIQUE INDEX trades_key ON trades (trade_id);

-- One row per participant of a trade (two for a self-trade), so a user's trades are one index range.
CREATE TABLE user_trades (
    user_id      bigint   NOT NULL,
    trade_id     bigint   NOT NULL,
    is_maker     boolean  NOT NULL,
    seq          bigint   NOT NULL,
    market_id    integer  NOT NULL,
    order_id     bigint   NOT NULL,
    side         smallint NOT NULL,
    price        bigint   NOT NULL,
    quantity     bigint   NOT NULL,
    quote_amount bigint   NOT NULL,
    fee          bigint   NOT NULL,
    fee_asset_id integer  NOT NULL,
    timestamp_ms bigint   NOT NULL
);
CREATE UNIQUE INDEX user_trades_key ON user_trades (user_id, trade_id, is_maker);

-- The double-entry journal as the engine emitted it.
CREATE TABLE ledger_entries (
    seq          bigint   NOT NULL,
    asset_id     integer  NOT NULL,
    from_user_id bigint   NOT NULL,
    from_bucket  smallint NOT NULL,
    to_user_id   bigint   NOT NULL,
    to_bucket    smallint NOT NULL,
    amount       bigint   NOT NULL,
    cause        smallint NOT NULL,
    reference    bigint   NOT NULL,
    timestamp_ms bigint   NOT NULL
);
CREATE UNIQUE INDEX ledger_entries_key ON ledger_entries (seq);

-- A statement line per side of each ledger entry: the signed amount and the account's balance after it.
CREATE TABLE statement_lines (
    user_id      bigint   NOT NULL,
    asset_id     integer  NOT NULL,
    bucket       smallint NOT NULL,
    seq          bigint   NOT NULL,
    amount       bigint   NOT NULL,
    balance      bigint   NOT NULL,
    cause        smallint NOT NULL,
    reference    bigint   NOT NULL,
    timestamp_ms bigint   NOT NULL
);
CREATE UNIQUE INDEX statement_lines_key ON statement_lines (user_id, asset_id, bucket, seq);

-- The balance of every account after the last applied event (the last statement line of each account).
CREATE TABLE balances (
    user_id  bigint   NOT NULL,
    asset_id integer  NOT NULL,
    bucket   smallint NOT NULL,
    balance  bigint   NOT NULL,
    last_seq bigint   NOT NULL,
    PRIMARY KEY (user_id, asset_id, bucket)
) WITH (fillfactor = 70);

CREATE TABLE deposits (
    seq          bigint  PRIMARY KEY,
    user_id      bigint  NOT NULL,
    asset_id     integer NOT NULL,
    amount       bigint  NOT NULL,
    deposit_ref  bigint  NOT NULL,
    timestamp_ms bigint  NOT NULL
);
CREATE INDEX deposits_by_user ON deposits (user_id, seq);

CREATE TABLE withdrawals (
    withdrawal_id bigint   PRIMARY KEY,
    user_id       bigint   NOT NULL,
    asset_id      integer  NOT NULL,
    amount        bigint   NOT NULL,
    state         smallint NOT NULL,
    requested_seq bigint   NOT NULL,
    requested_ms  bigint   NOT NULL,
    updated_seq   bigint   NOT NULL,
    updated_ms    bigint   NOT NULL
) WITH (fillfactor = 80);
CREATE INDEX withdrawals_by_user ON withdrawals (user_id, withdrawal_id);

CREATE TABLE withdrawal_events (
    seq           bigint   PRIMARY KEY,
    withdrawal_id bigint   NOT NULL,
    user_id       bigint   NOT NULL,
    state         smallint NOT NULL,
    timestamp_ms  bigint   NOT NULL
);

CREATE TABLE holds (
    hold_id      bigint   PRIMARY KEY,
    user_id      bigint   NOT NULL,
    asset_id     integer  NOT NULL,
    amount       bigint   NOT NULL,
    reason       smallint NOT NULL,
    placed_by    bigint   NOT NULL,
    placed_seq   bigint   NOT NULL,
    placed_ms    bigint   NOT NULL,
    active       boolean  NOT NULL,
    released_by  bigint,
    released_seq bigint,
    released_ms  bigint
) WITH (fillfactor = 80);
CREATE INDEX holds_by_user ON holds (user_id, hold_id);

-- Placed (kind 0) and released (kind 1), with the operator who did it.
CREATE TABLE hold_events (
    seq          bigint   PRIMARY KEY,
    hold_id      bigint   NOT NULL,
    user_id      bigint   NOT NULL,
    kind         smallint NOT NULL,
    operator_id  bigint   NOT NULL,
    timestamp_ms bigint   NOT NULL
);

-- Candles per market and interval from trades, by the trade's command time.
CREATE TABLE klines (
    market_id      integer NOT NULL,
    interval_ms    bigint  NOT NULL,
    open_time_ms   bigint  NOT NULL,
    open           bigint  NOT NULL,
    high           bigint  NOT NULL,
    low            bigint  NOT NULL,
    close          bigint  NOT NULL,
    volume         bigint  NOT NULL,
    quote_volume   bigint  NOT NULL,
    trade_count    bigint  NOT NULL,
    first_trade_id bigint  NOT NULL,
    last_trade_id  bigint  NOT NULL,
    PRIMARY KEY (market_id, interval_ms, open_time_ms)
);
