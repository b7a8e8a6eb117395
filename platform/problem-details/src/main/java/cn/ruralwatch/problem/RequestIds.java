package cn.ruralwatch.problem;

import cn.ruralwatch.tracing.Cause;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request carries an {@code X-Request-Id}: the gateway's, or a new one. It is echoed in the response, put in the
 * log context as {@code requestId} and written into problem responses.
 */
@ApplicationScoped
public class RequestIds {

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, Integer.MAX_VALUE);
    }

    /** Gives the request an id, keeping a well-formed one it already has. */
    static void assign(RoutingContext context) {
        String id = context.request().getHeader(Problems.REQUEST_ID_HEADER);
        if (id == null || !ACCEPTABLE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            context.request().headers().set(Problems.REQUEST_ID_HEADER, id);
        }
        MDC.put(Cause.REQUEST_ID, id);
        context.response().putHeader(Problems.REQUEST_ID_HEADER, id);
        context.next();
    }
}
