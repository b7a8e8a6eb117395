-- A household's earlier monitoring episodes (识别纳入 to 风险消除) before the one its monitoring columns hold: entered with
-- their dates (history from before the suite: seed 003 has households identified in 2019 and eliminated in 2020) or
-- kept when a household whose risk was eliminated is identified again.
create table household_monitoring_episode (
    household_id  uuid        not null references household (id),
    category      varchar(20) not null check (category in ('UNSTABLE_EXITED', 'EDGE_AT_RISK', 'SUDDEN_HARDSHIP')),
    risk_types    text[]      not null default '{}',
    identified_on date        not null check (identified_on >= date '2014-01-01'),
    eliminated_on date        not null,
    primary key (household_id, identified_on),
    check (eliminated_on >= identified_on)
);
