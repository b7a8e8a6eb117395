-- Projects, their budget lines and disbursements from fund-events.
create table report_project (
    project_id         uuid           primary key,
    version            bigint         not null,
    county_code        varchar(6)     not null,
    division_code      varchar(12)    not null,
    name               varchar(200)   not null,
    project_type       varchar(24)    not null,
    project_year       integer        not null,
    stage              varchar(20)    not null,
    planned_investment numeric(16, 2) not null,
    progress_percent   integer        not null,
    beneficiary_households integer    not null
);
create index report_project_division on report_project (division_code text_pattern_ops, project_year);

create table report_project_budget_line (
    project_id uuid           not null,
    batch_id   uuid           not null,
    amount     numeric(16, 2) not null,
    primary key (project_id, batch_id)
);
create index report_project_budget_line_batch on report_project_budget_line (batch_id);

create table report_disbursement (
    disbursement_id uuid           primary key,
    project_id      uuid           not null,
    batch_id        uuid           not null,
    county_code     varchar(6)     not null,
    division_code   varchar(12)    not null,
    project_type    varchar(24)    not null,
    amount          numeric(16, 2) not null,
    paid_on         date           not null
);
create index report_disbursement_batch on report_disbursement (batch_id);
create index report_disbursement_division on report_disbursement (division_code text_pattern_ops, paid_on);
