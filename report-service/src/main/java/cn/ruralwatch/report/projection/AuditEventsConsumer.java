package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.AuditEvent;
import cn.ruralwatch.events.AuditRecorded;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import cn.ruralwatch.sql.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The audit log from audit-events: one row per entry, the CloudEvents id as its id, never updated. */
@ApplicationScoped
public class AuditEventsConsumer implements EventHandler {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Sql sql;

    /** Events arrive in batches (the channel has {@code batch=true}), each batch applied in one transaction. */
    @Incoming(Topics.AUDIT_EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch(this, batch);
    }

    @Override
    public String consumer() {
        return ReportConsumers.NAME;
    }

    @Override
    public String topic() {
        return Topics.AUDIT_EVENTS;
    }

    /** Stores the entries of a batch in one statement; an entry already stored (a redelivery, a rebuild) is kept. */
    @Override
    public void apply(List<IncomingEvent> events) throws Exception {
        List<UUID> ids = new ArrayList<>();
        List<AuditRecorded> entries = new ArrayList<>();
        for (IncomingEvent event : events) {
            AuditEvent parsed =
                    AuditEvent.parse(event.type(), event.data(), mapper).orElse(null);
            if (parsed instanceof AuditRecorded entry) {
                ids.add(UUID.fromString(event.id()));
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        List<String> roles = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (AuditRecorded entry : entries) {
            roles.add(mapper.writeValueAsString(entry.roles()));
            changes.add(mapper.writeValueAsString(entry.changes()));
        }
        sql.query("""
                        insert into audit_entry (entry_id, occurred_at, service, actor, roles, actor_division, client,
                                                 client_address, request_id, action, entity_type, entity_id,
                                                 entity_division, revision, changes)
                        select e.entry_id, e.occurred_at, e.service, e.actor,
                               array(select json_array_elements_text(cast(e.roles as json))), e.actor_division,
                               e.client, e.client_address, e.request_id, e.action, e.entity_type, e.entity_id,
                               e.entity_division, e.revision, cast(e.changes as jsonb)
                        from unnest(cast(:ids as uuid[]), cast(:occurredAt as timestamptz[]), cast(:services as text[]),
                                    cast(:actors as text[]), cast(:roles as text[]), cast(:actorDivisions as text[]),
                                    cast(:clients as text[]), cast(:clientAddresses as text[]),
                                    cast(:requestIds as text[]), cast(:actions as text[]),
                                    cast(:entityTypes as text[]), cast(:entityIds as text[]),
                                    cast(:entityDivisions as text[]), cast(:revisions as bigint[]),
                                    cast(:changes as text[]))
                             as e(entry_id, occurred_at, service, actor, roles, actor_division, client, client_address,
                                  request_id, action, entity_type, entity_id, entity_division, revision, changes)
                        on conflict (entry_id) do nothing
                        """)
                .bind("ids", ids.toArray(UUID[]::new))
                .bind(
                        "occurredAt",
                        entries.stream().map(e -> e.occurredAt().toString()).toArray(String[]::new))
                .bind("services", entries.stream().map(AuditRecorded::service).toArray(String[]::new))
                .bind("actors", entries.stream().map(AuditRecorded::actor).toArray(String[]::new))
                .bind("roles", roles.toArray(String[]::new))
                .bind(
                        "actorDivisions",
                        entries.stream().map(AuditRecorded::actorDivision).toArray(String[]::new))
                .bind("clients", entries.stream().map(AuditRecorded::client).toArray(String[]::new))
                .bind(
                        "clientAddresses",
                        entries.stream().map(AuditRecorded::clientAddress).toArray(String[]::new))
                .bind(
                        "requestIds",
                        entries.stream().map(AuditRecorded::requestId).toArray(String[]::new))
                .bind("actions", entries.stream().map(AuditRecorded::action).toArray(String[]::new))
                .bind(
                        "entityTypes",
                        entries.stream().map(AuditRecorded::entityType).toArray(String[]::new))
                .bind("entityIds", entries.stream().map(AuditRecorded::entityId).toArray(String[]::new))
                .bind(
                        "entityDivisions",
                        entries.stream().map(AuditRecorded::entityDivision).toArray(String[]::new))
                .bind("revisions", entries.stream().map(AuditRecorded::revision).toArray(Long[]::new))
                .bind("changes", changes.toArray(String[]::new))
                .execute();
    }

    /** Stores one entry: what a rebuild replays. */
    void apply(IncomingEvent event) throws Exception {
        apply(List.of(event));
    }
}
