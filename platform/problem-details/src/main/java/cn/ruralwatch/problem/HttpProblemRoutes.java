package cn.ruralwatch.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem responses for what happens below the REST layer: request lines, headers and bodies over their limits, paths
 * no endpoint serves, URLs the router cannot even decode, and failures of the HTTP layer itself.
 *
 * <p>The HTTP decoder's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are
 * set well above the suite's ({@code ruralwatch.http.limits.*}): Vert.x answers a request beyond its decoder limits with
 * an empty 414 or 431 that no handler can change, so the suite's limits are enforced here, where the answer is a
 * problem. Only a request beyond the decoder's limits (64 KB) still gets Vert.x's bare answer.
 */
@ApplicationScoped
public class HttpProblemRoutes {

    private static final Logger LOG = Logger.getLogger(HttpProblemRoutes.class);

    /** Statuses the router answers itself when no route handles a failure (e.g. a path with a malformed escape). */
    private static final List<Integer> ROUTER_STATUSES = List.of(400, 403, 404, 405, 406, 413, 415, 500, 501, 503);

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

    /** The longest request line (method, path with query, protocol) the suite takes. */
    @ConfigProperty(name = "ruralwatch.http.limits.max-initial-line-length", defaultValue = "4096")
    int maxRequestLine;

    /** The most header bytes (names and values) the suite takes. */
    @ConfigProperty(name = "ruralwatch.http.limits.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    /**
     * Whether a body sent without {@code Content-Length} (chunked) is read here, up to the limit, before the REST layer
     * takes it: the REST layer's own limit answers an empty 413, and in a service that takes uploads it is the upload
     * limit. Off at the gateway, which streams bodies through to the services.
     */
    @ConfigProperty(name = "ruralwatch.http.limits.read-unsized-bodies", defaultValue = "true")
    boolean readUnsizedBodies;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::rejectOversizedRequest);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().order(Integer.MAX_VALUE).handler(this::routeNotFound);
        for (int status : ROUTER_STATUSES) {
            router.errorHandler(status, context -> unhandled(context, status));
        }
    }

    private void rejectOversizedRequest(RoutingContext context) {
        HttpServerRequest request = context.request();
        int requestLine = request.method().name().length() + request.uri().length() + " HTTP/1.1".length() + 1;
        if (requestLine > maxRequestLine) {
            write(context, ProblemType.URI_TOO_LONG, true, "problem.uri-too-long.detail", maxRequestLine);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderSize.asLongValue()) {
            write(
                    context,
                    ProblemType.HEADERS_TOO_LARGE,
                    true,
                    "problem.headers-too-large.detail",
                    humanSize(maxHeaderSize));
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit(context).asLongValue()) {
                    tooLarge(context);
                    return;
                }
            } catch (NumberFormatException invalidLength) {
                write(context, ProblemType.BAD_REQUEST, true, "problem.bad-request.detail");
                return;
            }
        } else if (readUnsizedBodies && request.headers().contains(HttpHeaders.TRANSFER_ENCODING) && !upload(context)) {
            // fails the route with 413 beyond the limit, answered by the failure handler below
            BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()).handle(context);
            return;
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
            write(context, clientError(status), false, "problem.bad-request.detail");
        } else {
            failed(context);
        }
    }

    /** The router's last resort: a failure no failure handler took, e.g. a path whose escapes cannot be decoded. */
    private void unhandled(RoutingContext context, int status) {
        if (context.response().headWritten() || context.response().ended()) {
            return;
        }
        switch (status) {
            case 404 -> routeNotFound(context);
            case 405 ->
                write(
                        context,
                        ProblemType.METHOD_NOT_ALLOWED,
                        false,
                        "problem.method-not-allowed.detail",
                        context.request().method().name());
            case 413 -> tooLarge(context);
            default -> {
                if (status >= 500) {
                    failed(context);
                } else {
                    write(context, clientError(status), status == 400, "problem.bad-request.detail");
                }
            }
        }
    }

    /** A failure of the HTTP layer: 503 when it passes by itself, otherwise logged and answered 500. */
    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
        Optional<FailureAnswers.Answer> answer = failure == null ? Optional.empty() : FailureAnswers.of(failure);
        if (answer.isPresent()) {
            LOG.warnf(
                    "%s on %s (request %s): %s",
                    answer.get().reason(),
                    context.request().path(),
                    context.request().getHeader(Problems.REQUEST_ID_HEADER),
                    failure.toString());
            answer.get().retryAfterSeconds().ifPresent(seconds -> context.response()
                    .putHeader("Retry-After", String.valueOf(seconds)));
            write(context, answer.get().type(), false, answer.get().detailKey());
            return;
        }
        LOG.errorf(
                failure,
                "Unexpected failure on %s (request %s)",
                context.request().path(),
                context.request().getHeader(Problems.REQUEST_ID_HEADER));
        write(context, ProblemType.INTERNAL_ERROR, false, "problem.internal-error.detail");
    }

    private static ProblemType clientError(int status) {
        return status == 400 ? ProblemType.BAD_REQUEST : ProblemType.forStatus(status);
    }

    private void routeNotFound(RoutingContext context) {
        write(
                context,
                ProblemType.ROUTE_NOT_FOUND,
                false,
                "problem.route-not-found.detail",
                context.request().method().name(),
                context.request().path());
    }

    private void tooLarge(RoutingContext context) {
        write(
                context,
                ProblemType.PAYLOAD_TOO_LARGE,
                true,
                "problem.payload-too-large.detail",
                humanSize(limit(context)));
    }

    /** {@code close}: the connection is closed after the answer, so that an unread rest is not taken as a request. */
    private void write(RoutingContext context, ProblemType type, boolean close, String detailKey, Object... args) {
        VertxProblems.write(context, mapper, VertxProblems.problem(context, type, detailKey, args), close);
    }

    private MemorySize limit(RoutingContext context) {
        return upload(context) ? uploadMaxSize : maxBodySize;
    }

    private boolean upload(RoutingContext context) {
        String path = context.request().path();
        return path != null && uploadPaths.orElse(List.of()).stream().anyMatch(path::startsWith);
    }

    private static String humanSize(MemorySize limit) {
        long bytes = limit.asLongValue();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }
}
