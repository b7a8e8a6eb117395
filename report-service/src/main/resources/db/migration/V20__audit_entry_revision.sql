-- An audit entry of a change that its entity's own history records (a household's revision) names that revision
-- instead of repeating the values: the version of the revision holding the old and new values, or on creation the
-- whole entity. Null for entries that hold their values themselves, and for entries recorded before.
alter table audit_entry add column revision bigint;
