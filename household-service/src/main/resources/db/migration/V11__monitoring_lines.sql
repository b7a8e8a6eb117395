-- 监测范围: the per-capita net income line of a region from a year on, as indicator-service sets it (parameter
-- monitoringThreshold, published as monitoring-line.set.v1 on indicator-events). One line per region and year: a later
-- setting of the same pair replaces the value, keeping when and by whom it was set. Risk elimination resolves the line
-- of a household's village for a year exactly as indicator-service resolves its parameters (ParameterValues).
create table monitoring_line (
    -- a division code prefix (county, township or village); '' for the whole country
    region_code varchar(12)  not null check (region_code ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})?$'),
    -- the first year the line applies to; it applies until a later year's line of the same region
    year        smallint     not null check (year between 2000 and 2100),
    -- yuan per person and year
    value       numeric      not null check (value > 0),
    -- the document that set it (文件、文号)
    note        text,
    set_at      timestamptz  not null,
    set_by      varchar(100),
    -- the event that brought the value kept here
    event_id    varchar(100) not null,
    received_at timestamptz  not null,
    primary key (region_code, year)
);
