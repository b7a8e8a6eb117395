package cn.ruralwatch.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes events to the outbox table in the caller's transaction. They reach Kafka only if that transaction commits, and
 * then for certain: the relay publishes them, retrying until Kafka takes them.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /**
     * Records an event.
     *
     * @param topic Kafka topic
     * @param aggregateType e.g. {@code household}
     * @param aggregateId Kafka key; events of one aggregate are published in the order they were written
     * @param eventType CloudEvents type, e.g. {@code household.registered.v1}
     * @param payload serialized as the JSON data of the event
     * @return the event id (CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String aggregateType, String aggregateId, String eventType, Object payload) {
        UUID eventId = UUID.randomUUID();
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialized: " + eventType, e);
        }
        entityManager
                .createNativeQuery("""
                        insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, bucket, event_type, occurred_at, payload)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb))
                        """)
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, aggregateType)
                .setParameter(4, aggregateId)
                .setParameter(5, bucketOf(aggregateId, config.buckets()))
                .setParameter(6, eventType)
                .setParameter(7, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .setParameter(8, json)
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return eventId;
    }

    /** The bucket of an aggregate: all its events share it. */
    public static int bucketOf(String aggregateId, int buckets) {
        return Math.floorMod(aggregateId.hashCode(), buckets);
    }

    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
