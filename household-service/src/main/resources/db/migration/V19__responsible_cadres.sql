-- 帮扶责任人 / 帮扶联系人: the roster of cadres who are responsible for households, their assignments to households
-- with history, the visits logged against them, and the regions' rules of how often households must be visited.
create table cadre (
    id              uuid          primary key,
    name            varchar(50)   not null,
    -- 工作单位
    unit            varchar(100)  not null,
    position        varchar(50),
    -- 联系电话, encrypted like the households' (PersonalNumberColumns)
    phone_cipher    text          not null,
    -- the township (9 digits) or village (12 digits) served
    division_code   varchar(12)   not null references division (code),
    -- RESPONSIBLE 帮扶责任人, CONTACT 帮扶联系人
    kind            varchar(12)   not null check (kind in ('RESPONSIBLE', 'CONTACT')),
    active          boolean       not null default true,
    left_on         date,
    left_reason     varchar(500),
    registered_by   varchar(100)  not null,
    registered_at   timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0,
    check (active = (left_on is null))
);
create index cadre_division on cadre (division_code text_pattern_ops, kind);

-- a household's cadre from a day until (excluded) the day the assignment ended; one current assignment per kind
create table cadre_assignment (
    id              uuid          primary key,
    household_id    uuid          not null references household (id),
    cadre_id        uuid          not null references cadre (id),
    kind            varchar(12)   not null check (kind in ('RESPONSIBLE', 'CONTACT')),
    starts_on       date          not null,
    ends_on         date,
    reason          varchar(500)  not null,
    -- REASSIGNED (another cadre of the kind took over), CADRE_LEFT (the cadre was deactivated)
    end_reason      varchar(20)   check (end_reason in ('REASSIGNED', 'CADRE_LEFT')),
    assigned_by     varchar(100)  not null,
    assigned_at     timestamptz   not null,
    check (ends_on is null or ends_on >= starts_on),
    check ((ends_on is null) = (end_reason is null))
);
create unique index cadre_assignment_current on cadre_assignment (household_id, kind) where ends_on is null;
create index cadre_assignment_household on cadre_assignment (household_id, starts_on);
create index cadre_assignment_cadre on cadre_assignment (cadre_id) where ends_on is null;

-- a visit is logged against a cadre of the roster; cadre_name stays for the visits logged by name only
alter table assistance_visit add column cadre_id uuid references cadre (id);
create index assistance_visit_cadre on assistance_visit (cadre_id, visited_on) where cadre_id is not null;

-- 走访要求 of a region: the households of the groups are visited at least every max_interval_days days. The most
-- specific region's rule applies to a household (village over township over county over province).
create table visit_rule (
    region_code        varchar(12)   primary key references division (code),
    -- MONITORED_AT_RISK, EXITED, MINIMUM_LIVING, EXTREME_POVERTY, SERIOUS_ILLNESS, DISABLED
    groups             text[]        not null check (cardinality(groups) > 0),
    max_interval_days  integer       not null check (max_interval_days between 1 and 366),
    effective_from     date          not null,
    note               varchar(500),
    set_by             varchar(100)  not null,
    set_at             timestamptz   not null,
    version            bigint        not null default 0
);
