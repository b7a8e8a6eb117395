-- Transactional outbox: events written in the same transaction as the change they describe,
-- published to Kafka by the relay. Rows of one aggregate share a bucket; one relay at a time
-- holds a bucket (advisory lock), and publishes its rows in id order, so per-aggregate order holds.
create table outbox_event (
    id             bigserial   primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    bucket         integer     not null,
    event_type     text        not null,
    occurred_at    timestamptz not null,
    payload        jsonb       not null,
    published_at   timestamptz
);
create index outbox_event_pending on outbox_event (bucket, id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumer: the ids of events a consumer has applied, written in the same
-- transaction as the consumer's own change.
create table inbox_event (
    consumer    text        not null,
    event_id    text        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
