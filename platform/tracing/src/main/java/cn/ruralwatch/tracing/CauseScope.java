package cn.ruralwatch.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.jboss.logging.MDC;

/**
 * Work running on behalf of a cause on this thread: its span is current (new spans and the events the work writes
 * continue its trace) and its request id is in the log context. Closing it restores what was there before.
 */
public final class CauseScope implements AutoCloseable {

    private final Scope scope;
    private final Object previousRequestId;

    private CauseScope(Scope scope, Object previousRequestId) {
        this.scope = scope;
        this.previousRequestId = previousRequestId;
    }

    /** Makes the span current and puts the request id (or none) in the log context. */
    public static CauseScope enter(Span span, String requestId) {
        Object previous = MDC.get(Cause.REQUEST_ID);
        putRequestId(requestId);
        return new CauseScope(span.makeCurrent(), previous);
    }

    @Override
    public void close() {
        scope.close();
        putRequestId(previousRequestId);
    }

    private static void putRequestId(Object requestId) {
        if (requestId == null) {
            MDC.remove(Cause.REQUEST_ID);
        } else {
            MDC.put(Cause.REQUEST_ID, requestId);
        }
    }
}
