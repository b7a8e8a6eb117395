-- Re-evaluation jobs run on the suite's job engine (background_job, platform/background-jobs): leases with
-- heartbeats, bounded attempts, cancellation, fair turns between counties, safe with several replicas. Jobs recorded
-- before move over with their progress; the last household evaluated becomes the checkpoint a queued or running job
-- resumes from.
insert into background_job (id, kind, scope_division, fairness_key, requested_by, requested_at, parameters, state,
                            attempts, max_attempts, checkpoint, progress, result, error, started_at, finished_at)
select id, 'EVALUATION', region_code, substr(region_code, 1, 6), created_by, created_at,
       jsonb_build_object('regionCode', region_code, 'standardCodes', to_jsonb(standard_codes), 'reason', reason),
       case state when 'PENDING' then 'QUEUED' when 'RUNNING' then 'QUEUED' when 'DONE' then 'SUCCEEDED'
                  else 'FAILED' end,
       0, 3, last_household::text,
       jsonb_build_object('total', total, 'processed', processed, 'changedHouseholds', changed),
       case when state = 'DONE'
            then jsonb_build_object('total', total, 'processed', processed, 'changedHouseholds', changed) end,
       error, started_at, finished_at
  from evaluation_job;

drop table evaluation_job;
