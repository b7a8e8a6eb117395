-- The monitoring lines (parameter monitoringThreshold) are announced on indicator-events (monitoring-line.set.v1) for
-- household-service's risk elimination; a value is announced once, in the transaction that set or shipped it. The
-- values set before this column existed are announced at the next start.
alter table standard_parameter add column announced_at timestamptz;

-- Each household's poverty status, people and village over time (a row whenever one of them changes), so 贫困发生率
-- can be counted as of the end of a past day like the rates. Households projected before this table existed are
-- taken to have held their current status since they were registered.
create table household_status_history (
    id             bigserial   primary key,
    household_id   uuid        not null,
    village_code   varchar(12) not null,
    poverty_status varchar(20),
    people         int         not null,
    valid_from     timestamptz not null
);
create index household_status_history_household on household_status_history (household_id, valid_from desc, id desc);
create index household_status_history_from on household_status_history (valid_from);
insert into household_status_history (household_id, village_code, poverty_status, people, valid_from)
select household_id, village_code, poverty_status, people, least(registered_at, updated_at)
from household_projection where state is not null;

-- Which version of each household a standard last evaluated, and when (results change only when an outcome does), so
-- a rate can say whether its results are those of the households as they stand now.
create table household_evaluation (
    household_id  uuid        not null,
    standard_code varchar(60) not null,
    version       bigint      not null,
    evaluated_at  timestamptz not null,
    primary key (household_id, standard_code)
);
insert into household_evaluation (household_id, standard_code, version, evaluated_at)
select r.household_id, r.standard_code, -1, max(r.evaluated_at)
from indicator_result r group by r.household_id, r.standard_code;
