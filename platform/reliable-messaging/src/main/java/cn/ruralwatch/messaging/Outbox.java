package cn.ruralwatch.messaging;

import cn.ruralwatch.sql.CopyRows;
import cn.ruralwatch.tracing.Cause;
import cn.ruralwatch.tracing.Lane;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.uuid.UuidCreator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes events to the outbox table in the caller's transaction. They reach Kafka only if that transaction commits, and
 * then for certain: the relay publishes them, retrying until Kafka takes them.
 *
 * <p>Each event keeps its lane ({@link Lane}): written by a background job, or by a consumer applying a bulk event, it
 * is bulk, published as fast as its consumers keep up and after the interactive ones. Each event keeps its cause: the
 * trace context of the span it is written in (the request's, the consumed event's, the job's) and the request id. The
 * relay publishes them with the event, so that its consumers continue the trace.
 */
@ApplicationScoped
public class Outbox {

    private static final List<String> COLUMNS = List.of(
            "event_id",
            "topic",
            "aggregate_type",
            "aggregate_id",
            "bucket",
            "event_type",
            "occurred_at",
            "payload",
            "payload_ref",
            "traceparent",
            "tracestate",
            "request_id",
            "bulk");

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
     * An event to record: see {@link #publish}.
     *
     * @param payload serialized as the JSON data of the event; null when {@code reference} names it
     * @param reference where the event's data already is, its payload built from there as it is published
     *     ({@link ReferencedPayloads}); null when {@code payload} is given
     * @param causeEventId the id of the event being applied that causes this one, when a consumer applies a batch of
     *     events from several requests at once; null: the current span and request id are its cause
     */
    public record Message(
            String topic,
            String aggregateType,
            String aggregateId,
            String eventType,
            Object payload,
            Reference reference,
            String causeEventId) {

        public Message {
            if ((payload == null) == (reference == null)) {
                throw new IllegalArgumentException("An event has either a payload or a reference: " + eventType);
            }
        }

        public Message(String topic, String aggregateType, String aggregateId, String eventType, Object payload) {
            this(topic, aggregateType, aggregateId, eventType, payload, null, null);
        }

        /**
         * An event whose payload is built, as it is published, from what {@code reference} names: a record the
         * service keeps for good (a household's revision), so that the same data is not stored twice.
         */
        public static Message referencing(
                String topic, String aggregateType, String aggregateId, String eventType, Reference reference) {
            return new Message(topic, aggregateType, aggregateId, eventType, null, reference, null);
        }

        /** The same event, caused by the event (being applied on this thread) of this id: it continues its trace. */
        public Message causedBy(String eventId) {
            return new Message(topic, aggregateType, aggregateId, eventType, payload, reference, eventId);
        }
    }

    /**
     * Where an event's data is: {@code key} in the records of {@code source}, a {@link ReferencedPayloads} bean of the
     * service. Stored as {@code <source>/<key>}.
     */
    public record Reference(String source, String key) {

        public Reference {
            if (source.isEmpty() || source.contains("/")) {
                throw new IllegalArgumentException("A payload source is a name without '/': " + source);
            }
        }

        static Reference parse(String stored) {
            int slash = stored.indexOf('/');
            if (slash <= 0) {
                throw new IllegalStateException("Not an outbox payload reference: " + stored);
            }
            return new Reference(stored.substring(0, slash), stored.substring(slash + 1));
        }

        @Override
        public String toString() {
            return source + "/" + key;
        }
    }

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
        return publishAll(List.of(new Message(topic, aggregateType, aggregateId, eventType, payload)))
                .getFirst();
    }

    /**
     * Records events in one batch (a bulk import writes thousands in a transaction), in the order given.
     *
     * @return the event ids, in the order of the messages
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<Message> messages) {
        List<UUID> ids = new ArrayList<>(messages.size());
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        Cause current = Cause.current();
        Lane lane = Lane.current();
        boolean interactive = false;
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (Message message : messages) {
            Cause cause = message.causeEventId() == null
                    ? current
                    : EventSpans.causeOf(message.causeEventId()).orElse(current);
            // the lane of the work writing it, or of the applied event that causes it
            Lane messageLane = message.causeEventId() == null
                    ? lane
                    : EventSpans.laneOf(message.causeEventId()).orElse(lane);
            interactive |= messageLane != Lane.BULK;
            UUID eventId = UuidCreator.getTimeOrderedEpoch();
            rows.add(new Object[] {
                eventId,
                message.topic(),
                message.aggregateType(),
                message.aggregateId(),
                bucketOf(message.aggregateId(), config.buckets()),
                message.eventType(),
                now,
                message.payload() == null ? null : json(message),
                message.reference() == null ? null : message.reference().toString(),
                cause.traceparent(),
                cause.tracestate(),
                cause.requestId(),
                messageLane == Lane.BULK
            });
            ids.add(eventId);
        }
        // a bulk import writes thousands in a transaction: COPY spares binding each row
        entityManager
                .unwrap(Session.class)
                .doWork(connection -> CopyRows.copy(connection, "outbox_event", COLUMNS, rows));
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay, interactive));
        return ids;
    }

    private String json(Message message) {
        try {
            return mapper.writeValueAsString(message.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialized: " + message.eventType(), e);
        }
    }

    /** The bucket of an aggregate: all its events share it. */
    public static int bucketOf(String aggregateId, int buckets) {
        return Math.floorMod(aggregateId.hashCode(), buckets);
    }

    private record WakeRelayAfterCommit(OutboxRelay relay, boolean interactive) implements Synchronization {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                if (interactive) {
                    relay.interactiveCommitted();
                } else {
                    relay.wakeUp();
                }
            }
        }
    }
}
