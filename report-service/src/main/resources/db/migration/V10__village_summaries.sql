-- Each village's figures, kept from the household and evaluation read models so that a county's overview and
-- breakdown add up a few hundred rows instead of counting a hundred thousand households on every request. A
-- projection marks the villages it touched (report_dirty_village); a background refresher recounts each marked village
-- from the read models right after the projection's transaction commits (within a second of the event).
create table report_village_summary (
    village_code       varchar(12) primary key,
    households         bigint      not null,
    members            bigint      not null,
    by_poverty_status  jsonb       not null,
    monitored          bigint      not null,
    by_category        jsonb       not null,
    at_risk            bigint      not null,
    evaluated          bigint      not null,
    meeting            bigint      not null,
    refreshed_at       timestamptz not null
);
create index report_village_summary_prefix on report_village_summary (village_code text_pattern_ops);

create table report_village_indicator (
    village_code   varchar(12) not null,
    standard_code  varchar(60) not null,
    indicator_code varchar(60) not null,
    met            bigint      not null,
    not_met        bigint      not null,
    numerator      bigint      not null,
    denominator    bigint      not null,
    primary key (village_code, standard_code, indicator_code)
);
create index report_village_indicator_prefix on report_village_indicator (village_code text_pattern_ops);

create table report_dirty_village (
    village_code varchar(12) primary key,
    marked_at    timestamptz not null default now()
);

-- what the read models already hold is counted once
insert into report_dirty_village (village_code)
select village_code from report_household union select village_code from report_evaluation;
