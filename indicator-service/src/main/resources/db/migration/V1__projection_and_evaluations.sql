-- What indicator-service knows of households, kept from household-events (no personal numbers).
create table household_projection (
    household_id  uuid        primary key,
    village_code  varchar(12) not null,
    registered_at timestamptz not null,
    updated_at    timestamptz not null
);
create index household_projection_village on household_projection (village_code text_pattern_ops);

create table member_projection (
    member_id         uuid        primary key,
    household_id      uuid        not null references household_projection (household_id),
    relation          varchar(20) not null,
    sex               varchar(6)  not null,
    birth_date        date        not null,
    medical_insurance varchar(12) not null
);
create index member_projection_household on member_projection (household_id);

-- The current result of each indicator for each household, with the reasons it failed.
create table evaluation (
    household_id   uuid        not null references household_projection (household_id),
    indicator_code varchar(60) not null,
    standard_code  varchar(60) not null,
    met            boolean     not null,
    reasons        jsonb       not null,
    evaluated_at   timestamptz not null,
    primary key (household_id, indicator_code)
);

-- Every change of a result, for "which households stopped meeting X this month".
create table evaluation_history (
    id             bigserial   primary key,
    household_id   uuid        not null,
    indicator_code varchar(60) not null,
    standard_code  varchar(60) not null,
    met            boolean     not null,
    reasons        jsonb       not null,
    evaluated_at   timestamptz not null,
    cause_event_id text        not null
);
create index evaluation_history_household on evaluation_history (household_id, evaluated_at);
