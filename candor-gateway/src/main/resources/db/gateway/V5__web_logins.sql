-- Browser logins (issue 7): traders of the web app and operators of the console, each in a table of its own, as
-- API keys and operator keys are, so a trader's password can never open the operators' console. Passwords are stored
-- as PBKDF2-HMAC-SHA256 (random 16-byte salt, the iteration count kept per row so it can be raised later); see
-- docs/decisions/0012.
CREATE TABLE web_login (
    username       text        PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,31}$'),
    user_id        bigint      NOT NULL CHECK (user_id > 0),
    salt           bytea       NOT NULL,
    iterations     integer     NOT NULL CHECK (iterations >= 210000),
    password_hash  bytea       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    disabled_at    timestamptz
);

CREATE INDEX web_login_by_user ON web_login (user_id);

CREATE TABLE operator_login (
    username       text        PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,31}$'),
    user_id        bigint      NOT NULL CHECK (user_id > 0),
    salt           bytea       NOT NULL,
    iterations     integer     NOT NULL CHECK (iterations >= 210000),
    password_hash  bytea       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    disabled_at    timestamptz
);
