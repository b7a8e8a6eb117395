-- Project assets' revenue 资产收益, its distribution to households, and disposal 资产处置.
alter table project_asset add column disposal_method varchar(20);
alter table project_asset add column disposal_proceeds numeric(16, 2) check (disposal_proceeds >= 0);
alter table project_asset add column disposed_by varchar(200);

create table asset_revenue (
    id           uuid           primary key,
    asset_id     uuid           not null references project_asset,
    revenue_year integer        not null,
    amount       numeric(14, 2) not null check (amount > 0),
    received_on  date           not null,
    note         varchar(500),
    distributed  numeric(14, 2) not null check (distributed >= 0),
    recorded_by  varchar(200)   not null,
    recorded_at  timestamptz    not null,
    check (distributed <= amount)
);
create index asset_revenue_asset on asset_revenue (asset_id, revenue_year);

-- what of a revenue went to each household 收益分配到户
create table asset_revenue_share (
    revenue_id   uuid           not null references asset_revenue,
    household_id uuid           not null,
    amount       numeric(12, 2) not null check (amount > 0),
    primary key (revenue_id, household_id)
);
