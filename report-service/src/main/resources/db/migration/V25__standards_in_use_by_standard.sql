-- A standard's retirement (or its return into use) flips in_use on every result it holds, a few thousand rows per
-- transaction outside the consumer's (ReportStandards): these find the rows still to flip without reading the others.
-- Every key of a standard is one of two values, which B-tree deduplication stores in a few bytes per row.
create index report_indicator_result_standard on report_indicator_result (standard_code, in_use);
create index report_evaluation_standard on report_evaluation (standard_code, in_use);
