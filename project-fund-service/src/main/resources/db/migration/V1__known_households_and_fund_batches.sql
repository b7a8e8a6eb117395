-- Divisions and households as project-fund-service knows them from household-events.
create table known_division (
    code        varchar(12)  primary key,
    name        varchar(100) not null,
    level       varchar(10)  not null,
    parent_code varchar(12)
);

create table known_household (
    household_id  uuid        primary key,
    village_code  varchar(12) not null,
    member_count  integer     not null,
    registered_at timestamptz not null
);
create index known_household_village on known_household (village_code text_pattern_ops);

-- Linkage-fund batches 衔接资金批次 allocated to a county.
create table fund_batch (
    id              uuid           primary key,
    county_code     varchar(6)     not null,
    source_level    varchar(12)    not null check (source_level in ('CENTRAL', 'PROVINCIAL', 'CITY', 'COUNTY')),
    fund_year       integer        not null,
    batch_number    integer        not null check (batch_number > 0),
    amount          numeric(16, 2) not null check (amount > 0),
    document_number varchar(100),
    purpose         varchar(500),
    version         bigint         not null default 0,
    registered_at   timestamptz    not null,
    constraint fund_batch_unique unique (county_code, source_level, fund_year, batch_number)
);
