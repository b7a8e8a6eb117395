-- 批量导入 of households and members from a CSV or Excel file, run as a job in the background. The file is kept with
-- the job (compressed) until the job is done, so that a job interrupted by a restart resumes where its last committed
-- chunk ended. The same file imported again within the same region is the same job.
create table household_import (
    id                   uuid         primary key,
    -- the region of the caller who submitted the file; rows outside it are refused
    scope_division       varchar(12)  not null,
    file_sha256          varchar(64)  not null,
    file_name            varchar(255) not null,
    format               varchar(4)   not null check (format in ('CSV', 'XLSX')),
    file_size            bigint       not null,
    content_gzip         bytea,
    reason               varchar(500),
    -- who submitted it (subject, roles, division, client): the job acts as them
    requester            jsonb        not null,
    requested_by         varchar(100) not null,
    status               varchar(10)  not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    -- data rows of the file (counted when the job starts) and rows done so far
    total_rows           integer,
    processed_rows       integer      not null default 0,
    -- the file row (the header is row 1) the last committed chunk ended with: a resumed job goes on after it
    last_row             integer      not null default 1,
    households_created   integer      not null default 0,
    households_updated   integer      not null default 0,
    households_unchanged integer      not null default 0,
    households_rejected  integer      not null default 0,
    rows_rejected        integer      not null default 0,
    members_stored       integer      not null default 0,
    failure              text,
    created_at           timestamptz  not null,
    started_at           timestamptz,
    finished_at          timestamptz,
    -- a running job's worker holds it until then; a job whose lease ran out is taken up again
    lease_until          timestamptz,
    constraint household_import_same_file unique (scope_division, file_sha256)
);
create index household_import_pending on household_import (created_at) where status in ('QUEUED', 'RUNNING');
create index household_import_scope on household_import (scope_division text_pattern_ops, created_at desc);

-- what was wrong with a row: the row number in the file (the header is row 1), the household number of the file,
-- the column and the field it maps to
create table household_import_error (
    id            bigserial    primary key,
    import_id     uuid         not null references household_import (id),
    row_number    integer      not null,
    household_ref varchar(100),
    column_name   varchar(50),
    field         varchar(200),
    code          varchar(40)  not null,
    message       text         not null
);
create index household_import_error_row on household_import_error (import_id, row_number, id);
