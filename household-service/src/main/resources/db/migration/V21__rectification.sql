-- 问题整改: the problems an assessment, inspection or campaign found that a county, township or village claimed, with
-- the owner, deadline and measures, and the evidence on which each was closed.
create table rectification (
    id                uuid          primary key,
    region_code       varchar(12)   not null references division (code),
    -- PROVINCIAL_POST_ASSESSMENT 省级后评估, NATIONAL_POST_ASSESSMENT 国家后评估, SPECIAL_CAMPAIGN 专项行动,
    -- INSPECTION 督查, INSPECTION_TOUR 巡视巡察, SELF_CHECK 自查自纠
    source            varchar(30)   not null check (source in ('PROVINCIAL_POST_ASSESSMENT', 'NATIONAL_POST_ASSESSMENT',
                                        'SPECIAL_CAMPAIGN', 'INSPECTION', 'INSPECTION_TOUR', 'SELF_CHECK')),
    -- 文号 of the document that fed the problem back, e.g. 冶农组发〔2023〕2号
    source_document   varchar(100)  not null,
    -- 方面: the heading the problem is claimed under ("认领3个方面13个问题")
    aspect            varchar(100),
    description       varchar(1000) not null,
    owner_unit        varchar(100)  not null,
    owner_person      varchar(50),
    found_on          date          not null,
    deadline          date          not null,
    measures          varchar(2000),
    -- OPEN 未整改, IN_PROGRESS 整改中, RECTIFIED 已完成整改
    status            varchar(12)   not null check (status in ('OPEN', 'IN_PROGRESS', 'RECTIFIED')),
    evidence          varchar(2000),
    rectified_on      date,
    -- the work team inspection the problem came from
    inspection_id     uuid          references work_team_inspection (id),
    registered_by     varchar(100)  not null,
    registered_at     timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 0,
    check (deadline >= found_on),
    check ((status = 'RECTIFIED') = (rectified_on is not null and evidence is not null))
);
create index rectification_region on rectification (region_code text_pattern_ops, found_on);
create index rectification_open on rectification (deadline) where status <> 'RECTIFIED';
create index rectification_inspection on rectification (inspection_id) where inspection_id is not null;
