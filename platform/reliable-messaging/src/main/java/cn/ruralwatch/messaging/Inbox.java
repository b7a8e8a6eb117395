package cn.ruralwatch.messaging;

import cn.ruralwatch.failures.TransientFailures;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.tracing.Cause;
import cn.ruralwatch.tracing.CauseScope;
import cn.ruralwatch.tracing.Lane;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption. Each event (or batch of events) is applied in its own transaction together with a row per
 * event in {@code inbox_event}; an event already recorded there is skipped, so redeliveries and relay retries change
 * nothing.
 *
 * <p>Failures are of two kinds. A transient one (the database restarting or refusing connections, a connection lost,
 * a deadlock, a serialization failure, a timeout, the pool exhausted: {@link TransientFailures}) is waited out: the
 * consumer pauses with a growing backoff and tries the same events again, in order, for as long as it lasts, and
 * nothing is dropped. A failure of the event itself (it cannot be read, it breaks a rule, a defect) is tried a few
 * times and then the event is parked in {@code dead_letter} with the reason ({@link DeadLetters}), where an operator
 * re-drives or discards it; the events after it go on. Either way the message is acknowledged only once it is applied
 * or parked, so a service stopped meanwhile gets it again.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Sql sql;

    @Inject
    InboxConfig config;

    @Inject
    TransientRetry retry;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Tracer tracer;

    /**
     * Applies one record at most once for the handler's consumer, or parks it. It is applied in a span of its own, a
     * child of the span that published it, with the request id it carries in the log context, and in its lane: the
     * events written meanwhile continue its trace, carry its request id and are bulk when it is.
     */
    public void process(EventHandler handler, ConsumerRecord<String, String> record) {
        Cause carried = IncomingEvent.causeOf(record);
        Span span = EventSpans.process(tracer, handler, record, carried);
        try (CauseScope scope = CauseScope.enter(span, carried.requestId());
                Lane.Scope lane = IncomingEvent.laneOf(record).follow()) {
            process(handler, record, span);
        } catch (RuntimeException failure) {
            EventSpans.failed(span, failure);
            throw failure;
        } finally {
            span.end();
        }
    }

    private void process(EventHandler handler, ConsumerRecord<String, String> record, Span span) {
        TransientRetry.Wait wait = retry.start(handler, "event at " + position(record));
        int failures = 0;
        while (true) {
            wait.checkRunning();
            try {
                IncomingEvent event = IncomingEvent.from(record);
                span.setAttribute("cloudevents.event_id", event.id());
                span.setAttribute("cloudevents.event_type", event.type());
                QuarkusTransaction.requiringNew().run(() -> applyOnce(handler, List.of(event)));
                wait.done();
                return;
            } catch (TransientRetry.Stopping stopping) {
                throw stopping;
            } catch (RuntimeException failure) {
                Optional<String> passing = TransientFailures.reason(failure);
                if (passing.isPresent()) {
                    span.addEvent("transient failure: " + passing.get());
                    wait.pause(passing.get(), failure);
                    continue;
                }
                failures++;
                boolean malformed = isMalformed(failure);
                if (malformed || failures >= config.attempts()) {
                    String reason = describe(failure);
                    park(handler, record, reason, failures, wait);
                    span.setStatus(StatusCode.ERROR, "parked as a dead letter: " + reason);
                    wait.done();
                    return;
                }
                LOG.warnf(
                        "Event at %s failed in %s, attempt %d of %d: %s",
                        position(record), handler.consumer(), failures, config.attempts(), failure.toString());
            }
        }
    }

    /**
     * Applies a batch of records in one transaction: the events not yet recorded for this consumer are recorded and
     * handed to the handler together, so that a consumer that can work on many events at once (one evaluation of many
     * households) pays for one transaction instead of hundreds. A transient failure is waited out and the whole batch
     * tried again; when the batch fails for another reason, its records are applied one by one as {@link #process}
     * does, so that one bad event is parked alone and the others go through.
     *
     * <p>A person's events do not wait for an import's in the same batch: the interactive events go first, in a
     * transaction of their own, and the bulk events after them. An interactive event whose key an earlier bulk event
     * of the batch has stays behind it, so that the events of one key (one household) keep their order; events of
     * different keys have no order to keep (different partitions deliver them in any order already).
     */
    public void processBatch(EventHandler handler, List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> first = new ArrayList<>();
        List<ConsumerRecord<String, String>> after = new ArrayList<>();
        Set<String> keysBehind = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            if (IncomingEvent.laneOf(record) == Lane.INTERACTIVE && !keysBehind.contains(record.key())) {
                first.add(record);
            } else {
                after.add(record);
                keysBehind.add(record.key());
            }
        }
        if (first.isEmpty() || after.isEmpty()) {
            processTogether(handler, records);
        } else {
            processTogether(handler, first);
            processTogether(handler, after);
        }
    }

    /** Applies the records as one batch (see {@link #processBatch(EventHandler, List)}). */
    private void processTogether(EventHandler handler, List<ConsumerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return;
        }
        // each event in a span of its own, a child of its publisher's; the events a handler writes because of one of
        // them (Outbox.Message#causedBy) continue that one's trace. When the whole batch belongs to one trace (one
        // request's events), its first span is current, so that whatever the handler writes continues it.
        List<Span> spans = new ArrayList<>(records.size());
        Map<String, Cause> causes = new HashMap<>();
        Set<String> bulk = new HashSet<>();
        boolean allBulk = true;
        Set<String> traces = new HashSet<>();
        Set<String> requestIds = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            Cause carried = IncomingEvent.causeOf(record);
            Lane recordLane = IncomingEvent.laneOf(record);
            allBulk &= recordLane == Lane.BULK;
            Span span = EventSpans.process(tracer, handler, record, carried);
            spans.add(span);
            traces.add(span.getSpanContext().getTraceId());
            requestIds.add(String.valueOf(carried.requestId()));
            String eventId = IncomingEvent.eventIdOf(record);
            if (eventId != null) {
                span.setAttribute("cloudevents.event_id", eventId);
                causes.putIfAbsent(eventId, EventSpans.causeIn(span, carried.requestId()));
                if (recordLane == Lane.BULK) {
                    bulk.add(eventId);
                }
            }
        }
        // the batch is in the bulk lane when all its events are; in a mixed one, what the handler writes because of
        // one event (Outbox.Message#causedBy) is in that event's lane
        Lane batchLane = allBulk ? Lane.BULK : Lane.INTERACTIVE;
        Span current = traces.size() == 1 ? spans.getFirst() : Span.getInvalid();
        String requestId = requestIds.size() == 1
                ? IncomingEvent.causeOf(records.getFirst()).requestId()
                : null;
        boolean together;
        try (CauseScope scope = CauseScope.enter(current, requestId);
                Lane.Scope lane = batchLane.follow()) {
            together = applyBatch(handler, records, causes, bulk);
        } catch (RuntimeException failure) {
            spans.forEach(span -> EventSpans.failed(span, failure));
            spans.forEach(Span::end);
            throw failure;
        }
        if (!together) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, "the batch failed; its events applied one by one"));
        }
        spans.forEach(Span::end);
        if (!together) {
            for (ConsumerRecord<String, String> record : records) {
                process(handler, record);
            }
        }
    }

    /** Applies the batch in one transaction, waiting out transient failures; false when it failed otherwise. */
    private boolean applyBatch(
            EventHandler handler,
            List<ConsumerRecord<String, String>> records,
            Map<String, Cause> causes,
            Set<String> bulk) {
        TransientRetry.Wait wait =
                retry.start(handler, "batch of " + records.size() + " events from " + position(records.getFirst()));
        while (true) {
            wait.checkRunning();
            try {
                List<IncomingEvent> events =
                        records.stream().map(IncomingEvent::from).toList();
                EventSpans.applying(causes, bulk);
                try {
                    QuarkusTransaction.requiringNew().run(() -> applyOnce(handler, events));
                } finally {
                    EventSpans.applied();
                }
                wait.done();
                return true;
            } catch (TransientRetry.Stopping stopping) {
                throw stopping;
            } catch (RuntimeException failure) {
                Optional<String> passing = TransientFailures.reason(failure);
                if (passing.isPresent()) {
                    wait.pause(passing.get(), failure);
                    continue;
                }
                wait.done();
                LOG.warnf(
                        "A batch of %d events failed in %s, applying them one by one: %s",
                        records.size(), handler.consumer(), failure.toString());
                return false;
            }
        }
    }

    /**
     * A batch as the Kafka connector delivers it ({@code batch=true} on the channel): applied (or its bad events
     * parked) as above, then acknowledged.
     */
    public CompletionStage<Void> processBatch(EventHandler handler, KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> messages = batch.getRecords();
        @SuppressWarnings("unchecked")
        List<ConsumerRecord<String, String>> records = messages.stream()
                .map(m -> m.getMetadata(IncomingKafkaRecordMetadata.class)
                        .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                        .orElseThrow())
                .toList();
        processBatch(handler, records);
        return batch.ack();
    }

    /**
     * Records the events for the handler's consumer and applies those not recorded before, in the caller's
     * transaction; answers the events applied now.
     */
    List<IncomingEvent> applyOnce(EventHandler handler, List<IncomingEvent> events) {
        if (Lane.current() == Lane.BULK) {
            // an import's events, thousands alike: their statements are planned once (interactive ones as always)
            sql.planOnce();
        }
        List<?> recorded = entityManager
                .createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type)
                        select ?1, e.id, e.type from unnest(cast(?2 as text[]), cast(?3 as text[])) as e(id, type)
                        on conflict do nothing returning event_id""")
                .setParameter(1, handler.consumer())
                .setParameter(2, events.stream().map(IncomingEvent::id).toArray(String[]::new))
                .setParameter(3, events.stream().map(IncomingEvent::type).toArray(String[]::new))
                .getResultList();
        Set<Object> fresh = new HashSet<>(recorded);
        // an event delivered twice in one batch is applied once: its first copy
        List<IncomingEvent> toApply =
                events.stream().filter(e -> fresh.remove(e.id())).toList();
        if (toApply.isEmpty()) {
            LOG.debugf(
                    "Events %s already applied by %s",
                    events.stream().map(IncomingEvent::id).toList(), handler.consumer());
            return toApply;
        }
        try {
            handler.apply(toApply);
        } catch (RuntimeException e) {
            throw e;
        } catch (JsonProcessingException unreadable) {
            throw new IncomingEvent.MalformedEventException("the data of "
                    + toApply.getFirst().type() + " does not match its schema: " + unreadable.getOriginalMessage());
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return toApply;
    }

    /** Parks the record; waits while the database cannot take it either. */
    private void park(
            EventHandler handler,
            ConsumerRecord<String, String> record,
            String reason,
            int attempts,
            TransientRetry.Wait wait) {
        while (true) {
            wait.checkRunning();
            try {
                deadLetters.park(handler, record, reason, attempts);
                return;
            } catch (RuntimeException failure) {
                Optional<String> passing = TransientFailures.reason(failure);
                if (passing.isEmpty()) {
                    // neither applied nor parked: leave it unacknowledged rather than lose it
                    throw new IllegalStateException(
                            "event at " + position(record) + " could not be parked: " + failure, failure);
                }
                wait.pause(passing.get(), failure);
            }
        }
    }

    private static boolean isMalformed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IncomingEvent.MalformedEventException) {
                return true;
            }
        }
        return false;
    }

    /** The reason kept with a dead letter: the failure's own messages, innermost cause last. */
    static String describe(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank() && reason.indexOf(message) < 0) {
                if (!reason.isEmpty()) {
                    reason.append(" ← ");
                }
                reason.append(message);
            }
        }
        if (reason.isEmpty()) {
            reason.append(failure.getClass().getSimpleName());
        }
        return reason.length() > 2000 ? reason.substring(0, 2000) + "…" : reason.toString();
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
