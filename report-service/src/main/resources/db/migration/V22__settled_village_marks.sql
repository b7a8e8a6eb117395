-- Villages marked by bulk work are recounted once their oldest mark has settled (ruralwatch.report.summaries.bulk-settle):
-- the refresher asks for the settled marks, oldest first, after every batch of an import's events, while thousands of
-- newer ones wait; this index answers it without reading those
create index report_dirty_village_settling on report_dirty_village (marked_at, mark_id) where not interactive;
