-- Projects 项目 and their lifecycle, budgets by fund batch, disbursements 拨付, assets 扶贫项目资产 and the industry
-- share 产业发展占比 each year's linkage funds must reach.

-- what of a batch approved project budgets have taken; never more than the batch
alter table fund_batch add column allocated numeric(16, 2) not null default 0;
alter table fund_batch add constraint fund_batch_allocated check (allocated >= 0 and allocated <= amount);

create table project (
    id                  uuid           primary key,
    county_code         varchar(6)     not null,
    division_code       varchar(12)    not null,
    name                varchar(200)   not null,
    project_type        varchar(24)    not null,
    project_year        integer        not null,
    stage               varchar(20)    not null,
    description         varchar(2000),
    planned_investment  numeric(16, 2) not null check (planned_investment >= 0),
    progress_percent    integer        not null default 0 check (progress_percent between 0 and 100),
    performance_targets jsonb          not null default '[]',
    version             bigint         not null default 0,
    created_at          timestamptz    not null,
    updated_at          timestamptz    not null
);
create index project_division on project (division_code text_pattern_ops, project_year);

-- the approved budget by fund batch; disbursed never exceeds it (also checked by the row's constraint)
create table project_budget_line (
    project_id uuid           not null references project,
    batch_id   uuid           not null references fund_batch,
    amount     numeric(16, 2) not null check (amount >= 0),
    disbursed  numeric(16, 2) not null default 0 check (disbursed >= 0),
    primary key (project_id, batch_id),
    constraint project_budget_line_within check (disbursed <= amount)
);
create index project_budget_line_batch on project_budget_line (batch_id);

create table project_step (
    id              bigserial     primary key,
    project_id      uuid          not null references project,
    action          varchar(20)   not null,
    from_stage      varchar(20),
    to_stage        varchar(20)   not null,
    actor           varchar(200)  not null,
    performed_on    date          not null,
    recorded_at     timestamptz   not null,
    note            varchar(2000),
    document_number varchar(100),
    attachments     jsonb         not null default '[]',
    details         jsonb
);
create index project_step_project on project_step (project_id, id);

-- 联农带农: the households a project benefits and how
create table project_beneficiary (
    project_id   uuid        not null references project,
    household_id uuid        not null,
    linkage      varchar(20) not null,
    primary key (project_id, household_id)
);
create index project_beneficiary_household on project_beneficiary (household_id);

create table disbursement (
    id             uuid           primary key,
    project_id     uuid           not null references project,
    batch_id       uuid           not null references fund_batch,
    amount         numeric(16, 2) not null check (amount > 0),
    paid_on        date           not null,
    payee          varchar(200)   not null,
    voucher_number varchar(100),
    note           varchar(500),
    recorded_by    varchar(200)   not null,
    recorded_at    timestamptz    not null
);
create index disbursement_project on disbursement (project_id, paid_on);

create table project_asset (
    id                  uuid           primary key,
    project_id          uuid           not null references project,
    county_code         varchar(6)     not null,
    name                varchar(200)   not null,
    asset_class         varchar(16)    not null,
    owner_type          varchar(20)    not null,
    owner_division_code varchar(12),
    owner_household_id  uuid,
    value               numeric(16, 2) not null check (value >= 0),
    registered_on       date           not null,
    status              varchar(10)    not null default 'ACTIVE',
    disposed_on         date,
    disposal_reason     varchar(500),
    version             bigint         not null default 0,
    check ((owner_type = 'HOUSEHOLD') = (owner_household_id is not null))
);
create index project_asset_owner on project_asset (owner_division_code text_pattern_ops);

-- the least share of a year's linkage funds for industry development, nationwide ('') or for a province (2 digits);
-- the newest year not after the one asked wins, a province's over the nation's within a year
create table industry_share_requirement (
    region_code     varchar(2)   not null,
    from_year       integer      not null,
    minimum_percent numeric(5, 2) not null check (minimum_percent between 0 and 100),
    note            varchar(500),
    set_by          varchar(200) not null,
    set_at          timestamptz  not null,
    primary key (region_code, from_year)
);
insert into industry_share_requirement (region_code, from_year, minimum_percent, note, set_by, set_at)
values ('', 2023, 60.00, '中央衔接资金用于产业发展的比重原则上不低于 60%', 'project-fund-service', now());
