-- Accountable holds (issue #6): what a hold restricts, why, who placed and approved it, until when, and every
-- step of its life. Holds projected by version 1 were amounts placed in force by one operator; the defaults say so.
ALTER TABLE holds
    ADD COLUMN kind               smallint NOT NULL DEFAULT 0,
    ADD COLUMN explanation        text     NOT NULL DEFAULT '',
    ADD COLUMN review_deadline_ms bigint   NOT NULL DEFAULT 0,
    ADD COLUMN release_condition  smallint NOT NULL DEFAULT 0,
    ADD COLUMN ticket_ref         bigint   NOT NULL DEFAULT 0,
    ADD COLUMN mass_action_id     bigint   NOT NULL DEFAULT 0,
    ADD COLUMN state              smallint NOT NULL DEFAULT 1,
    ADD COLUMN approved_by        bigint,
    ADD COLUMN renewals           integer  NOT NULL DEFAULT 0;

-- Version 1 had placed (0) and released (1); now also approved (2), rejected (3), escalated (4), renewed (5).
-- automatic: the step came from a deadline, not an operator (operator_id 0). justification: the operator's words
-- for a rejection or a renewal. review_deadline_ms: the deadline set by the step, when it set one.
ALTER TABLE hold_events
    ADD COLUMN automatic          boolean  NOT NULL DEFAULT false,
    ADD COLUMN review_deadline_ms bigint   NOT NULL DEFAULT 0,
    ADD COLUMN justification      text     NOT NULL DEFAULT '';

UPDATE holds SET state = 3 WHERE NOT active;
CREATE INDEX holds_by_state ON holds (state, review_deadline_ms);
