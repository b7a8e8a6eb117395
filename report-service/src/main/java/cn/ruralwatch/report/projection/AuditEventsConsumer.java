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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    @Override
    public void apply(List<IncomingEvent> events) throws Exception {
        for (IncomingEvent event : events) {
            apply(event);
        }
    }

    void apply(IncomingEvent event) throws Exception {
        AuditEvent parsed = AuditEvent.parse(event.type(), event.data(), mapper).orElse(null);
        if (parsed == null) {
            return;
        }
        switch (parsed) {
            case AuditRecorded entry ->
                sql.query("""
                                insert into audit_entry (entry_id, occurred_at, service, actor, roles, actor_division,
                                    client, client_address, request_id, action, entity_type, entity_id, entity_division, revision,
                                    changes)
                                values (:entryId, :occurredAt, :service, :actor, cast(:roles as text[]), :actorDivision,
                                    :client, :clientAddress, :requestId, :action, :entityType, :entityId, :entityDivision,
                                    cast(:revision as bigint), cast(:changes as jsonb))
                                on conflict (entry_id) do nothing
                                """)
                        .bind("entryId", UUID.fromString(event.id()))
                        .bind("occurredAt", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                        .bind("service", entry.service())
                        .bind("actor", entry.actor())
                        .bind("roles", entry.roles().toArray(String[]::new))
                        .bind("actorDivision", entry.actorDivision())
                        .bind("client", entry.client())
                        .bind("clientAddress", entry.clientAddress())
                        .bind("requestId", entry.requestId())
                        .bind("action", entry.action())
                        .bind("entityType", entry.entityType())
                        .bind("entityId", entry.entityId())
                        .bind("entityDivision", entry.entityDivision())
                        .bind("revision", entry.revision())
                        .bind("changes", mapper.writeValueAsString(entry.changes()))
                        .execute();
        }
    }
}
