-- 外出务工: the members working away from home of 脱贫户 and 监测户 (一月一报: 脱贫人口（含监测人口）外出务工355人), kept per
-- household from its state and added up per village; rows written before count none until the household's next event,
-- its republication or a rebuild.
alter table report_household add column migrant_workers integer not null default 0;
alter table report_village_summary add column migrant_workers bigint not null default 0;
