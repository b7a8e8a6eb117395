-- Linkage-fund batches 衔接资金批次 allocated to a county.
create table fund_batch (
    id              uuid           primary key,
    county_code     varchar(6)     not null,
    source_level    varchar(12)    not null check (source_level in ('CENTRAL', 'PROVINCIAL', 'CITY', 'COUNTY')),
    fund_year       integer        not null,
    batch_number    integer        not null check (batch_number > 0),
    amount          numeric(16, 2) not null check (amount > 0),
    document_number varchar(100),
    purpose         varchar(500),
    version         bigint         not null default 0,
    registered_at   timestamptz    not null,
    constraint fund_batch_unique unique (county_code, source_level, fund_year, batch_number)
);
