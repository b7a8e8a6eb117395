-- An event may name where its data already is instead of holding a copy: a household's registration event names the
-- revision that records the household as registered (an import writes thousands), and the relay builds the payload
-- from it as it publishes the event (cn.ruralwatch.messaging.ReferencedPayloads). payload_ref is '<source>/<key>'.
-- Every event has exactly one of the two.
alter table outbox_event alter column payload drop not null;
alter table outbox_event add column payload_ref text;
alter table outbox_event add constraint outbox_event_payload_or_reference
    check ((payload is null) <> (payload_ref is null));
