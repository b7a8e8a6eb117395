-- What each household adds to an indicator's rate (people for a rate over members, 0 or 1 for one over households),
-- as indicator-service computes it: the report's rates are sum(numerator) / sum(denominator).
alter table report_indicator_result add column numerator integer not null default 0;
alter table report_indicator_result add column denominator integer not null default 0;

-- Work that takes longer than a request: rebuilding the read models, the work report (工作汇报), large exports.
-- One worker runs them one at a time in the order asked, so that a report is never drawn from a half-rebuilt model.
create table report_job (
    job_id        uuid         primary key,
    kind          varchar(20)  not null,
    state         varchar(10)  not null,
    division_code varchar(12)  not null,
    requested_by  text         not null,
    parameters    jsonb        not null,
    progress      jsonb        not null default '{}',
    error         text,
    file_name     text,
    content_type  text,
    content       bytea,
    requested_at  timestamptz  not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz
);
create index report_job_queue on report_job (requested_at) where state in ('QUEUED', 'RUNNING');
create index report_job_division on report_job (division_code text_pattern_ops, requested_at desc);
