package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.AuditEvent;
import cn.ruralwatch.events.AuditRecorded;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
    EntityManager entityManager;

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
                entityManager
                        .createNativeQuery("""
                                insert into audit_entry (entry_id, occurred_at, service, actor, roles, actor_division,
                                    client, client_address, request_id, action, entity_type, entity_id, entity_division, changes)
                                values (?1, ?2, ?3, ?4, cast(?5 as text[]), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, cast(?14 as jsonb))
                                on conflict (entry_id) do nothing
                                """)
                        .setParameter(1, UUID.fromString(event.id()))
                        .setParameter(2, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                        .setParameter(3, entry.service())
                        .setParameter(4, entry.actor())
                        .setParameter(5, entry.roles().toArray(String[]::new))
                        .setParameter(6, entry.actorDivision())
                        .setParameter(7, entry.client())
                        .setParameter(8, entry.clientAddress())
                        .setParameter(9, entry.requestId())
                        .setParameter(10, entry.action())
                        .setParameter(11, entry.entityType())
                        .setParameter(12, entry.entityId())
                        .setParameter(13, entry.entityDivision())
                        .setParameter(14, mapper.writeValueAsString(entry.changes()))
                        .executeUpdate();
        }
    }
}
