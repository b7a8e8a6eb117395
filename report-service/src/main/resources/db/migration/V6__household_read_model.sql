-- Households as the reports count them, from the state every household event carries (no names or ID numbers).
-- A merged or dissolved household stays with active = false, so that an older event arriving late cannot revive it.
create table report_household (
    household_id        uuid        primary key,
    version             bigint      not null,
    village_code        varchar(12) not null,
    active              boolean     not null,
    poverty_status      varchar(20),
    exit_year           integer,
    monitoring_category varchar(30),
    risk_state          varchar(20),
    identified_year     integer,
    risk_types          jsonb       not null default '[]',
    members             integer     not null,
    minimum_living      boolean     not null,
    extreme_poverty     boolean     not null
);
create index report_household_village on report_household (village_code text_pattern_ops) where active;
