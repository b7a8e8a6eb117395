-- Read models built from the suite's topics; rebuildable from them. Divisions and households are in
-- known_division / known_household (household-directory).
-- Latest evaluation of each household against each indicator.
create table report_indicator_result (
    household_id   uuid        not null,
    indicator_code varchar(60) not null,
    standard_code  varchar(60) not null,
    village_code   varchar(12) not null,
    met            boolean     not null,
    evaluated_at   timestamptz not null,
    primary key (household_id, indicator_code)
);
create index report_indicator_result_village on report_indicator_result (village_code text_pattern_ops);

create table report_evaluation (
    household_id  uuid        not null,
    standard_code varchar(60) not null,
    village_code  varchar(12) not null,
    all_met       boolean     not null,
    evaluated_at  timestamptz not null,
    primary key (household_id, standard_code)
);
create index report_evaluation_village on report_evaluation (village_code text_pattern_ops);

create table report_fund_batch (
    batch_id     uuid           primary key,
    county_code  varchar(6)     not null,
    source_level varchar(12)    not null,
    fund_year    integer        not null,
    batch_number integer        not null,
    amount       numeric(16, 2) not null
);
create index report_fund_batch_county on report_fund_batch (county_code, fund_year);
