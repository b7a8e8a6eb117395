-- Dead letters: events a consumer could not apply for a reason that no retry removes (bad data, a rule the event
-- breaks, a defect). They are parked here, in the consumer's own database, instead of being dropped: an operator
-- lists them, fixes the cause and re-drives them (applied through the inbox, so at most once), or discards them
-- with a note. Transient failures (database or network away, deadlocks) never end up here: the consumer waits
-- and retries them in order.
create table dead_letter (
    id               bigserial   primary key,
    consumer         text        not null,
    topic            text        not null,
    kafka_partition  integer     not null,
    kafka_offset     bigint      not null,
    record_key       text,
    event_id         text,
    event_type       text,
    -- the record's headers (ce_* and any other) as name → value, so that a re-drive sees the event as it came
    headers          jsonb       not null,
    -- the record's value as received, or its protected form where the topic carries personal data
    payload          text,
    reason           text        not null,
    attempts         integer     not null,
    parked_at        timestamptz not null default now(),
    state            text        not null default 'PARKED'
                                 check (state in ('PARKED', 'REDRIVEN', 'DISCARDED')),
    redrive_attempts integer     not null default 0,
    last_redrive_at  timestamptz,
    resolved_at      timestamptz,
    resolved_by      text,
    note             text,
    -- a record redelivered after it was parked (the offset was not yet committed) is parked once
    unique (consumer, topic, kafka_partition, kafka_offset)
);
create index dead_letter_parked on dead_letter (consumer, topic, id) where state = 'PARKED';
