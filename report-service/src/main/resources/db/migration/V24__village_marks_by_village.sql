-- A village marked by bulk work is recounted once no new mark has come for a while (ruralwatch.report.summaries.
-- bulk-settle) or its oldest mark has waited long enough (bulk-max-wait): the refresher asks, for the villages of the
-- oldest marks, whether a newer mark exists; this index answers it for one village without reading the others' marks
create index report_dirty_village_newest on report_dirty_village (village_code, marked_at) where not interactive;
