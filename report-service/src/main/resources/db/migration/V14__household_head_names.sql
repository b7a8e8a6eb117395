-- The head's name (户主姓名) that the lists behind the figures, their exports and the work report name households by,
-- kept from the state every household event carries (household-events carry it from event contracts b29a415 on).
-- Names only: ID, phone and bank numbers never reach report-service. Null while a household has no head, and in rows
-- written before this column: the live consumers do not apply an event twice, so an existing database fills the
-- column with one rebuild of the read models (POST /api/v1/reports/rebuilds, docs/reports.md).
alter table report_household add column head_name text;
