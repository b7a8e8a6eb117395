-- The lane of each event (cn.ruralwatch.tracing.Lane): bulk for events a background job wrote (an import's
-- households), interactive for the rest. The relay publishes interactive events at once, unless an earlier bulk event
-- of the same aggregate is still waiting (an aggregate's events keep their order), and bulk events as fast as their
-- consumers keep up. Adding a column with a constant default does not rewrite the table.
alter table outbox_event add column bulk boolean not null default false;
-- an aggregate's earlier bulk events still waiting: what an interactive event of the aggregate must wait for
create index outbox_event_bulk_pending on outbox_event (aggregate_id, id) where published_at is null and bulk;
-- the interactive events waiting, by bucket: found without reading past the bulk ones
create index outbox_event_interactive_pending on outbox_event (bucket, id) where published_at is null and not bulk;
