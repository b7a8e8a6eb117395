-- Marking a village dirty never waits: with the village code as primary key, two projections marking the same villages
-- in different orders waited on each other's uncommitted inserts and deadlocked under load. Marks are now rows of their
-- own; the refresher takes the oldest ones and recounts each village they name once.
alter table report_dirty_village drop constraint report_dirty_village_pkey;
alter table report_dirty_village add column mark_id bigint generated always as identity primary key;
