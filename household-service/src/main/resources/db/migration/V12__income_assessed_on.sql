-- 收入核定日期: the day a year's income record was established. Risk elimination judges "income stably above the line
-- for six months" on these days, so that a household entered with its history (registration or import) is judged on
-- the history it was entered with, which the change audit keeps.
alter table household_income add column assessed_on date;

-- A record stored before this migration was established on the first day of the history's run of revisions in which
-- that year's amounts stood as they stand now (China Standard Time); without such a revision, on its household's
-- registration. Never before the first day of its year.
update household_income i
set assessed_on = greatest(make_date(i.year, 1, 1), coalesce(
        (select (min(r.recorded_at) at time zone 'Asia/Shanghai')::date
         from household_revision r
         where r.household_id = i.household_id
           and r.version > coalesce(
                   (select max(p.version)
                    from household_revision p
                    where p.household_id = i.household_id
                      and not exists (
                          select 1 from jsonb_array_elements(coalesce(p.snapshot -> 'incomes', '[]'::jsonb)) e
                          where (e ->> 'year')::int = i.year
                            and (e ->> 'wage')::numeric = i.wage
                            and (e ->> 'business')::numeric = i.business
                            and (e ->> 'property')::numeric = i.property
                            and (e ->> 'transfer')::numeric = i.transfer
                            and (e ->> 'productionCosts')::numeric = i.production_costs)),
                   -1)),
        (select (h.registered_at at time zone 'Asia/Shanghai')::date from household h where h.id = i.household_id)));

alter table household_income alter column assessed_on set not null;
alter table household_income add constraint household_income_assessed_in_its_year
    check (assessed_on >= make_date(year, 1, 1));
