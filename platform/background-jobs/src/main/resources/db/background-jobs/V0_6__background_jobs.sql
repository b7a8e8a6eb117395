-- Background jobs of every kind (imports, re-evaluations, reports, exports, rebuilds) in one table and one engine.
-- A job is QUEUED until a worker claims it: the worker holds a lease (owner, token, until) that its heartbeat
-- extends; every checkpoint a job writes is fenced by the token, so a worker that lost its lease (paused, cut off)
-- can no longer write. A job whose worker vanished is claimed again when its lease ends, from its last checkpoint,
-- at most max_attempts times. Shared migrations are numbered 0.x (flyway out-of-order).
create table background_job (
    id               uuid        primary key,
    kind             text        not null,
    -- the region whose callers see the job; fairness_key: jobs of one key take turns with the others'
    scope_division   text        not null,
    fairness_key     text        not null,
    requested_by     text        not null,
    requested_at     timestamptz not null default now(),
    parameters       jsonb       not null,
    state            text        not null default 'QUEUED'
                                 check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    cancel_requested boolean     not null default false,
    -- runs begun; a run cut off (worker gone, lease ended) counts, a turn handed to another county's job does not
    attempts         integer     not null default 0,
    max_attempts     integer     not null,
    -- queued again by its worker (its turn over, the service stopping, a transient failure): the next run resumes
    -- it and is not counted as another attempt
    handed_back      boolean     not null default false,
    not_before       timestamptz not null default now(),
    lease_owner      text,
    lease_token      uuid,
    lease_until      timestamptz,
    heartbeat_at     timestamptz,
    last_turn_at     timestamptz,
    checkpoint       text,
    progress         jsonb       not null default '{}',
    result           jsonb,
    error            text,
    started_at       timestamptz,
    finished_at      timestamptz
);
create index background_job_runnable on background_job (not_before) where state in ('QUEUED', 'RUNNING');
create index background_job_listing on background_job (kind, scope_division text_pattern_ops, requested_at desc);
