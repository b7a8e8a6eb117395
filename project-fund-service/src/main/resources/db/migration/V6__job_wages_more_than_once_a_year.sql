-- Public-welfare job wages are paid month by month: only a PV plan's wage (one per member and plan) is unique; the
-- one-off transport subsidy stays once a member a year.
drop index household_benefit_member_once;
create unique index household_benefit_transport_once on household_benefit (member_id, benefit_year)
    where kind = 'TRANSPORT_SUBSIDY';
create unique index household_benefit_plan_wage_once on household_benefit (member_id, source)
    where kind = 'PUBLIC_WELFARE_JOB_WAGE' and source is not null;
