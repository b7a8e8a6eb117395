-- Search 农户查询: by member name (prefix: surname or full name), labour and health of members living in the household,
-- and by the household's category, risk state and income band, within a division.
create index member_name_active on member (name text_pattern_ops) where status = 'ACTIVE';
create index member_labor_health on member (household_id, labor_ability, health) where status = 'ACTIVE';
create index household_income_band on household (net_income_per_capita) where net_income_per_capita is not null;
