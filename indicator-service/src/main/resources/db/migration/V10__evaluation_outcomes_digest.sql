-- A digest of everything a standard's evaluation of a household stored: its village and each indicator's outcome
-- (code and result digest). A re-evaluation that arrives at the same digest has nothing to compare or write, so a
-- job after a parameter change reads the results of the households whose outcomes changed, not of every household.
-- Null until the pair is next evaluated: it is then compared result by result, as before.
alter table household_evaluation add column outcomes_digest varchar(32);
