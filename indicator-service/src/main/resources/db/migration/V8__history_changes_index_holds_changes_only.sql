-- The households whose result of an indicator changed in a period (GET /api/v1/rates/changes) are the history rows
-- where the result went from met to not met or back: the index behind that list holds those rows only. A new standard,
-- a new version, a re-evaluation where only the numbers moved and a removal write history rows the list never shows;
-- they no longer add an entry to this index (a county's re-evaluation under a new standard writes six history rows
-- per household, none of them a change of met).
drop index indicator_result_history_changes;
create index indicator_result_history_changes
    on indicator_result_history (standard_code, indicator_code, evaluated_at)
    where met <> previously_met;
