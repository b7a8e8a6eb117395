-- Household imports run on the suite's job engine (background_job, platform/background-jobs): leases with heartbeats,
-- bounded attempts, cancellation, fair turns between counties, safe with several replicas. An import keeps its file
-- and its counters as its job's progress; its file is kept encrypted in blocks, only while its job needs it.
create table household_import_file_block (
    import_id uuid    not null references household_import (id) on delete cascade,
    block     integer not null,
    -- the compressed file's block, encrypted like other personal data and bound to its import and place
    content   bytea   not null,
    primary key (import_id, block)
);

-- The people an import met so far, by keyed hash, with the row each first appeared on: the same person twice in one
-- file is an error at the later row, also when the import was taken up again after a restart. Deleted with the job.
create table household_import_person (
    job_id    uuid    not null,
    id_hash   text    not null,
    first_row integer not null,
    primary key (job_id, id_hash)
);

alter table household_import add column job_id uuid;
update household_import set job_id = id;

insert into background_job (id, kind, scope_division, fairness_key, requested_by, requested_at, parameters, state,
                            attempts, max_attempts, checkpoint, progress, result, error, started_at, finished_at)
select id, 'HOUSEHOLD_IMPORT', scope_division, substr(scope_division, 1, 6), requested_by, created_at,
       jsonb_build_object('importId', id),
       case status when 'COMPLETED' then 'SUCCEEDED' else 'FAILED' end,
       0, 3, last_row::text, p.progress, case when status = 'COMPLETED' then p.progress end,
       case when status = 'FAILED' then failure
            when status <> 'COMPLETED' then '系统升级后须重新提交该文件（此前保存的文件未加密，已删除）' end,
       started_at, coalesce(finished_at, case when status <> 'COMPLETED' then now() end)
  from household_import,
       lateral (select jsonb_strip_nulls(jsonb_build_object(
                    'totalRows', total_rows, 'processedRows', processed_rows,
                    'householdsCreated', households_created, 'householdsUpdated', households_updated,
                    'householdsUnchanged', households_unchanged, 'householdsRejected', households_rejected,
                    'rowsRejected', rows_rejected, 'membersStored', members_stored,
                    'errorsListed', (select count(*) from household_import_error e where e.import_id = household_import.id),
                    'errorsNotListed', 0)) as progress) p;

alter table household_import alter column job_id set not null;
alter table household_import
    drop column content_gzip,
    drop column status,
    drop column total_rows,
    drop column processed_rows,
    drop column last_row,
    drop column households_created,
    drop column households_updated,
    drop column households_unchanged,
    drop column households_rejected,
    drop column rows_rejected,
    drop column members_stored,
    drop column failure,
    drop column started_at,
    drop column finished_at,
    drop column lease_until;
create index household_import_job on household_import (job_id);
