-- 带动主体: the new agricultural operators (新型农业经营主体: 农民专业合作社, 家庭农场, 龙头企业) and the 创业致富带头人 who
-- drive households' industries, with the households each one covers (seed 000: 应有5个，已有9个; 每个致富带头人都带动了3-5户
-- 贫困户; 龚勇宇砂糖桔专业合作社覆盖了23户贫困户).
create table industry_driver (
    id              uuid         primary key,
    county_code     varchar(6)   not null,
    division_code   varchar(12)  not null,
    kind            varchar(20)  not null check (kind in ('COOPERATIVE', 'FAMILY_FARM', 'ENTERPRISE',
                                                           'BUSINESS_LEADER', 'OTHER')),
    name            varchar(200) not null,
    industry        varchar(100),
    registered_year integer      check (registered_year between 1980 and 2100),
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    created_by      text         not null
);
create index industry_driver_division on industry_driver (division_code text_pattern_ops);

create table industry_driver_household (
    driver_id    uuid        not null references industry_driver (id),
    household_id uuid        not null,
    village_code varchar(12) not null,
    primary key (driver_id, household_id)
);
create index industry_driver_household_village on industry_driver_household (village_code text_pattern_ops);
