-- Divisions and households as this service knows them from household-events (no personal data).
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
