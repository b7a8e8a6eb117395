package cn.ruralwatch.messaging;

import cn.ruralwatch.tracing.Cause;
import cn.ruralwatch.tracing.Lane;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent received from Kafka in binary mode.
 *
 * @param cause the trace context and request id the event carries ({@code ce_traceparent}, {@code ce_tracestate},
 *     {@code ce_requestid})
 */
public record IncomingEvent(
        String id, String type, String source, String subject, Instant time, String data, String topic, Cause cause) {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** Reads the {@code ce_*} headers; a record without id or type is not a CloudEvent of this suite. */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new MalformedEventException("missing ce_id or ce_type header at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset());
        }
        String time = header(record, CloudEventHeaders.TIME);
        Instant parsedTime;
        try {
            parsedTime = time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 time: " + time);
        }
        if (record.value() == null) {
            throw new MalformedEventException("event " + id + " has no data");
        }
        return new IncomingEvent(
                id,
                type,
                header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT),
                parsedTime,
                record.value(),
                record.topic(),
                causeOf(record));
    }

    /**
     * The cause a record carries, read tolerantly: a record without the tracing headers (another system's, or one
     * published before they existed) has none, and a malformed one is no trace context.
     */
    static Cause causeOf(ConsumerRecord<?, ?> record) {
        return new Cause(
                header(record, CloudEventHeaders.TRACEPARENT),
                header(record, CloudEventHeaders.TRACESTATE),
                requestId(header(record, CloudEventHeaders.REQUEST_ID)));
    }

    /**
     * A request id as the HTTP layer accepts one (letters, digits, {@code ._:-}, at most 100): it goes into logs and
     * into the events and audit entries written while the event is applied, so anything else another system sent is
     * none.
     */
    private static String requestId(String value) {
        return value != null && REQUEST_ID.matcher(value).matches() ? value : null;
    }

    /**
     * The lane of the work that wrote the record ({@code ce_lane}): bulk work's events are applied in the bulk lane, so
     * that what their consumer writes because of them is bulk too. Anything but {@code bulk} is interactive.
     */
    static Lane laneOf(ConsumerRecord<?, ?> record) {
        return CloudEventHeaders.BULK.equals(header(record, CloudEventHeaders.LANE)) ? Lane.BULK : Lane.INTERACTIVE;
    }

    /** The record's {@code ce_id}, or null. */
    static String eventIdOf(ConsumerRecord<?, ?> record) {
        return header(record, CloudEventHeaders.ID);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A message that no retry can make processable. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
