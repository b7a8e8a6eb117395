-- Every search by name now names the members' township (V25: the township itself, or for a county or wider division
-- the townships in it, one seek each), so no query reads the index by name alone that V24 made: it was never scanned
-- on a database of 13 imported counties (260,000 households) and their searches, and cost a county's import one more
-- index entry for each of its members (22 MB for the 980,000 members of those counties).
drop index member_name_active_household;
