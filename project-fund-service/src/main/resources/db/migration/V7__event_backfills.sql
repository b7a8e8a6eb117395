-- Events published once for what was recorded before the service published them (e.g. PV stations, months and plans
-- before pv-*.v1 existed): a row per backfill, inserted in the transaction that publishes it, so it happens once
-- however many replicas start.
create table event_backfill (
    name    text        primary key,
    done_at timestamptz not null
);
