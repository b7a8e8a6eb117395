package cn.ruralwatch.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption. Each event (or batch of events) is applied in its own transaction together with a row per
 * event in {@code inbox_event}; an event already recorded there is skipped, so redeliveries and relay retries change nothing. A failing event is tried
 * again a few times; then the exception propagates, the message is nacked and the channel's dead-letter strategy
 * publishes it with the reason.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "ruralwatch.inbox.attempts", defaultValue = "3")
    int attempts;

    /** Applies one event at most once for this consumer. */
    @FunctionalInterface
    public interface Handler {
        void apply(IncomingEvent event) throws Exception;
    }

    public void process(String consumer, ConsumerRecord<String, String> record, Handler handler) {
        IncomingEvent event = IncomingEvent.from(record);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, event, handler));
                return;
            } catch (IncomingEvent.MalformedEventException malformed) {
                // no retry makes it readable
                throw new EventProcessingException(event, malformed);
            } catch (RuntimeException failure) {
                last = failure;
                LOG.warnf(
                        "Event %s (%s) failed in %s, attempt %d of %d: %s",
                        event.id(), event.type(), consumer, attempt, attempts, failure.toString());
            }
        }
        throw new EventProcessingException(event, last);
    }

    /** Applies a batch of events, each at most once for this consumer. */
    @FunctionalInterface
    public interface BatchHandler {
        void apply(List<IncomingEvent> events) throws Exception;
    }

    /**
     * Applies a batch of records in one transaction: the events not yet recorded for this consumer are recorded and
     * handed to the handler together, so that a consumer that can work on many events at once (one evaluation of many
     * households) pays for one transaction instead of hundreds. When the batch fails, its records are applied one by one
     * as {@link #process} does, so that one bad event neither holds up the others nor takes them with it.
     *
     * @return the records that still failed, each with the exception to dead-letter it with
     */
    public Map<ConsumerRecord<String, String>, EventProcessingException> processBatch(
            String consumer, List<ConsumerRecord<String, String>> records, BatchHandler handler) {
        if (records.isEmpty()) {
            return Map.of();
        }
        try {
            List<IncomingEvent> events =
                    records.stream().map(IncomingEvent::from).toList();
            QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, events, handler));
            return Map.of();
        } catch (RuntimeException batchFailed) {
            LOG.warnf(
                    "A batch of %d events failed in %s, applying them one by one: %s",
                    records.size(), consumer, batchFailed.toString());
        }
        Map<ConsumerRecord<String, String>, EventProcessingException> failed = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                process(consumer, record, event -> handler.apply(List.of(event)));
            } catch (EventProcessingException e) {
                failed.put(record, e);
            } catch (IncomingEvent.MalformedEventException notACloudEvent) {
                failed.put(record, new EventProcessingException(record, notACloudEvent));
            }
        }
        return failed;
    }

    /**
     * A batch as the Kafka connector delivers it ({@code batch=true} on the channel): applied as above, every record
     * that still failed nacked on its own (the channel's dead-letter strategy publishes it with the reason), then the
     * batch acknowledged.
     */
    public CompletionStage<Void> processBatch(
            String consumer, KafkaRecordBatch<String, String> batch, BatchHandler handler) {
        List<KafkaRecord<String, String>> messages = batch.getRecords();
        List<ConsumerRecord<String, String>> records = messages.stream()
                .map(m -> m.getMetadata(IncomingKafkaRecordMetadata.class)
                        .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                        .orElseThrow())
                .toList();
        Map<ConsumerRecord<String, String>, EventProcessingException> failed = processBatch(consumer, records, handler);
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            EventProcessingException failure = failed.get(records.get(i));
            if (failure != null) {
                deadLetters.add(messages.get(i).nack(failure).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new))
                .thenCompose(sent -> batch.ack());
    }

    private void applyOnce(String consumer, List<IncomingEvent> events, BatchHandler handler) {
        List<?> recorded = entityManager
                .createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type)
                        select ?1, e.id, e.type from unnest(cast(?2 as text[]), cast(?3 as text[])) as e(id, type)
                        on conflict do nothing returning event_id""")
                .setParameter(1, consumer)
                .setParameter(2, events.stream().map(IncomingEvent::id).toArray(String[]::new))
                .setParameter(3, events.stream().map(IncomingEvent::type).toArray(String[]::new))
                .getResultList();
        Set<Object> fresh = new HashSet<>(recorded);
        // an event delivered twice in one batch is applied once: its first copy
        List<IncomingEvent> toApply =
                events.stream().filter(e -> fresh.remove(e.id())).toList();
        if (toApply.isEmpty()) {
            return;
        }
        run(() -> handler.apply(toApply), "the batch's data");
    }

    private void applyOnce(String consumer, IncomingEvent event, Handler handler) {
        int recorded = entityManager
                .createNativeQuery(
                        "insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        if (recorded == 0) {
            LOG.debugf("Event %s already applied by %s", event.id(), consumer);
            return;
        }
        run(() -> handler.apply(event), "data of " + event.type());
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs a handler: data that cannot be read is malformed (no retry helps), anything else may pass on a retry. */
    private static void run(Work work, String what) {
        try {
            work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (JsonProcessingException unreadable) {
            throw new IncomingEvent.MalformedEventException(
                    what + " does not match its schema: " + unreadable.getOriginalMessage());
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Raised when an event still fails after all attempts; its message becomes the dead letter's reason. */
    public static class EventProcessingException extends RuntimeException {
        public EventProcessingException(IncomingEvent event, Throwable cause) {
            super(
                    "event " + event.id() + " of type " + event.type() + " failed: "
                            + (cause == null ? "unknown" : cause.getMessage()),
                    cause);
        }

        /** A record that is not a CloudEvent of the suite. */
        EventProcessingException(ConsumerRecord<String, String> record, Throwable cause) {
            super(
                    "record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed: "
                            + cause.getMessage(),
                    cause);
        }
    }
}
