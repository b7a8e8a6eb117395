-- The household state is read whole (by evaluation jobs, 100,000 at a time) and never queried inside: kept as written
-- (json), it is neither parsed when stored nor re-serialized when read.
alter table household_projection alter column state type json using state::json;

-- Divisions are kept in the shared household directory (known_division, migration V0_3) as in the other services.
insert into known_division (code, name, level, parent_code)
select code, name, level, parent_code from division_projection where level <> 'HAMLET'
on conflict (code) do nothing;
drop table division_projection;
