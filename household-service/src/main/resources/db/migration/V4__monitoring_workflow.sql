-- 防止返贫动态监测和帮扶: warning clues, identification and risk-elimination cases with their review steps, and the
-- assistance measures and visits of each monitored household.

-- since when a monitored household has been monitored (识别认定日期); households registered as monitored before this
-- migration count from the first day of their year of identification
alter table household add column monitored_since date;
update household set monitored_since = make_date(identified_year, 1, 1) where identified_year is not null;
alter table household add column risk_eliminated_on date;
alter table household drop constraint household_monitoring;
alter table household add constraint household_monitoring check (
    (monitoring_category is null and risk_state is null and identified_year is null and monitored_since is null)
    or (monitoring_category is not null and risk_state is not null and identified_year is not null
        and monitored_since is not null));

-- 预警线索 ----------------------------------------------------------------------------------------------------------
create table warning_clue (
    id              uuid         primary key,
    -- SELF_REPORT 农户自主申报 (incl. the 12317 hotline), CADRE_VISIT 干部排查, DEPARTMENT 部门筛查预警
    source          varchar(15)  not null,
    -- the department or system that sent it (医保局, 民政局…), and its own reference: the same reference twice is one clue
    department      varchar(50),
    external_ref    varchar(100),
    household_id    uuid         references household (id),
    village_code    varchar(12)  not null references division (code),
    -- the person concerned, when the sender names one: keyed hash for matching, encrypted number for officials
    id_number_hash  text,
    id_number_cipher text,
    risk_types      text[]       not null,
    description     varchar(1000) not null,
    reported_on     date         not null,
    received_at     timestamptz  not null,
    -- NEW 待研判, DUPLICATE 重复, DISMISSED 排除, ESCALATED 转入识别
    status          varchar(12)  not null,
    duplicate_of    uuid         references warning_clue (id),
    triage_note     varchar(500),
    triaged_by      varchar(100),
    triaged_at      timestamptz,
    case_id         uuid,
    recorded_by     varchar(100) not null,
    version         bigint       not null default 0
);
create unique index warning_clue_external_ref on warning_clue (source, coalesce(department, ''), external_ref)
    where external_ref is not null;
create index warning_clue_household on warning_clue (household_id, received_at);
create index warning_clue_village on warning_clue (village_code text_pattern_ops, status, received_at);

-- 识别 / 风险消除 cases -------------------------------------------------------------------------------------------
create table monitoring_case (
    id                  uuid         primary key,
    household_id        uuid         not null references household (id),
    village_code        varchar(12)  not null,
    -- IDENTIFICATION 识别纳入, RISK_ELIMINATION 风险消除
    kind                varchar(20)  not null,
    -- OPEN, APPROVED, REJECTED, WITHDRAWN
    status              varchar(10)  not null,
    -- the next review step; null once decided
    next_step           varchar(20),
    category            varchar(20),
    risk_types          text[]       not null default '{}',
    opened_at           timestamptz  not null,
    opened_by           varchar(100) not null,
    -- 15 days from the first clue (or the opening) to the county decision
    deadline            date         not null,
    decided_at          timestamptz,
    reason              varchar(500),
    version             bigint       not null default 0
);
-- at most one open case per household
create unique index monitoring_case_open on monitoring_case (household_id) where status = 'OPEN';
create index monitoring_case_deadline on monitoring_case (village_code text_pattern_ops, deadline) where status = 'OPEN';

alter table warning_clue add constraint warning_clue_case foreign key (case_id) references monitoring_case (id);

create table case_step (
    case_id      uuid         not null references monitoring_case (id),
    position     smallint     not null,
    -- HOME_VERIFICATION 入户核实, COMMITMENT 承诺授权, DATA_CROSS_CHECK 数据比对, DEMOCRATIC_REVIEW 民主评议,
    -- PUBLIC_NOTICE 村级公示, TOWNSHIP_REVIEW 乡镇审核, COUNTY_DECISION 县级审定
    step         varchar(20)  not null,
    -- PASSED or FAILED (a failed step ends the case, not identified / not eliminated)
    outcome      varchar(10)  not null,
    actor        varchar(100) not null,
    recorded_at  timestamptz  not null,
    performed_on date         not null,
    note         varchar(1000),
    notice_from  date,
    notice_to    date,
    -- [{name, contentType, size, sha256, reference}]: metadata of the documents kept elsewhere
    attachments  jsonb        not null default '[]',
    primary key (case_id, position)
);

-- 帮扶 ------------------------------------------------------------------------------------------------------------
create table assistance_measure (
    id                 uuid          primary key,
    household_id       uuid          not null references household (id),
    -- INDUSTRY, EMPLOYMENT, EDUCATION, HEALTH, HOUSING, SAFETY_NET, MICROCREDIT, PUBLIC_WELFARE_JOB, OTHER
    type               varchar(20)   not null,
    description        varchar(500)  not null,
    -- [{name, position, organisation}] 帮扶责任人
    responsible_cadres jsonb         not null,
    started_on         date          not null,
    ended_on           date,
    amount             numeric(14, 2),
    recorded_by        varchar(100)  not null,
    recorded_at        timestamptz   not null
);
create index assistance_measure_household on assistance_measure (household_id, started_on);

create table assistance_visit (
    id           uuid          primary key,
    household_id uuid          not null references household (id),
    cadre_name   varchar(50)   not null,
    visited_on   date          not null,
    note         varchar(1000) not null,
    recorded_by  varchar(100)  not null,
    recorded_at  timestamptz   not null
);
create index assistance_visit_household on assistance_visit (household_id, visited_on);
