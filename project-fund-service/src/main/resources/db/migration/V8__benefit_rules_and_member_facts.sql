-- Who a benefit is for and how much it may be: the member and household facts the benefit rules check, and the
-- amounts and caps of each kind by region and year.

-- the facts household-events give of a member that make them eligible: a student (在校, 学段) for 雨露计划, a migrant
-- worker (务工地点, 本年务工月数) for the transport subsidy; null until a state carrying them arrives
alter table known_member
    add column education_stage     varchar(20),
    add column schooling_status    varchar(20),
    add column employment_location varchar(20),
    add column employment_months   integer;

-- the industries a household takes part in (特色产业), for 产业奖补 and 三业奖补; null until a state carrying them arrives
alter table known_household_facts add column industries text[];

-- amounts and caps of a benefit kind for a region ('' nationwide, a province, city or county code) from a year on; a
-- new rule of the same kind, region and year supersedes the current one, which stays as history
create table benefit_rule (
    id                    uuid           primary key,
    kind                  varchar(32)    not null,
    region_code           varchar(6)     not null check (region_code ~ '^([0-9]{2}([0-9]{2}([0-9]{2})?)?)?$'),
    from_year             integer        not null check (from_year between 2013 and 2100),
    amount_per_grant      numeric(12, 2) check (amount_per_grant > 0),
    member_yearly_cap     numeric(12, 2) check (member_yearly_cap > 0),
    household_yearly_cap  numeric(12, 2) check (household_yearly_cap > 0),
    min_employment_months integer        check (min_employment_months between 1 and 12),
    employment_locations  text[],
    note                  varchar(500),
    set_by                varchar(200)   not null,
    set_at                timestamptz    not null,
    superseded_at         timestamptz
);
create unique index benefit_rule_current on benefit_rule (kind, region_code, from_year) where superseded_at is null;

-- shipped nationwide from 2013 (精准扶贫); provinces, cities and counties set their own through the API
insert into benefit_rule (id, kind, region_code, from_year, amount_per_grant, member_yearly_cap, household_yearly_cap,
                          min_employment_months, employment_locations, note, set_by, set_at)
values ('5b6f0c1e-8a4d-4f0e-9a59-0d1f3c2b7a01', 'INDUSTRY_REWARD', '', 2013, null, null, null, null, null,
        '产业奖补/以奖代补按产业类别和规模由各地确定，全国不设统一标准（种子 000：375 户 70 万元；种子 003：21 户 32340 元）',
        'project-fund-service', now()),
       ('5b6f0c1e-8a4d-4f0e-9a59-0d1f3c2b7a02', 'THREE_INDUSTRY_REWARD', '', 2013, 1000.00, null, null, null, null,
        '三业奖补（发展产业、积极就业、自主创业）每户 1000 元（种子 003：“每户落实1000元奖补”）',
        'project-fund-service', now()),
       ('5b6f0c1e-8a4d-4f0e-9a59-0d1f3c2b7a03', 'YULU_SUBSIDY', '', 2013, 1500.00, 3000.00, null, null, null,
        '雨露计划职业教育补助每生每年 3000 元左右，春秋两学期各发放一次（种子 002：105 名学生 15.75 万元，每生 1500 元）',
        'project-fund-service', now()),
       ('5b6f0c1e-8a4d-4f0e-9a59-0d1f3c2b7a04', 'TRANSPORT_SUBSIDY', '', 2013, null, null, null, 3,
        '{IN_PROVINCE,OUT_OF_PROVINCE}',
        '一次性交通补贴给县外务工（县外省内、省外）本年务工满 3 个月的脱贫劳动力和监测对象；金额由各地确定',
        'project-fund-service', now());
