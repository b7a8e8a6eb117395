-- Indicator standards become data: versioned rule sets in CEL, their parameters, village facts, and results kept per
-- standard and indicator with the numbers each household adds to a rate. The results of V1 were computed by one
-- indicator written in Java; they are derived data and are recomputed from the projection by an evaluation job.

drop table evaluation_history;
drop table evaluation;
drop table member_projection;

-- The household as the latest household event showed it (cn.ruralwatch.events.HouseholdState, no personal numbers).
-- Households projected by V1 have no state yet: the next event about them brings it.
alter table household_projection
    add column version        bigint not null default -1,
    add column state          jsonb,
    add column poverty_status varchar(20),
    add column people         int    not null default 0;

-- Divisions and their population bases (户籍人口, 农业户籍人口) by year, from household-events.
create table division_projection (
    code        varchar(12) primary key,
    name        text        not null,
    level       varchar(10) not null,
    parent_code varchar(12)
);

create table division_population (
    code                    varchar(12) not null,
    year                    int         not null,
    registered_population   int         not null,
    agricultural_population int         not null,
    households              int         not null,
    primary key (code, year)
);

-- A standard's versions are immutable: a change is a new version. The current version of a code is the highest one.
create table indicator_standard (
    id          uuid        primary key,
    code        varchar(60) not null,
    version     int         not null,
    name        text        not null,
    region_code varchar(12) not null,
    level       varchar(10) not null,
    valid_from  date        not null,
    valid_to    date,
    status      varchar(10) not null,
    definition  jsonb       not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    unique (code, version)
);

-- Parameter values by region (division code prefix, '' nationwide) and year; a new value supersedes the old one, which
-- stays as history.
create table standard_parameter (
    id            bigserial      primary key,
    name          varchar(60)    not null,
    region_code   varchar(12)    not null,
    year          int            not null,
    value         numeric(16, 4) not null,
    note          text,
    set_at        timestamptz    not null,
    set_by        text           not null,
    superseded_at timestamptz
);
create unique index standard_parameter_current on standard_parameter (name, region_code, year) where superseded_at is null;

-- Facts about a village that are not household data (road, public services, collective income, 两委 rating), by year.
create table village_facts (
    id            bigserial   primary key,
    village_code  varchar(12) not null,
    year          int         not null,
    version       int         not null,
    facts         jsonb       not null,
    recorded_at   timestamptz not null,
    recorded_by   text        not null,
    superseded_at timestamptz
);
create unique index village_facts_current on village_facts (village_code, year) where superseded_at is null;

-- The current result of every indicator of every standard for every household.
create table indicator_result (
    household_id     uuid        not null,
    standard_code    varchar(60) not null,
    indicator_code   varchar(60) not null,
    standard_version int         not null,
    village_code     varchar(12) not null,
    met              boolean     not null,
    numerator        int         not null,
    denominator      int         not null,
    exclusions       jsonb,
    reasons          jsonb,
    digest           varchar(32) not null,
    evaluated_at     timestamptz not null,
    primary key (household_id, standard_code, indicator_code)
);
create index indicator_result_rate
    on indicator_result (standard_code, indicator_code, village_code text_pattern_ops)
    include (met, numerator, denominator);

-- Every change of a result: rates as of any date, and "which households stopped meeting housing security this month".
create table indicator_result_history (
    id               bigserial   primary key,
    household_id     uuid        not null,
    standard_code    varchar(60) not null,
    indicator_code   varchar(60) not null,
    standard_version int         not null,
    village_code     varchar(12) not null,
    met              boolean     not null,
    previously_met   boolean,
    numerator        int         not null,
    denominator      int         not null,
    exclusions       jsonb,
    reasons          jsonb,
    evaluated_at     timestamptz not null,
    cause            text        not null
);
create index indicator_result_history_as_of
    on indicator_result_history (standard_code, indicator_code, household_id, evaluated_at desc);
create index indicator_result_history_changes
    on indicator_result_history (standard_code, indicator_code, evaluated_at);

-- Re-evaluation of a region after a standard or parameter changed (or on request), with progress.
create table evaluation_job (
    id             uuid        primary key,
    region_code    varchar(12) not null,
    standard_codes text[]      not null,
    reason         text        not null,
    state          varchar(10) not null,
    total          int         not null default 0,
    processed      int         not null default 0,
    changed        int         not null default 0,
    last_household uuid,
    error          text,
    created_at     timestamptz not null,
    created_by     text        not null,
    started_at     timestamptz,
    heartbeat_at   timestamptz,
    finished_at    timestamptz
);
create index evaluation_job_unfinished on evaluation_job (created_at) where state in ('PENDING', 'RUNNING');
