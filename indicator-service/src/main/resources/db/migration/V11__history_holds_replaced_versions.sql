-- Each version of a result is written once. indicator_result holds the version in force, with the previous met and the
-- cause (event id or job id) it was recorded with; indicator_result_history holds the versions that were replaced or
-- removed, each with the moment it stopped being in force (superseded_at). A first result (a new household, a new
-- standard or version) is no longer written a second time as a history row: a county's re-evaluation under a new
-- standard wrote six results and six identical history rows per household.
alter table indicator_result
    add column previously_met boolean,
    add column cause          text;

-- the latest history row of each result is the one that recorded it
update indicator_result r
   set previously_met = h.previously_met, cause = h.cause
  from (select distinct on (household_id, standard_code, indicator_code)
               household_id, standard_code, indicator_code, previously_met, cause
          from indicator_result_history
         order by household_id, standard_code, indicator_code, evaluated_at desc, id desc) h
 where r.household_id = h.household_id and r.standard_code = h.standard_code and r.indicator_code = h.indicator_code;
update indicator_result set cause = 'unrecorded' where cause is null;
alter table indicator_result alter column cause set not null;

-- a version stopped being in force when the next row of its result was written: a new version or a removal's marker
-- (standard version 0, counting for nothing). The last row of each result is the version indicator_result holds, or a
-- removal's marker; neither is a replaced version, and markers are no versions at all.
alter table indicator_result_history add column superseded_at timestamptz;
update indicator_result_history h
   set superseded_at = n.next_at
  from (select id, lead(evaluated_at) over (partition by household_id, standard_code, indicator_code
                                            order by evaluated_at, id) as next_at
          from indicator_result_history) n
 where h.id = n.id and n.next_at is not null;
delete from indicator_result_history where superseded_at is null or standard_version = 0;
alter table indicator_result_history alter column superseded_at set not null;

-- rates as of a past day: the versions in force at its end are the current ones recorded before it ended and the
-- replaced ones recorded before and replaced after it
drop index indicator_result_history_as_of;
create index indicator_result_history_as_of
    on indicator_result_history (standard_code, superseded_at);

-- the list of changes reads the versions where met changed, current or replaced
create index indicator_result_changes
    on indicator_result (standard_code, indicator_code, evaluated_at)
    where met <> previously_met;
