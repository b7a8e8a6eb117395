package cn.ruralwatch.gateway;

import cn.ruralwatch.access.AccessMatrix;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.VertxProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /api/v1/code-tables} and {@code GET /api/v1/code-tables/{name}}: the suite's code tables ({@link
 * CodeTables}) in Chinese and English, for any caller with a valid token (the access matrix grants them to every
 * role). They change only when a service does, so each answer carries an {@code ETag} and may be cached by the caller
 * ({@code Cache-Control: private}); {@code If-None-Match} with the current tag answers 304. The tables are built from
 * the merged OpenAPI document as the gateway caches it; while the services' documents cannot be fetched, the tables
 * last built are served.
 */
@ApplicationScoped
public class CodeTablesRoute {

    static final String PATH = "/api/v1/code-tables";
    static final String LIST = "listCodeTables";
    static final String ONE = "getCodeTable";

    @Inject
    OpenApiRoute openApi;

    @Inject
    GatewayCallers callers;

    @Inject
    ObjectMapper mapper;

    /** How long a caller may use its copy before asking again (with {@code If-None-Match}). */
    @ConfigProperty(name = "ruralwatch.gateway.code-tables.max-age", defaultValue = "300")
    long maxAgeSeconds;

    /** Seconds a caller waits before retrying while the tables cannot be built. */
    @ConfigProperty(name = "ruralwatch.http.retry-after", defaultValue = "2")
    int retryAfterSeconds;

    private volatile Published published;

    void register(@Observes Router router) {
        // after the proxy's own route (order 0), which passes on the paths no service answers
        router.route(PATH).order(1).handler(context -> serve(context, null));
        router.route(PATH + "/:name").order(1).handler(context -> serve(context, context.pathParam("name")));
    }

    private void serve(RoutingContext context, String name) {
        if (context.request().method() != HttpMethod.GET) {
            context.response().putHeader(HttpHeaders.ALLOW, "GET");
            VertxProblems.write(
                    context,
                    mapper,
                    VertxProblems.problem(
                            context,
                            ProblemType.METHOD_NOT_ALLOWED,
                            "problem.method-not-allowed.detail",
                            context.request().method().name()),
                    false);
            return;
        }
        callers.admit(context, token -> {
            context.request().resume();
            answer(context, token, name);
        });
    }

    private void answer(RoutingContext context, JsonWebToken token, String name) {
        if (!AccessMatrix.allows(name == null ? LIST : ONE, token.getGroups())) {
            VertxProblems.write(
                    context,
                    mapper,
                    VertxProblems.problem(context, ProblemType.FORBIDDEN, "problem.forbidden.detail"),
                    false);
            return;
        }
        if (name != null) {
            var unreadable = VertxProblems.unreadableParameter(context, "name", name);
            if (unreadable.isPresent()) {
                VertxProblems.write(context, mapper, unreadable.get(), false);
                return;
            }
        }
        openApi.document().onComplete(document -> {
            Published tables = document.succeeded() ? publish(document.result()) : published;
            if (tables == null) {
                context.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds));
                VertxProblems.write(
                        context,
                        mapper,
                        VertxProblems.problem(
                                context, ProblemType.SERVICE_UNAVAILABLE, "gateway.code-tables.unavailable"),
                        false);
                return;
            }
            Representation representation =
                    name == null ? tables.all() : tables.byName().get(name);
            if (representation == null) {
                VertxProblems.write(
                        context,
                        mapper,
                        VertxProblems.problem(context, ProblemType.NOT_FOUND, "gateway.code-table.unknown", name),
                        false);
                return;
            }
            send(context, representation);
        });
    }

    private void send(RoutingContext context, Representation representation) {
        var response = context.response()
                .putHeader(HttpHeaders.ETAG, representation.etag())
                .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + maxAgeSeconds);
        if (matches(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), representation.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .end(Buffer.buffer(representation.body()));
    }

    /**
     * Whether an {@code If-None-Match} header names the current tag (RFC 9110 §13.1.2: weak comparison, a list of
     * tags or {@code *}).
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String current = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || opaque(candidate).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** The tables of one merged document, each answer written once with its tag. */
    private Published publish(JsonNode document) {
        Published current = published;
        if (current != null && current.document() == document) {
            return current;
        }
        List<CodeTables.CodeTable> tables = CodeTables.of(document);
        Map<String, Representation> byName = new HashMap<>();
        for (CodeTables.CodeTable table : tables) {
            byName.put(table.name(), representation(table));
        }
        Published built = new Published(document, representation(tables), Map.copyOf(byName));
        published = built;
        return built;
    }

    private Representation representation(Object value) {
        try {
            byte[] body = mapper.writeValueAsBytes(value);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Representation(body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("The code tables cannot be written", e);
        }
    }

    private record Published(JsonNode document, Representation all, Map<String, Representation> byName) {}

    private record Representation(byte[] body, String etag) {}
}
