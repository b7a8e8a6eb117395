-- Provinces (2 digits) and cities (4) join the division tree above counties; a county may have its city as parent.
-- A village is a 行政村 or a 社区, may have been a 贫困村, and a 贫困村 exits (摘帽/出列) in a year, a 脱贫村 since.
alter table division drop constraint division_level_check;
alter table division add constraint division_level_check
    check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'HAMLET'));
alter table division drop constraint division_code_length;
alter table division add constraint division_code_length check (
    (level = 'PROVINCE' and code ~ '^[0-9]{2}$' and parent_code is null)
    or (level = 'CITY' and code ~ '^[0-9]{4}$')
    or (level = 'COUNTY' and code ~ '^[0-9]{6}$')
    or (level = 'TOWNSHIP' and code ~ '^[0-9]{9}$' and parent_code is not null)
    or (level = 'VILLAGE' and code ~ '^[0-9]{12}$' and parent_code is not null)
    or (level = 'HAMLET' and code ~ '^[0-9]{15}$' and parent_code is not null));
alter table division
    add column village_kind      varchar(10),
    add column poverty_village   boolean,
    add column poverty_exit_year smallint;
update division set village_kind = 'VILLAGE', poverty_village = false where level = 'VILLAGE';
alter table division add constraint division_village_status check (
    (level = 'VILLAGE' and village_kind in ('VILLAGE', 'COMMUNITY') and poverty_village is not null
        and (poverty_exit_year is null or (poverty_village and poverty_exit_year between 2000 and 2100)))
    or (level <> 'VILLAGE' and village_kind is null and poverty_village is null and poverty_exit_year is null));
