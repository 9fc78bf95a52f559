-- Listen keys of the user data streams and browser sessions, kept here rather than in one gateway's memory, so a
-- key or a session made on one gateway works on every gateway sharing this database and outlives a restart. Both
-- are bearer secrets: only their SHA-256 is stored, so reading these tables lets nobody follow a stream or act in a
-- session. Times are the gateways' clocks, epoch milliseconds; expired rows are refused on read and deleted a few
-- at a time by the gateways (UserStreams' sweep, WebSessions' logins).

-- Binance's listen key: valid 60 minutes after it was made or last kept alive (PUT), ended by DELETE.
CREATE TABLE listen_key (
    key_hash    bytea  PRIMARY KEY CHECK (length(key_hash) = 32),
    user_id     bigint NOT NULL CHECK (user_id > 0),
    created_ms  bigint NOT NULL,
    expires_ms  bigint NOT NULL
);

CREATE INDEX listen_key_by_user ON listen_key (user_id, created_ms);
CREATE INDEX listen_key_by_expiry ON listen_key (expires_ms);

-- Sessions of the web app (traders, trading port) and of the console (operators, admin port), in two tables as
-- their logins are, so neither kind of session can ever be found by the other server. expires_ms is the earlier of
-- the idle deadline (moved forward as the session is used) and the absolute one (created_ms + lifetime). The CSRF
-- token is the one the login answer gave the page; without the session id it is worth nothing.
CREATE TABLE web_session (
    id_hash       bytea  PRIMARY KEY CHECK (length(id_hash) = 32),
    principal_id  bigint NOT NULL CHECK (principal_id > 0),
    username      text   NOT NULL,
    csrf_token    text   NOT NULL,
    created_ms    bigint NOT NULL,
    expires_ms    bigint NOT NULL
);

CREATE INDEX web_session_by_principal ON web_session (principal_id, created_ms);
CREATE INDEX web_session_by_expiry ON web_session (expires_ms);

CREATE TABLE operator_session (
    id_hash       bytea  PRIMARY KEY CHECK (length(id_hash) = 32),
    principal_id  bigint NOT NULL CHECK (principal_id > 0),
    username      text   NOT NULL,
    csrf_token    text   NOT NULL,
    created_ms    bigint NOT NULL,
    expires_ms    bigint NOT NULL
);

CREATE INDEX operator_session_by_principal ON operator_session (principal_id, created_ms);
CREATE INDEX operator_session_by_expiry ON operator_session (expires_ms);
