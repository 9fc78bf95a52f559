-- What users are told about their funds (docs/NOTIFICATIONS.md). Two kinds of table, kept apart on purpose:
--
-- * Derived: follower_position and notifications are a function of the committed events. A rebuild empties them
--   and follows the journal again, giving the same rows with the same ids (an id is the causing event's sequence).
-- * User state: read_marks records what each user has read. No event carries it, so a rebuild must not touch it;
--   because ids survive a rebuild, the marks keep meaning the same notifications.
--
-- Times are cluster milliseconds from the events; no column holds a wall-clock time or a random id.

-- Where the follower stands: the last event sequence accounted for, written in the same transaction as the rows.
CREATE TABLE follower_position (
    follower          text   PRIMARY KEY,
    last_seq          bigint NOT NULL,
    last_timestamp_ms bigint NOT NULL
);
INSERT INTO follower_position (follower, last_seq, last_timestamp_ms) VALUES ('main', 0, 0);

-- One row per notification. user_id 0 is a notice every user sees (a halt, a pause): one row, not one per user.
CREATE TABLE notifications (
    id            bigint PRIMARY KEY,
    user_id       bigint NOT NULL,
    time_ms       bigint NOT NULL,
    kind          text   NOT NULL,
    severity      text   NOT NULL,
    title         text   NOT NULL,
    body          text   NOT NULL,
    hold_id       bigint NOT NULL,
    withdrawal_id bigint NOT NULL,
    asset         text,
    market        text
);
-- A user's notifications newest first, and the notices for everyone, walk this index.
CREATE INDEX notifications_by_user ON notifications (user_id, id);

-- Each user's read mark: every notification they see with an id at or below it is read.
CREATE TABLE read_marks (
    user_id    bigint PRIMARY KEY,
    read_up_to bigint NOT NULL
);
