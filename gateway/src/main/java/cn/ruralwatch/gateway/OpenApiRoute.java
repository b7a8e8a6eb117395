package cn.ruralwatch.gateway;

import cn.ruralwatch.problem.Problem;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.VertxProblems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Serves the suite's merged OpenAPI document at {@code /q/openapi} (YAML, or JSON with {@code ?format=json}), built
 * from every service's own document and the gateway's ({@link GatewayDocument}) and cached briefly. Swagger UI at
 * {@code /q/swagger-ui} shows it.
 */
@ApplicationScoped
public class OpenApiRoute {

    private static final Logger LOG = Logger.getLogger(OpenApiRoute.class);
    private static final String TITLE = "RuralWatch 县域防返贫动态监测与帮扶";

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    GatewayDocument gatewayDocument;

    private final YAMLMapper yaml = new YAMLMapper();
    private HttpClient client;
    private RouteTable routes;
    private volatile ObjectNode cached;
    private volatile long cachedAt;

    void register(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.upstreamTimeout().toMillis()));
        routes = ProxyRoutes.routeTable(config);
        router.get("/q/openapi").order(0).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        document()
                .onSuccess(doc -> {
                    boolean json = "json".equalsIgnoreCase(context.request().getParam("format"))
                            || accepts(context, "application/json");
                    try {
                        context.response()
                                .putHeader(
                                        HttpHeaders.CONTENT_TYPE,
                                        json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                                .end(json ? mapper.writeValueAsString(doc) : yaml.writeValueAsString(doc));
                    } catch (Exception e) {
                        context.fail(e);
                    }
                })
                .onFailure(failure -> problem(context, failure));
    }

    private static boolean accepts(RoutingContext context, String type) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(type) && !accept.contains("yaml");
    }

    /** The merged document, from cache when fresh. */
    Future<ObjectNode> document() {
        ObjectNode current = cached;
        if (current != null
                && System.currentTimeMillis() - cachedAt
                        < config.openapiCacheTtl().toMillis()) {
            return Future.succeededFuture(current);
        }
        Map<String, Future<JsonNode>> fetches = new TreeMap<>();
        config.services().forEach((name, service) -> fetches.put(name, fetch(name, service.url())));
        return Future.join(new ArrayList<>(fetches.values())).transform(done -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            for (Map.Entry<String, Future<JsonNode>> fetch : fetches.entrySet()) {
                if (fetch.getValue().failed()) {
                    return Future.failedFuture(new UnavailableException(
                            fetch.getKey(), fetch.getValue().cause()));
                }
                documents.put(fetch.getKey(), fetch.getValue().result());
            }
            documents.put(OpenApiMerger.GATEWAY, gatewayDocument.get());
            try {
                ObjectNode merged = OpenApiMerger.merge(mapper, documents, routes, TITLE, "1.0");
                cached = merged;
                cachedAt = System.currentTimeMillis();
                return Future.succeededFuture(merged);
            } catch (OpenApiMerger.ConflictException conflict) {
                LOG.errorf("The services' OpenAPI documents conflict: %s", conflict.getMessage());
                return Future.failedFuture(conflict);
            }
        });
    }

    private Future<JsonNode> fetch(String service, URI url) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(url.getHost())
                .setPort(url.getPort() == -1 ? 80 : url.getPort())
                .setURI("/q/openapi?format=json")
                // (headers of its own: the client's tracing writes the trace context into them)
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setTimeout(config.upstreamTimeout().toMillis());
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture(service + " answered " + response.statusCode()))
                .compose(body -> {
                    try {
                        return Future.succeededFuture(mapper.readTree(body.getBytes()));
                    } catch (Exception e) {
                        return Future.failedFuture(e);
                    }
                });
    }

    private void problem(RoutingContext context, Throwable failure) {
        Problem problem;
        if (failure instanceof OpenApiMerger.ConflictException conflict) {
            problem = VertxProblems.problem(
                    context,
                    ProblemType.INTERNAL_ERROR,
                    "gateway.openapi.conflict",
                    String.join("; ", conflict.conflicts()));
        } else {
            String service = failure instanceof UnavailableException u ? u.service : "?";
            LOG.warnf("OpenAPI document of %s unavailable: %s", service, String.valueOf(failure.getCause()));
            problem = VertxProblems.problem(context, ProblemType.BAD_GATEWAY, "gateway.openapi.unavailable", service);
        }
        VertxProblems.write(context, mapper, problem, false);
    }

    private static final class UnavailableException extends RuntimeException {
        private final String service;

        UnavailableException(String service, Throwable cause) {
            super(service + " OpenAPI unavailable", cause, false, false);
            this.service = service;
        }
    }
}
