-- Month-end snapshots 一月一报: the breakdown figures of every division (county, townships, villages) as they stood
-- when the month was closed - just after its end, or when an official took the month's figures early. The read models
-- hold only the present, so a month's figures exist from its snapshot on.
create table report_snapshot (
    period        varchar(7)   not null,
    division_code varchar(12)  not null,
    figures       jsonb        not null,
    taken_at      timestamptz  not null,
    taken_by      text         not null,
    primary key (division_code, period)
);
create index report_snapshot_period on report_snapshot (period, division_code text_pattern_ops);
