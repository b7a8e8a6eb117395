-- A village marked by an interactive event (a person's change, or what it caused) is recounted before the villages the
-- events of a bulk job marked, in a recount of its own: after a county's import thousands of bulk events mark all of
-- its villages again and again, and a person's registration waited for a recount of the whole county.
alter table report_dirty_village add column interactive boolean not null default false;
create index report_dirty_village_interactive on report_dirty_village (mark_id) where interactive;
