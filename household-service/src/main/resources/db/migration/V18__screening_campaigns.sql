-- 集中排查: a township's or the county's screening campaign over a period (seed 003: "2023年5月…全镇22个村8892户…全面摸排"),
-- and the warning clues found in it.
create table screening_campaign (
    id                     uuid          primary key,
    -- the township (9 digits) or county (6 digits) screened
    region_code            varchar(12)   not null references division (code),
    name                   varchar(100)  not null,
    starts_on              date          not null,
    ends_on                date          not null,
    -- the households the office reports it went through, as it reports them
    households_covered     integer       not null check (households_covered >= 0),
    -- the registered agricultural households (农业户: the head holds an agricultural registration) of the region when
    -- the campaign was created, counted from the data, so that a difference from the reported figure shows
    registered_households  integer       not null check (registered_households >= 0),
    note                   varchar(1000),
    -- OPEN, CLOSED
    status                 varchar(10)   not null check (status in ('OPEN', 'CLOSED')),
    closed_on              date,
    created_by             varchar(100)  not null,
    created_at             timestamptz   not null,
    closed_by              varchar(100),
    closed_at              timestamptz,
    version                bigint        not null default 0,
    check (ends_on >= starts_on),
    check ((status = 'OPEN') = (closed_on is null)),
    check (closed_on is null or closed_on >= starts_on)
);
create index screening_campaign_region on screening_campaign (region_code text_pattern_ops, starts_on);

alter table warning_clue add column campaign_id uuid references screening_campaign (id);
create index warning_clue_campaign on warning_clue (campaign_id) where campaign_id is not null;
-- clues found, and clues triaged, in a period of a region
create index warning_clue_reported on warning_clue (village_code text_pattern_ops, reported_on);
-- the revision a county decision wrote, looked up by its operation and day
create index household_revision_operation on household_revision (household_id, operation, effective_on);
