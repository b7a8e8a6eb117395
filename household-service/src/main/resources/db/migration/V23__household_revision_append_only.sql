-- The history of a household is append-only, as the audit log is: a revision, once written, is never changed or
-- removed. The audit entry of a household's change names its revision instead of copying the values (the change is
-- written once), so the revision must stay exactly as it was when the entry was recorded; the database refuses
-- UPDATE, DELETE and TRUNCATE on the table whatever the caller.
create function household_revision_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'household revisions are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger household_revision_no_update_or_delete before update or delete on household_revision
    for each row execute function household_revision_append_only();
create trigger household_revision_no_truncate before truncate on household_revision
    for each statement execute function household_revision_append_only();
