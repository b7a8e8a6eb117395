-- The status of every indicator standard (standard.status-set.v1 from indicator-service). A retired standard is no
-- longer evaluated: its results leave the current figures (households evaluated and meeting the standards, indicator
-- rates), which count the rows in use only. A standard not known here is in use.
create table report_standard (
    code          text primary key,
    version       integer     not null,
    name          text        not null,
    region_code   text        not null,
    level         text        not null,
    status        text        not null check (status in ('ACTIVE', 'RETIRED')),
    status_set_at timestamptz not null
);

-- whether a result's standard is in use, set when the result is stored and when its standard's status changes; the
-- village indexes hold the rows in use only, so that recounting a village reads its current results and not those of
-- every standard it was ever judged by
alter table report_evaluation add column in_use boolean not null default true;
alter table report_indicator_result add column in_use boolean not null default true;
drop index report_evaluation_village;
create index report_evaluation_village on report_evaluation (village_code text_pattern_ops) where in_use;
drop index report_indicator_result_village;
create index report_indicator_result_village on report_indicator_result (village_code text_pattern_ops) where in_use;
