-- The suite's audit log 审计日志: every change and every full read of personal numbers, from audit-events.
-- Append-only: no API changes or deletes entries, and the database refuses it too.
create table audit_entry (
    entry_id        uuid         primary key,
    occurred_at     timestamptz  not null,
    service         text         not null,
    actor           text         not null,
    roles           text[]       not null,
    actor_division  varchar(12),
    client          text,
    client_address  text,
    request_id      text,
    action          varchar(20)  not null,
    entity_type     text         not null,
    entity_id       text         not null,
    entity_division varchar(12),
    -- the division an auditor's scope is checked against: the entity's, or the actor's when the entity has none
    scope_division  varchar(12)  generated always as (coalesce(entity_division, actor_division)) stored,
    changes         jsonb        not null,
    recorded_at     timestamptz  not null default now()
);
create index audit_entry_time on audit_entry (occurred_at desc, entry_id);
create index audit_entry_actor on audit_entry (actor, occurred_at desc);
create index audit_entry_entity on audit_entry (entity_type, entity_id, occurred_at desc);
create index audit_entry_scope on audit_entry (scope_division text_pattern_ops, occurred_at desc);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
