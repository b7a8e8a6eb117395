-- Natural villages 自然村/屯 below administrative villages (the village's 12 digits and 3 of their own), population
-- bases per year, and the history of every division.
alter table division drop constraint division_code_length;
alter table division drop constraint division_level_check;
alter table division add constraint division_level_check check (level in ('COUNTY', 'TOWNSHIP', 'VILLAGE', 'HAMLET'));
alter table division add constraint division_code_length check (
    (level = 'COUNTY' and code ~ '^[0-9]{6}$' and parent_code is null)
    or (level = 'TOWNSHIP' and code ~ '^[0-9]{9}$' and parent_code is not null)
    or (level = 'VILLAGE' and code ~ '^[0-9]{12}$' and parent_code is not null)
    or (level = 'HAMLET' and code ~ '^[0-9]{15}$' and parent_code is not null));
alter table division alter column code type varchar(15);
alter table division alter column parent_code type varchar(15);

-- 户籍人口, 农业户籍人口 and 户数 of a division at the end of a year: the bases of rates such as 贫困发生率
create table division_population (
    division_code           varchar(15) not null references division (code),
    year                    smallint    not null check (year between 2010 and 2100),
    registered_population   integer     not null check (registered_population >= 0),
    agricultural_population integer     not null check (agricultural_population between 0 and registered_population),
    households              integer     not null check (households between 0 and registered_population),
    updated_at              timestamptz not null,
    updated_by              varchar(100) not null,
    primary key (division_code, year)
);

create table division_revision (
    division_code varchar(15)  not null references division (code),
    recorded_at   timestamptz  not null,
    -- REGISTER, RENAME, POPULATION, IMPORT
    operation     varchar(12)  not null,
    actor         varchar(100) not null,
    reason        varchar(500),
    -- [{field, oldValue, newValue}]
    changes       jsonb        not null
);
create index division_revision_code on division_revision (division_code, recorded_at);

-- divisions registered before this migration start their history with their registration
insert into division_revision (division_code, recorded_at, operation, actor, reason, changes)
select code, created_at, 'REGISTER', 'migration', null,
       jsonb_build_array(jsonb_build_object('field', 'name', 'oldValue', null, 'newValue', name))
from division;
