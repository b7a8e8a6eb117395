-- The outbox hands each payload to Kafka exactly as the service serialized it, so it keeps the text (json: checked,
-- not parsed into jsonb) and stores it out of line without compression. A bulk import writes two events of 3–8 KB
-- per household; parsing them into jsonb and compressing them with pglz cost PostgreSQL about half of each insert.
-- Shared migrations are numbered 0.x and may arrive after a service's own ones (flyway out-of-order).
alter table outbox_event alter column payload type json using payload::json;
alter table outbox_event alter column payload set storage external;
