package cn.ruralwatch.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem responses for what happens below the REST layer: bodies over the size limit, paths no endpoint serves and
 * failures of the HTTP layer itself.
 */
@ApplicationScoped
public class HttpProblemRoutes {

    private static final Logger LOG = Logger.getLogger(HttpProblemRoutes.class);

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::rejectOversizedBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().order(Integer.MAX_VALUE).handler(this::routeNotFound);
    }

    private void rejectOversizedBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodySize.asLongValue()) {
                    Locale locale = locale(context.request());
                    write(
                            context,
                            problem(
                                    context,
                                    ProblemType.PAYLOAD_TOO_LARGE,
                                    Messages.get(locale, "problem.payload-too-large.detail", humanSize())),
                            true);
                    return;
                }
            } catch (NumberFormatException invalidLength) {
                write(
                        context,
                        problem(
                                context,
                                ProblemType.BAD_REQUEST,
                                Messages.get(locale(context.request()), "problem.bad-request.detail")),
                        true);
                return;
            }
        }
        context.next();
    }

    private void failure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode();
        Locale locale = locale(context.request());
        if (status == 413) {
            write(
                    context,
                    problem(
                            context,
                            ProblemType.PAYLOAD_TOO_LARGE,
                            Messages.get(locale, "problem.payload-too-large.detail", humanSize())),
                    true);
        } else if (status >= 400 && status < 500) {
            ProblemType type = ProblemType.forStatus(status);
            write(context, problem(context, type, Messages.get(locale, "problem.bad-request.detail")), false);
        } else {
            LOG.errorf(
                    context.failure(),
                    "Unexpected failure on %s (request %s)",
                    context.request().path(),
                    context.request().getHeader(Problems.REQUEST_ID_HEADER));
            write(
                    context,
                    problem(context, ProblemType.INTERNAL_ERROR, Messages.get(locale, "problem.internal-error.detail")),
                    false);
        }
    }

    private void routeNotFound(RoutingContext context) {
        HttpServerRequest request = context.request();
        write(
                context,
                problem(
                        context,
                        ProblemType.ROUTE_NOT_FOUND,
                        Messages.get(
                                locale(request),
                                "problem.route-not-found.detail",
                                request.method().name(),
                                request.path())),
                false);
    }

    private Problem problem(RoutingContext context, ProblemType type, String detail) {
        HttpServerRequest request = context.request();
        return Problems.build(
                type,
                locale(request),
                detail,
                request.path(),
                request.getHeader(Problems.REQUEST_ID_HEADER),
                List.of());
    }

    private void write(RoutingContext context, Problem problem, boolean close) {
        try {
            var response = context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            if (close) {
                // the unread body must not be taken as the next request on this connection
                response.putHeader(HttpHeaders.CONNECTION, "close");
            }
            response.end(mapper.writeValueAsString(problem));
        } catch (Exception writeFailure) {
            context.response().setStatusCode(problem.status()).end();
        }
    }

    private String humanSize() {
        long bytes = maxBodySize.asLongValue();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private static Locale locale(HttpServerRequest request) {
        return Messages.localeFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
