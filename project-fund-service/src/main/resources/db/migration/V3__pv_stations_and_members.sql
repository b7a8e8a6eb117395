-- Photovoltaic stations 光伏扶贫电站, their monthly output, yearly revenue distribution plans 收益分配方案, the share
-- requirements generalised from the industry share, and the members this service knows from household-events.

-- least shares by kind: INDUSTRY_DEVELOPMENT (产业发展占比 of a year's linkage funds), PV_WAGES_AND_LABOUR (光伏收益用于
-- 公益岗位工资和小型公益事业劳务费用的占比)
alter table industry_share_requirement rename to share_requirement;
alter table share_requirement add column kind varchar(24) not null default 'INDUSTRY_DEVELOPMENT';
alter table share_requirement alter column kind drop default;
alter table share_requirement drop constraint industry_share_requirement_pkey;
alter table share_requirement add primary key (kind, region_code, from_year);
insert into share_requirement (kind, region_code, from_year, minimum_percent, note, set_by, set_at)
values ('PV_WAGES_AND_LABOUR', '', 2020, 80.00,
        '村级光伏电站收益用于公益岗位工资和小型公益事业劳务费用的比例不低于 80%，不得简单发钱', 'project-fund-service', now());

-- members as household-events describe them (no names or ID numbers): who may hold a job or borrow
create table known_member (
    member_id      uuid        primary key,
    household_id   uuid        not null,
    village_code   varchar(12) not null,
    active         boolean     not null,
    birth_date     date,
    labor_ability  varchar(20)
);
create index known_member_household on known_member (household_id);

-- what a household is (脱贫户, 监测对象) as of the state its members were taken from; kept also for merged or
-- dissolved households (active false) so that an older event arriving late cannot bring their members back
create table known_household_facts (
    household_id   uuid        primary key,
    version        bigint      not null,
    active         boolean     not null,
    poverty_status varchar(20),
    monitored      boolean     not null
);

create table pv_station (
    id                uuid          primary key,
    county_code       varchar(6)    not null,
    village_code      varchar(12)   not null,
    name              varchar(200)  not null,
    capacity_kw       numeric(10, 2) not null check (capacity_kw > 0),
    connected_on      date,
    project_id        uuid          references project,
    status            varchar(12)   not null default 'OPERATING',
    version           bigint        not null default 0,
    created_by        varchar(200)  not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);
create index pv_station_village on pv_station (village_code text_pattern_ops);

-- one row per station and month; a correction overwrites it (the audit trail keeps what it was)
create table pv_monthly_output (
    station_id     uuid           not null references pv_station,
    output_year    integer        not null,
    output_month   integer        not null check (output_month between 1 and 12),
    generation_kwh numeric(14, 2) not null check (generation_kwh >= 0),
    revenue        numeric(14, 2) not null check (revenue >= 0),
    recorded_by    varchar(200)   not null,
    recorded_at    timestamptz    not null,
    primary key (station_id, output_year, output_month)
);

-- a division's (village's or township's) plan for a year's PV revenue; jobs, works and rewards as written
create table pv_distribution_plan (
    id              uuid           primary key,
    county_code     varchar(6)     not null,
    division_code   varchar(12)    not null,
    plan_year       integer        not null,
    distributable   numeric(14, 2) not null check (distributable > 0),
    status          varchar(12)    not null,
    published_on    date,
    document_number varchar(100),
    note            varchar(2000),
    jobs            jsonb          not null,
    works           jsonb          not null,
    rewards         jsonb          not null,
    version         bigint         not null default 0,
    created_by      varchar(200)   not null,
    created_at      timestamptz    not null,
    updated_by      varchar(200)   not null,
    updated_at      timestamptz    not null,
    unique (division_code, plan_year)
);
create index pv_distribution_plan_county on pv_distribution_plan (county_code, plan_year);
