-- Operators act through the admin API with keys of their own, never with trading keys (issue 6). Secrets are
-- sealed as the API keys' are (decision 0007). operator_id is the id the engine records on holds and approvals.
CREATE TABLE operator_key (
    api_key        text        PRIMARY KEY CHECK (api_key ~ '^[A-Za-z0-9]{16,128}$'),
    operator_id    bigint      NOT NULL CHECK (operator_id > 0),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    sealed_secret  bytea       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz
);

CREATE INDEX operator_key_by_operator ON operator_key (operator_id);

-- Every operator action through the admin API, refused or not: who, when, what, and the engine's answer. Each row
-- carries the SHA-256 of the previous row's hash and its own content, so editing or deleting a row breaks the chain
-- from there on (OperatorActions.verify); the engine's own events record holds and approvals independently.
CREATE TABLE operator_action (
    action_id    bigint      PRIMARY KEY,
    at_ms        bigint      NOT NULL,
    operator_id  bigint      NOT NULL,
    action       text        NOT NULL,
    detail       text        NOT NULL,
    outcome      text        NOT NULL,
    reference    bigint      NOT NULL,
    prev_hash    bytea       NOT NULL,
    hash         bytea       NOT NULL
);
