-- Idempotency-Key of creating POSTs, stored in the transaction that created the resource.
create table idempotency_key (
    scope       text        not null,
    idem_key    text        not null,
    fingerprint text        not null,
    resource_id text,
    created_at  timestamptz not null default now(),
    primary key (scope, idem_key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
