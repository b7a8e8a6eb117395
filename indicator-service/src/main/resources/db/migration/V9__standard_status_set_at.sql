-- when the latest version of a standard got its status (saved ACTIVE, or retired): standard.status-set.v1 carries it,
-- so that a consumer holding two announcements of a code keeps the later one. Versions retired before this column
-- existed keep the time they were saved.
alter table indicator_standard add column status_set_at timestamptz;
update indicator_standard set status_set_at = created_at;
alter table indicator_standard alter column status_set_at set not null;
