-- PV stations 村级光伏电站, their monthly generation and revenue, and the published plans distributing the revenue
-- 光伏收益分配方案, as project-fund-service publishes them (pv-station.registered.v1, pv-output.recorded.v1,
-- pv-plan.published.v1).
create table report_pv_station (
    station_id   uuid           primary key,
    county_code  varchar(6)     not null,
    village_code varchar(12)    not null,
    name         text           not null,
    capacity_kw  numeric(12, 2) not null,
    connected_on date
);
create index report_pv_station_village on report_pv_station (village_code text_pattern_ops);

create table report_pv_output (
    station_id     uuid           not null,
    output_year    integer        not null,
    output_month   integer        not null,
    village_code   varchar(12)    not null,
    generation_kwh numeric(14, 2) not null,
    revenue        numeric(14, 2) not null,
    recorded_at    timestamptz    not null,
    primary key (station_id, output_year, output_month)
);
create index report_pv_output_village on report_pv_output (village_code text_pattern_ops, output_year);

create table report_pv_plan (
    plan_id             uuid           primary key,
    county_code         varchar(6)     not null,
    division_code       varchar(12)    not null,
    plan_year           integer        not null,
    published_on        date           not null,
    document_number     text,
    distributable       numeric(14, 2) not null,
    job_holders         integer        not null,
    wages               numeric(14, 2) not null,
    works               numeric(14, 2) not null,
    works_labour        numeric(14, 2) not null,
    rewards             numeric(14, 2) not null,
    rewarded_households integer        not null
);
create index report_pv_plan_division on report_pv_plan (division_code text_pattern_ops, plan_year);
