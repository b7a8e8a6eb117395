package cn.ruralwatch.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
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

    /** The largest body of an ordinary request. */
    @ConfigProperty(name = "ruralwatch.http.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    /** Paths (prefixes) that take files larger than that, up to the HTTP layer's own limit. */
    @ConfigProperty(name = "ruralwatch.http.upload-paths")
    Optional<List<String>> uploadPaths;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize uploadMaxSize;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::rejectOversizedBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().order(Integer.MAX_VALUE).handler(this::routeNotFound);
    }

    private void rejectOversizedBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit(context).asLongValue()) {
                    tooLarge(context);
                    return;
                }
            } catch (NumberFormatException invalidLength) {
                VertxProblems.write(
                        context,
                        mapper,
                        VertxProblems.problem(context, ProblemType.BAD_REQUEST, "problem.bad-request.detail"),
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
        if (status == 413) {
            tooLarge(context);
        } else if (status >= 400 && status < 500) {
            VertxProblems.write(
                    context,
                    mapper,
                    VertxProblems.problem(context, ProblemType.forStatus(status), "problem.bad-request.detail"),
                    false);
        } else {
            LOG.errorf(
                    context.failure(),
                    "Unexpected failure on %s (request %s)",
                    context.request().path(),
                    context.request().getHeader(Problems.REQUEST_ID_HEADER));
            VertxProblems.write(
                    context,
                    mapper,
                    VertxProblems.problem(context, ProblemType.INTERNAL_ERROR, "problem.internal-error.detail"),
                    false);
        }
    }

    private void routeNotFound(RoutingContext context) {
        VertxProblems.write(
                context,
                mapper,
                VertxProblems.problem(
                        context,
                        ProblemType.ROUTE_NOT_FOUND,
                        "problem.route-not-found.detail",
                        context.request().method().name(),
                        context.request().path()),
                false);
    }

    private void tooLarge(RoutingContext context) {
        VertxProblems.write(
                context,
                mapper,
                VertxProblems.problem(
                        context,
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "problem.payload-too-large.detail",
                        humanSize(limit(context))),
                true);
    }

    private MemorySize limit(RoutingContext context) {
        String path = context.request().path();
        boolean upload = path != null && uploadPaths.orElse(List.of()).stream().anyMatch(path::startsWith);
        return upload ? uploadMaxSize : maxBodySize;
    }

    private static String humanSize(MemorySize limit) {
        long bytes = limit.asLongValue();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }
}
