-- 驻村工作队 and 第一书记: the team sent to a village, its members with the days they served (a rotation ends one
-- member's service on the day the successor's begins), the trainings members attended, the inspections of teams with
-- their outcome, and the monthly guidance notices (每月工作提示) a township or the county issues to them.
create table work_team (
    id                uuid          primary key,
    -- one team per village
    village_code      varchar(12)   not null unique references division (code),
    -- 派驻单位
    dispatching_unit  varchar(100)  not null,
    formed_on         date          not null,
    -- 派驻期满 (optional)
    term_ends_on      date,
    created_by        varchar(100)  not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 0,
    check (term_ends_on is null or term_ends_on > formed_on)
);

-- a member's service on the team from joins_on until (excluded) leaves_on; a rotation links the two services
create table work_team_member (
    id                uuid          primary key,
    team_id           uuid          not null references work_team (id),
    name              varchar(50)   not null,
    -- 工作单位
    unit              varchar(100)  not null,
    -- 联系电话, encrypted like the households' and the cadres' (PersonalNumberColumns)
    phone_cipher      text          not null,
    -- FIRST_SECRETARY 第一书记, LEADER 队长, MEMBER 队员
    role              varchar(16)   not null check (role in ('FIRST_SECRETARY', 'LEADER', 'MEMBER')),
    joins_on          date          not null,
    leaves_on         date,
    leave_reason      varchar(500),
    -- the member this one succeeded in a rotation
    predecessor_id    uuid          references work_team_member (id),
    created_by        varchar(100)  not null,
    created_at        timestamptz   not null,
    check (leaves_on is null or leaves_on >= joins_on),
    check ((leaves_on is null) = (leave_reason is null))
);
create index work_team_member_team on work_team_member (team_id, joins_on);
-- one current 第一书记 and one current 队长 per team
create unique index work_team_member_current_role on work_team_member (team_id, role)
    where leaves_on is null and role in ('FIRST_SECRETARY', 'LEADER');

-- 培训 held by a county or township for members of its teams
create table work_team_training (
    id                uuid          primary key,
    region_code       varchar(12)   not null references division (code),
    held_on           date          not null,
    topic             varchar(200)  not null,
    hours             numeric(4, 1) not null check (hours > 0 and hours <= 200),
    organizer         varchar(100),
    recorded_by       varchar(100)  not null,
    recorded_at       timestamptz   not null
);
create index work_team_training_region on work_team_training (region_code text_pattern_ops, held_on);

create table work_team_training_attendee (
    training_id       uuid          not null references work_team_training (id),
    member_id         uuid          not null references work_team_member (id),
    primary key (training_id, member_id)
);
create index work_team_training_attendee_member on work_team_training_attendee (member_id);

-- 督查 / 抽查 of a team, what was found and what followed (通报批评, 约谈, 召回…)
create table work_team_inspection (
    id                uuid          primary key,
    team_id           uuid          not null references work_team (id),
    inspected_on      date          not null,
    -- SUPERVISION 督查, SPOT_CHECK 抽查
    kind              varchar(12)   not null check (kind in ('SUPERVISION', 'SPOT_CHECK')),
    inspecting_body   varchar(100)  not null,
    findings          text[]        not null,
    outcome           varchar(12)   not null
                      check (outcome in ('NO_ISSUES', 'COMMENDED', 'CRITICIZED', 'ADMONISHED', 'RECALLED')),
    -- the member the outcome concerns, if one
    member_id         uuid          references work_team_member (id),
    note              varchar(500),
    recorded_by       varchar(100)  not null,
    recorded_at       timestamptz   not null,
    -- a reprimand names what was found; finding nothing is 'NO_ISSUES'
    check (outcome not in ('CRITICIZED', 'ADMONISHED', 'RECALLED') or cardinality(findings) > 0),
    check (outcome <> 'NO_ISSUES' or cardinality(findings) = 0),
    -- 召回 recalls a member
    check (outcome <> 'RECALLED' or member_id is not null)
);
create index work_team_inspection_team on work_team_inspection (team_id, inspected_on);

-- 每月工作提示 of a county or township
create table guidance_notice (
    id                uuid          primary key,
    region_code       varchar(12)   not null references division (code),
    -- the first day of the month the notice is for
    month             date          not null check (extract(day from month) = 1),
    issued_on         date          not null,
    issuing_office    varchar(100)  not null,
    title             varchar(200)  not null,
    items             text[]        not null check (cardinality(items) > 0),
    recorded_by       varchar(100)  not null,
    recorded_at       timestamptz   not null,
    unique (region_code, month, title)
);
create index guidance_notice_region on guidance_notice (region_code text_pattern_ops, month);
