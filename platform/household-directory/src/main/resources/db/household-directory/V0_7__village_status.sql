-- A village's kind (行政村 or 社区) and poverty-village status (贫困村, and the year it exited: a 脱贫村 since), from
-- division.registered.v1 and village.status-set.v1; provinces (2 digits) and cities (4) join the tree.
alter table known_division
    add column village_kind      varchar(10),
    add column poverty_village   boolean,
    add column poverty_exit_year integer;
