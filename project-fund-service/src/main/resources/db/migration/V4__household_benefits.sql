-- Household benefits 到户帮扶: small loans 小额信贷 with their interest subsidy, and the grants paid to a household or
-- one of its members (产业奖补, 三业奖补, 雨露计划, 一次性交通补贴, 公益性岗位工资, 光伏收益奖励补助).

create table microcredit_loan (
    id                  uuid           primary key,
    county_code         varchar(6)     not null,
    village_code        varchar(12)    not null,
    household_id        uuid           not null,
    borrower_member_id  uuid           not null,
    bank                varchar(200)   not null,
    contract_number     varchar(100)   not null,
    principal           numeric(12, 2) not null check (principal > 0),
    annual_rate_percent numeric(6, 4)  not null check (annual_rate_percent > 0),
    subsidy_percent     numeric(5, 2)  not null check (subsidy_percent > 0 and subsidy_percent <= 100),
    disbursed_on        date           not null,
    due_on              date           not null check (due_on > disbursed_on),
    repaid_on           date,
    purpose             varchar(500),
    status              varchar(10)    not null,
    version             bigint         not null default 0,
    recorded_by         varchar(200)   not null,
    recorded_at         timestamptz    not null,
    unique (bank, contract_number)
);
create index microcredit_loan_household on microcredit_loan (household_id);
create index microcredit_loan_village on microcredit_loan (village_code text_pattern_ops);

create table household_benefit (
    id           uuid           primary key,
    county_code  varchar(6)     not null,
    village_code varchar(12)    not null,
    household_id uuid           not null,
    member_id    uuid,
    kind         varchar(32)    not null,
    benefit_year integer        not null,
    amount       numeric(12, 2) not null check (amount > 0),
    granted_on   date           not null,
    description  varchar(500),
    source       varchar(100),
    recorded_by  varchar(200)   not null,
    recorded_at  timestamptz    not null
);
create index household_benefit_household on household_benefit (household_id, benefit_year);
create index household_benefit_village on household_benefit (village_code text_pattern_ops, benefit_year);
-- one 三业奖补 per household a year; one transport subsidy a year and one job wage per plan (source) for a member
create unique index household_benefit_once_a_year on household_benefit (household_id, benefit_year)
    where kind = 'THREE_INDUSTRY_REWARD';
create unique index household_benefit_member_once on household_benefit (member_id, kind, benefit_year, coalesce(source, ''))
    where kind in ('TRANSPORT_SUBSIDY', 'PUBLIC_WELFARE_JOB_WAGE');

-- the version of each household's yearly totals as last published
create table household_benefit_total (
    household_id uuid    not null,
    benefit_year integer not null,
    version      bigint  not null,
    primary key (household_id, benefit_year)
);
