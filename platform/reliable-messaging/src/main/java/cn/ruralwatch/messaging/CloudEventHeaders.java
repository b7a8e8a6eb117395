package cn.ruralwatch.messaging;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary mode, with the extension attributes the suite
 * sets: Distributed Tracing ({@code traceparent}, {@code tracestate}: the W3C trace context of the span that published
 * the event, whose parent is the request or event that caused it), {@code requestid}, the {@code X-Request-Id} of
 * the request that caused it (also through the events and jobs in between), and {@code lane}, bulk work's mark.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /** CloudEvents Distributed Tracing extension: W3C {@code traceparent}. */
    public static final String TRACEPARENT = "ce_traceparent";
    /** CloudEvents Distributed Tracing extension: W3C {@code tracestate}. */
    public static final String TRACESTATE = "ce_tracestate";
    /** Extension attribute {@code requestid}: the request id of the request that caused the event. */
    public static final String REQUEST_ID = "ce_requestid";
    /**
     * Extension attribute {@code lane}: {@value #BULK} on an event bulk work wrote (a background job, or a consumer
     * applying a bulk event); absent on interactive ones.
     */
    public static final String LANE = "ce_lane";

    public static final String BULK = "bulk";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}
}
