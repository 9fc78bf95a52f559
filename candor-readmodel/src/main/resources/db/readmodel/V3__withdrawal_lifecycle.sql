-- The withdrawal lifecycle (decision 0010), allow-listed addresses, per-asset withdrawal policies and pauses, and
-- the trades index that far-back market queries need. Versions 1 and 2 projected every withdrawal as REQUESTED
-- until it ended and skipped the lifecycle's other events: a read model projected by them must be rebuilt
-- (`candor projections rebuild`) to fill what this version adds; the defaults below only keep old rows readable.

-- Every withdrawal's current state. state is the engine's stable code; state_name is the enum's name, so a state a
-- newer engine adds (and this reader cannot name) is stored as UNKNOWN with code -1 instead of stopping the
-- projector. approved_by / rejected_by: the operator who decided an AWAITING_APPROVAL withdrawal; justification: the
-- rejection's words. tx_ref and fee (network fee, minor units of the asset, taken out of amount on chain) come with
-- the broadcast; failure is the WithdrawalFailure code of a FAILED one. sla_misses counts the service-level
-- deadlines it missed; last_sla_state and last_sla_deadline_ms describe the latest.
ALTER TABLE withdrawals
    ADD COLUMN state_name           text     NOT NULL DEFAULT '',
    ADD COLUMN address_id           bigint   NOT NULL DEFAULT 0,
    ADD COLUMN approved_by          bigint,
    ADD COLUMN rejected_by          bigint,
    ADD COLUMN justification        text     NOT NULL DEFAULT '',
    ADD COLUMN tx_ref               text     NOT NULL DEFAULT '',
    ADD COLUMN fee                  bigint   NOT NULL DEFAULT 0,
    ADD COLUMN failure              smallint,
    ADD COLUMN sla_misses           integer  NOT NULL DEFAULT 0,
    ADD COLUMN last_sla_state       smallint,
    ADD COLUMN last_sla_deadline_ms bigint;
UPDATE withdrawals SET state_name = CASE state WHEN 0 THEN 'REQUESTED' WHEN 1 THEN 'CONFIRMED' WHEN 2 THEN 'FAILED'
    WHEN 3 THEN 'CANCELLED' ELSE 'UNKNOWN' END;

-- One row per state a withdrawal entered (the state history), with the event's sequence and command time. operator_id:
-- who approved or rejected it; detail: the transaction reference of a broadcast, the failure reason of a failure,
-- the justification of a rejection.
ALTER TABLE withdrawal_events
    ADD COLUMN state_name  text   NOT NULL DEFAULT '',
    ADD COLUMN operator_id bigint,
    ADD COLUMN detail      text   NOT NULL DEFAULT '';
UPDATE withdrawal_events SET state_name = CASE state WHEN 0 THEN 'REQUESTED' WHEN 1 THEN 'CONFIRMED'
    WHEN 2 THEN 'FAILED' WHEN 3 THEN 'CANCELLED' ELSE 'UNKNOWN' END;
CREATE INDEX withdrawal_events_by_withdrawal ON withdrawal_events (withdrawal_id, seq);

-- A user's allow-listed withdrawal addresses: usable from usable_from_ms (the asset's time lock after it was added);
-- removed ones keep their row with the removal's sequence and time, since withdrawals requested to them name them.
CREATE TABLE withdrawal_addresses (
    address_id     bigint  PRIMARY KEY,
    user_id        bigint  NOT NULL,
    asset_id       integer NOT NULL,
    address        text    NOT NULL,
    usable_from_ms bigint  NOT NULL,
    added_seq      bigint  NOT NULL,
    added_ms       bigint  NOT NULL,
    removed_seq    bigint,
    removed_ms     bigint
) WITH (fillfactor = 80);
CREATE INDEX withdrawal_addresses_by_user ON withdrawal_addresses (user_id, address_id);

-- Every per-asset withdrawal setting that took effect (kind: the PolicyKind code, -1 if this reader does not know
-- it), with the operator who set it or, for a loosening, the second operator who approved it. The setting in force
-- is the latest row of its (asset, kind).
CREATE TABLE withdrawal_policy_changes (
    seq          bigint   PRIMARY KEY,
    asset_id     integer  NOT NULL,
    kind         smallint NOT NULL,
    value        bigint   NOT NULL,
    operator_id  bigint   NOT NULL,
    timestamp_ms bigint   NOT NULL
);
CREATE INDEX withdrawal_policy_changes_by_kind ON withdrawal_policy_changes (asset_id, kind, seq);

-- Pauses and resumptions of an asset's withdrawals: reason (WithdrawalPauseReason code) and the public explanation
-- for a pause, null and empty for a resumption; the latest row of an asset says whether it is paused.
CREATE TABLE withdrawal_pauses (
    seq          bigint   PRIMARY KEY,
    asset_id     integer  NOT NULL,
    paused       boolean  NOT NULL,
    reason       smallint,
    explanation  text     NOT NULL,
    operator_id  bigint   NOT NULL,
    timestamp_ms bigint   NOT NULL
);
CREATE INDEX withdrawal_pauses_by_asset ON withdrawal_pauses (asset_id, seq);

-- A market's trades in time order. Trade ids grow with command time (a trade's time is its command's cluster time,
-- which never goes back), so (timestamp_ms, trade_id) order is trade id order: aggTrades with a startTime far back
-- seeks to it here instead of walking the trade id key from the first trade. Built by a rebuild at the end
-- (BulkIndexes) like the other large append-only indexes.
CREATE INDEX trades_by_market_time ON trades (market_id, timestamp_ms, trade_id);
