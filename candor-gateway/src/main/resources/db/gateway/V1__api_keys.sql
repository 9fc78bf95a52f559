-- API keys of the gateway. The secret is stored sealed with AES-256-GCM under a master key that never enters the
-- database (nonce || ciphertext || tag, the API key string as associated data); see docs/decisions/0007.
CREATE TABLE api_key (
    api_key        text        PRIMARY KEY CHECK (api_key ~ '^[A-Za-z0-9]{16,128}$'),
    user_id        bigint      NOT NULL CHECK (user_id > 0),
    sealed_secret  bytea       NOT NULL,
    can_read       boolean     NOT NULL,
    can_trade      boolean     NOT NULL,
    can_withdraw   boolean     NOT NULL,
    ip_allow_list  text[]      NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz
);

CREATE INDEX api_key_by_user ON api_key (user_id);
