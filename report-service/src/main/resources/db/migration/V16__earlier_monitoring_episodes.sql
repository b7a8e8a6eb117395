-- How many earlier monitoring episodes a household had (household-state pastMonitoring): a household monitored once and
-- cleared before the suite, or cleared and identified again, counts among 监测户 "including those eliminated". Rows
-- written before this column count none until the household's next event, its republication, or a rebuild.
alter table report_household add column past_monitoring integer not null default 0;
