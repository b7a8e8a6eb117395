-- A household is evaluated against several standards whose indicator codes may coincide (HOUSING in two standards):
-- a result is one household's result of one indicator of one standard.
alter table report_indicator_result drop constraint report_indicator_result_pkey;
alter table report_indicator_result add primary key (household_id, standard_code, indicator_code);
