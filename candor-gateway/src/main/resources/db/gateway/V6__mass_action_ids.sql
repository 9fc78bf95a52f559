-- Mass actions are named by their proposer (the engine takes the id with the command, as it takes every id), so
-- the admin API draws each id from this sequence: unique across admin servers and restarts, never reused even
-- when the engine refuses the proposal.
CREATE SEQUENCE mass_action_id AS bigint MINVALUE 1 NO CYCLE;
