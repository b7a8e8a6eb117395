-- An evaluation job walks a region's households in id order up to the region's highest id, which this index gives
-- without reading the table; it serves every query by village code prefix as the index it replaces did.
create index household_projection_village_household
    on household_projection (village_code text_pattern_ops, household_id);
drop index household_projection_village;
