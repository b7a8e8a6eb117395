-- What the township work reports count and the model could not hold (issue 21): 农业户籍 per person, the household's
-- television, computer and smartphone, the kind of a member's work, 慢病证 and 家庭医生签约, and the plan and progress of
-- a housing renovation with 易地扶贫搬迁户. (养老保险 gains the state ENTERED, 已录入未参保: a value of the existing column.)

-- 家庭成员 -----------------------------------------------------------------------------------------------------------
alter table member
    -- the person's own registration; a member of a rural household holds an agricultural one unless recorded otherwise
    add column agricultural_registration   boolean     not null default true,
    -- 外出务工, 就近就业, 公益性岗位, 自主创业
    add column employment_kind             varchar(20),
    add column chronic_disease_certificate varchar(10) not null default 'NONE'
        check (chronic_disease_certificate in ('NONE', 'PENDING', 'ISSUED')),
    add column family_doctor_contract      boolean     not null default false;

-- 农户 ---------------------------------------------------------------------------------------------------------------
alter table household
    add column television          boolean,
    add column computer            boolean,
    add column smartphone          boolean,
    add column relocated           boolean     not null default false,
    -- 新建, 维修加固, 购置, 扩建, 易地扶贫搬迁; the year of the plan; the stage reached; the progress in words
    add column renovation_method   varchar(15),
    add column renovation_year     smallint check (renovation_year between 2014 and 2100),
    add column renovation_stage    varchar(25),
    add column renovation_progress varchar(200);
