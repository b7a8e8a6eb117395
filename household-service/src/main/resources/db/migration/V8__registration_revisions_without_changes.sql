-- The revision that registers a household holds the household in its snapshot only: every field of it is new, so its
-- changes are derived from the snapshot when read instead of being stored a second time (a registration's changes
-- are twice the size of its snapshot, and a county import writes a hundred thousand of them).
alter table household_revision alter column changes drop not null;
comment on column household_revision.changes is
    'changed fields with old and new values; null for a registration, whose changes are every field of the snapshot';
