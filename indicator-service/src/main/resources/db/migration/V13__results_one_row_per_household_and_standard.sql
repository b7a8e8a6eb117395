-- The results in force are kept one row per household and standard (standard_result), each indicator's result an
-- element of arrays in the standard's order, instead of one row per household, standard and indicator: a job under a
-- new standard wrote six rows, six primary-key entries and six rate-index entries per household, and those were most of
-- what it cost PostgreSQL. A COPY of a county's first results (20,000 households, six indicators each) into a table
-- holding three standards' results: 0.95-1.06 s as 120,360 rows, 0.25-0.32 s as 20,060.
-- indicator_result stays what it was to every reader: a view with a row per indicator, the elements of a pair's
-- arrays side by side.
create table standard_result (
    household_id      uuid          not null,
    standard_code     varchar(60)   not null,
    village_code      varchar(12)   not null,
    indicator_codes   varchar(60)[] not null,
    standard_versions int[]         not null,
    met               boolean[]     not null,
    numerators        int[]         not null,
    denominators      int[]         not null,
    exclusions        json[]        not null,
    reasons           json[]        not null,
    digests           varchar(32)[] not null,
    evaluated_at      timestamptz[] not null,
    previously_met    boolean[]     not null,
    causes            text[]        not null,
    -- the standard first: a job's new results follow one another at the key's end (household ids are time-ordered
    -- and a job walks them in order); a household's own results are read one standard at a time
    primary key (standard_code, household_id)
);
-- rates, named lists and changes of a standard in a division
create index standard_result_division on standard_result (standard_code, village_code text_pattern_ops);

-- a pair's results share its village: a household that moved has every result recorded again under the new one
insert into standard_result
select household_id, standard_code, min(village_code),
       array_agg(indicator_code order by indicator_code), array_agg(standard_version order by indicator_code),
       array_agg(met order by indicator_code), array_agg(numerator order by indicator_code),
       array_agg(denominator order by indicator_code), array_agg(cast(exclusions as json) order by indicator_code),
       array_agg(cast(reasons as json) order by indicator_code), array_agg(digest order by indicator_code),
       array_agg(evaluated_at order by indicator_code), array_agg(previously_met order by indicator_code),
       array_agg(cause order by indicator_code)
from indicator_result
group by household_id, standard_code;

drop table indicator_result;

-- each element is read by its place, so a query builds the elements of the columns it uses only, where an unnest of
-- every array built them all (a county's sums through the view took 0.5 s instead of 0.1 s)
create view indicator_result as
select s.household_id, s.standard_code, r.indicator_code, s.standard_versions[r.place] as standard_version,
       s.village_code, s.met[r.place] as met, s.numerators[r.place] as numerator,
       s.denominators[r.place] as denominator, s.exclusions[r.place] as exclusions, s.reasons[r.place] as reasons,
       s.digests[r.place] as digest, s.evaluated_at[r.place] as evaluated_at,
       s.previously_met[r.place] as previously_met, s.causes[r.place] as cause
from standard_result s
cross join lateral unnest(s.indicator_codes) with ordinality as r(indicator_code, place);

-- the versions replaced keep exclusions and reasons as the text they were written as, like the versions in force
alter table indicator_result_history
    alter column exclusions type json using cast(exclusions as json),
    alter column reasons type json using cast(reasons as json);
