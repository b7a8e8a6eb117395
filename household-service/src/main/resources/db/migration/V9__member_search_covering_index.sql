-- A search by name, labour or health within a division probes the members living in each household of the division:
-- one index holding what those probes test answers them from the index alone (the index it replaces held labour and
-- health only, so that a name probe read every member row).
create index member_living on member (household_id) include (name, labor_ability, health) where status = 'ACTIVE';
drop index member_labor_health;
