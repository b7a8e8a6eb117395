-- What the work report needs beyond the counts, kept from the state every household event carries:
--  * agricultural_members: 农业人口, the members with an agricultural registration including those who left (the
--    reports count 26343 农业人口 where 22273 live in the households) and agricultural: whether the head holds one (农业户);
--  * housing: the safety grade, area per person, no house, and the renovation's method, year, stage and progress in
--    words, so that a household failing the housing standard is named with its reason and progress (已挖地基);
--  * monitored_since / risk_eliminated_on: identified and eliminated within a report's period.
-- Rows written before these columns hold the defaults until the household's next event or a rebuild.
alter table report_household add column agricultural_members integer not null default 0;
alter table report_household add column agricultural boolean not null default true;
alter table report_household add column housing jsonb;
alter table report_household add column monitored_since date;
alter table report_household add column risk_eliminated_on date;
