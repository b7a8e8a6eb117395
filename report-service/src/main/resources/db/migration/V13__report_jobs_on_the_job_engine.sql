-- Report jobs run on the suite's job engine (background_job, platform/background-jobs): leases with heartbeats,
-- bounded attempts, cancellation, safe with several replicas. What is report-specific stays here: the file a job
-- produced. Jobs recorded before move over with their state; one that was running is queued again.
create table report_job_file (
    job_id       uuid  primary key references background_job (id) on delete cascade,
    file_name    text  not null,
    content_type text  not null,
    content      bytea not null
);

insert into background_job (id, kind, scope_division, fairness_key, requested_by, requested_at, parameters, state,
                            attempts, max_attempts, progress, result, error, started_at, finished_at)
select job_id, kind, division_code,
       case when kind = 'REBUILD' then 'rebuild' else substr(division_code, 1, 6) end,
       requested_by, requested_at, parameters,
       case state when 'DONE' then 'SUCCEEDED' when 'RUNNING' then 'QUEUED' else state end,
       0, 3,
       case when state = 'DONE' then '{}' else progress end,
       case when state = 'DONE' then progress end,
       error, started_at, finished_at
  from report_job;

insert into report_job_file (job_id, file_name, content_type, content)
select job_id, file_name, content_type, content from report_job where content is not null;

drop table report_job;

-- The overview and breakdown are counted once per change of the read models and answered from memory in between;
-- with several replicas "a change" must be one they all see: a counter every changing transaction moves on as it
-- commits.
create table read_model_generation (
    id    integer primary key check (id = 1),
    value bigint  not null
);
insert into read_model_generation values (1, 0);
