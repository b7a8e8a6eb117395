-- Administrative divisions 行政区划: county (6 digits) → township (9) → village (12).
create table division (
    code        varchar(12)  primary key,
    name        varchar(100) not null,
    level       varchar(10)  not null check (level in ('COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code varchar(12)  references division (code),
    version     bigint       not null default 0,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    constraint division_code_length check (
        (level = 'COUNTY' and code ~ '^[0-9]{6}$' and parent_code is null)
        or (level = 'TOWNSHIP' and code ~ '^[0-9]{9}$' and parent_code is not null)
        or (level = 'VILLAGE' and code ~ '^[0-9]{12}$' and parent_code is not null)),
    constraint division_code_extends_parent check (parent_code is null or starts_with(code, parent_code))
);
create index division_parent_code on division (parent_code);

-- Households 农户 and their members 家庭成员.
create table household (
    id            uuid        primary key,
    village_code  varchar(12) not null references division (code),
    registered_at timestamptz not null,
    version       bigint      not null default 0
);
create index household_village_code on household (village_code text_pattern_ops, registered_at, id);

create table member (
    id                uuid         primary key,
    household_id      uuid         not null references household (id),
    position          integer      not null,
    name              varchar(50)  not null,
    id_number         varchar(18)  not null,
    relation          varchar(20)  not null,
    sex               varchar(6)   not null,
    birth_date        date         not null,
    medical_insurance varchar(12)  not null,
    -- one person belongs to one household only
    constraint member_id_number_unique unique (id_number)
);
create index member_household_id on member (household_id, position);
