-- Work-report templates 工作汇报模板: Markdown with Qute expressions over the report's figures, versioned by name; the
-- newest version of a name is used, and the shipped template serves a name no one has saved.
create table report_template (
    name        varchar(60)  not null,
    version     integer      not null,
    title       varchar(200) not null,
    body        text         not null,
    created_by  text         not null,
    created_at  timestamptz  not null default now(),
    primary key (name, version)
);
