-- Everything the monitoring work records about a household and its members (DOMAIN.md), and the history of each
-- household: one revision per change with who, when, why, the changed fields (old → new) and the household as it
-- stood afterwards.

-- 家庭成员 -----------------------------------------------------------------------------------------------------------
alter table member
    add column status                      varchar(10) not null default 'ACTIVE'
        check (status in ('ACTIVE', 'REMOVED')),
    -- how and when the member joined (登记, 出生, 婚入, 迁入, 分户/合户) and left (死亡, 婚出, 迁出)
    add column joined_by                   varchar(20) not null default 'REGISTRATION',
    add column joined_on                   date,
    add column left_by                     varchar(20),
    add column left_on                     date,
    add column labor_ability               varchar(10),
    add column health                      varchar(20),
    add column disability_grade            smallint check (disability_grade between 1 and 4),
    add column education_stage             varchar(20),
    add column schooling_status            varchar(20),
    add column special_schooling_case      varchar(30),
    add column school_location             varchar(15),
    add column medical_insurance_exemption varchar(20),
    add column pension_insurance           varchar(15) not null default 'UNKNOWN',
    add column pension_insurance_exemption varchar(20),
    add column active_soldier              boolean     not null default false,
    add column employment_location         varchar(25),
    add column employment_months           smallint check (employment_months between 0 and 12),
    add column employment_monthly_income   numeric(10, 2) check (employment_monthly_income >= 0),
    add constraint member_left check ((status = 'REMOVED') = (left_by is not null and left_on is not null));

-- one person belongs to one household only: among the members who still live in one; a member who died or moved away
-- stays in the household's records, and the same person may be registered again elsewhere
alter table member drop constraint member_id_number_hash_unique;
create unique index member_id_number_hash_active on member (id_number_hash) where status = 'ACTIVE';
create index member_id_number_hash on member (id_number_hash);

-- 农户 ---------------------------------------------------------------------------------------------------------------
alter table household
    add column status                   varchar(10) not null default 'ACTIVE'
        check (status in ('ACTIVE', 'MERGED', 'DISSOLVED')),
    add column merged_into              uuid references household (id),
    add column split_from               uuid references household (id),
    add column address                  varchar(200),
    add column poverty_status           varchar(20) not null default 'NOT_POOR',
    add column exit_year                smallint,
    add column monitoring_category      varchar(20),
    add column risk_types               text[]      not null default '{}',
    add column risk_state               varchar(15),
    add column identified_year          smallint,
    add column minimum_living           boolean     not null default false,
    add column extreme_poverty          boolean     not null default false,
    add column housing_safety_grade     varchar(1) check (housing_safety_grade in ('A', 'B', 'C', 'D')),
    add column housing_area_per_capita  numeric(7, 2) check (housing_area_per_capita >= 0),
    add column no_house                 boolean     not null default false,
    add column housing_renovation       varchar(15) not null default 'NONE',
    add column water_quantity           boolean,
    add column water_quality            boolean,
    add column water_convenience        boolean,
    add column water_supply_guarantee   boolean,
    add column electricity              boolean,
    add column tv_broadband             boolean,
    add column road_to_hamlet           boolean,
    add column industries               text[]      not null default '{}',
    add column cooperative              varchar(100),
    -- per-capita net income of the latest year with incomes recorded, kept with the incomes for search by band
    add column net_income_per_capita    numeric(12, 2),
    add column updated_at               timestamptz,
    add constraint household_exit_year check ((poverty_status = 'EXITED') = (exit_year is not null)),
    add constraint household_monitoring check (
        (monitoring_category is null and risk_state is null and identified_year is null)
        or (monitoring_category is not null and risk_state is not null and identified_year is not null));
update household set updated_at = registered_at;
alter table household alter column updated_at set not null;
create index household_monitoring on household (monitoring_category, risk_state) where monitoring_category is not null;

-- 收入 per year: 工资性, 生产经营性, 财产性, 转移性 minus 生产经营费用; per capita over the members living in the household
create table household_income (
    household_id          uuid          not null references household (id),
    year                  smallint      not null check (year between 2013 and 2100),
    wage                  numeric(14, 2) not null default 0 check (wage >= 0),
    business              numeric(14, 2) not null default 0 check (business >= 0),
    property              numeric(14, 2) not null default 0 check (property >= 0),
    transfer              numeric(14, 2) not null default 0 check (transfer >= 0),
    production_costs      numeric(14, 2) not null default 0 check (production_costs >= 0),
    net_income_per_capita numeric(12, 2) not null,
    primary key (household_id, year)
);

-- 变更历史 -----------------------------------------------------------------------------------------------------------
create table household_revision (
    household_id uuid        not null references household (id),
    version      bigint      not null,
    recorded_at  timestamptz not null,
    -- the day the change took effect (a birth, a move); the recording day unless the change says otherwise
    effective_on date        not null,
    operation    varchar(20) not null,
    actor        varchar(100) not null,
    reason       varchar(500),
    -- [{field, oldValue, newValue}], personal numbers masked
    changes      jsonb       not null,
    -- the household as it stood after the change (as the API shows it, personal numbers masked)
    snapshot     jsonb       not null,
    primary key (household_id, version)
);
-- a household as it was on a date: the last revision recorded by then
create index household_revision_as_of on household_revision (household_id, recorded_at);

-- Households registered before this migration start their history with their registration.
insert into household_revision (household_id, version, recorded_at, effective_on, operation, actor, reason, changes,
                                snapshot)
select h.id, h.version, h.registered_at, (h.registered_at at time zone 'Asia/Shanghai')::date, 'REGISTER', 'migration',
       null, '[]'::jsonb, jsonb_build_object('id', h.id, 'villageCode', h.village_code, 'version', h.version)
from household h;
