-- Sets of declared figures (上报数据: the numbers of a work report, a statistics form) and what their check found when
-- they were saved; reading a set checks it again against the data of that moment.
create table figure_check (
    id             uuid         primary key,
    division_code  varchar(12)  not null,
    year           int          not null,
    as_of          date,
    title          varchar(200) not null,
    source         text,
    figures        jsonb        not null,
    relations      jsonb        not null,
    comparisons    jsonb        not null,
    created_at     timestamptz  not null,
    created_by     text         not null,
    checks         int          not null,
    contradictions int          not null
);
create index figure_check_division on figure_check (division_code text_pattern_ops, year, created_at desc);
