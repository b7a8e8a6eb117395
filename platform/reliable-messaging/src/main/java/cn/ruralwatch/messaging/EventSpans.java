package cn.ruralwatch.messaging;

import cn.ruralwatch.tracing.Cause;
import cn.ruralwatch.tracing.Lane;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The spans of events: a consumer's {@code <topic> process} span, a child of the span that published the event (its
 * {@code ce_traceparent}), so that one trace runs from the request through the producing service and Kafka into each
 * consumer; and the relay's {@code <topic> publish} span, a child of the span the event was written in.
 *
 * <p>While a consumer applies a batch, the cause of each of its events (the event's own span and its request id) is
 * kept for this thread, so that the events the consumer writes because of one of them continue its trace
 * ({@link Outbox.Message#causedBy}).
 */
final class EventSpans {

    /** The batch this thread applies now: its events' causes by event id, and which of them are bulk. */
    private record Applying(Map<String, Cause> causes, Set<String> bulk) {}

    private static final ThreadLocal<Applying> APPLYING = new ThreadLocal<>();

    private EventSpans() {}

    /** The consumer's span of a record, started now. */
    static Span process(Tracer tracer, EventHandler handler, ConsumerRecord<?, ?> record, Cause cause) {
        return tracer.spanBuilder(record.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(cause.context())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", handler.consumer())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }

    /** The relay's span of publishing an event written in the cause's span. */
    static Span publish(Tracer tracer, String topic, String eventId, String eventType, Cause cause) {
        return tracer.spanBuilder(topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(cause.context())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_id", eventId)
                .setAttribute("cloudevents.event_type", eventType)
                .startSpan();
    }

    /** The cause an event carries on from a span: the span's trace context and the request id. */
    static Cause causeIn(Span span, String requestId) {
        return Cause.of(Context.root().with(span), requestId);
    }

    static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }

    /** Starts keeping the causes of a batch's events (by event id), and which of them are bulk, for this thread. */
    static void applying(Map<String, Cause> causes, Set<String> bulk) {
        APPLYING.set(new Applying(new HashMap<>(causes), Set.copyOf(bulk)));
    }

    static void applied() {
        APPLYING.remove();
    }

    /** The lane of an event this thread applies now. */
    static Optional<Lane> laneOf(String eventId) {
        Applying applying = APPLYING.get();
        if (applying == null || !applying.causes().containsKey(eventId)) {
            return Optional.empty();
        }
        return Optional.of(applying.bulk().contains(eventId) ? Lane.BULK : Lane.INTERACTIVE);
    }

    /** The cause of an event this thread applies now. */
    static Optional<Cause> causeOf(String eventId) {
        Applying applying = APPLYING.get();
        return applying == null
                ? Optional.empty()
                : Optional.ofNullable(applying.causes().get(eventId));
    }
}
