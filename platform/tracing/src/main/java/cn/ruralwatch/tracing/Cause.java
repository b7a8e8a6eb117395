package cn.ruralwatch.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * What caused a piece of work that runs later or elsewhere — an event applied by a consumer, a background job: the W3C
 * trace context of the span it was caused in ({@code traceparent}, {@code tracestate}) and the request id
 * ({@code X-Request-Id}) of the request behind it. The outbox keeps it with each event and publishes it as CloudEvents
 * extension headers; the job engine keeps it with each job. The work then continues the trace and logs the request id.
 *
 * @param traceparent W3C {@code traceparent}, or null
 * @param tracestate W3C {@code tracestate}, or null
 * @param requestId the request id, or null (work no request caused)
 */
public record Cause(String traceparent, String tracestate, String requestId) {

    /** The log context's key of the request id (also written by the HTTP layer for each request). */
    public static final String REQUEST_ID = "requestId";

    /** Nothing known. */
    public static final Cause NONE = new Cause(null, null, null);

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The current span's trace context and the request id of the log context. */
    public static Cause current() {
        return of(Context.current(), currentRequestId());
    }

    /** A context's span and a request id. */
    public static Cause of(Context context, String requestId) {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return new Cause(carrier.get(TRACEPARENT), carrier.get(TRACESTATE), requestId);
    }

    /** The request id of the log context, or null. */
    public static String currentRequestId() {
        Object id = MDC.get(REQUEST_ID);
        return id == null ? null : id.toString();
    }

    /**
     * The trace context as an OpenTelemetry context, to start spans in: its span as their parent, or no parent when
     * there is no (valid) trace context.
     */
    public Context context() {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, FROM_MAP);
    }

    /** The trace id of the trace context, or null. */
    public String traceId() {
        List<String> parts = traceparent == null ? List.of() : List.of(traceparent.split("-"));
        return parts.size() == 4 ? parts.get(1) : null;
    }
}
