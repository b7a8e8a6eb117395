-- Households' yearly benefit totals 到户帮扶 as project-fund-service publishes them (household-benefits.totalled.v1).
create table report_household_benefit (
    household_id uuid           not null,
    benefit_year integer        not null,
    village_code varchar(12)    not null,
    version      bigint         not null,
    by_kind      jsonb          not null,
    total        numeric(14, 2) not null,
    primary key (household_id, benefit_year)
);
create index report_household_benefit_village on report_household_benefit (village_code text_pattern_ops, benefit_year);
