package cn.ruralwatch.gateway;

import cn.ruralwatch.problem.Problem;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Problems;
import cn.ruralwatch.problem.VertxProblems;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Forwards {@code /api/**} to the service the route table names, with the Vert.x HTTP reverse proxy, once the caller's
 * token is valid and it has not exceeded its rate limit ({@link GatewayCallers}). Paths no service answers go on to
 * the gateway's own routes. The request id
 * (set by the request-id filter before this runs) travels with the request; the client's address and scheme are passed
 * as {@code X-Forwarded-*}; the W3C trace context ({@code traceparent}) is the gateway's span of the call, a child of
 * the caller's. A service that cannot be reached answers 502 as a problem.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    GatewayCallers callers;

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    /** Connections to the services a gateway event loop may hold open (per event loop). */
    private static final int CONNECTIONS_PER_EVENT_LOOP = 50;

    private RouteTable table;
    private Vertx vertx;

    /**
     * Each event loop forwards through an HTTP client of its own, whose connections to the services are on that event
     * loop: a request, its call to the service and the answer stay on one thread, instead of every write and read
     * being handed across event loops (a wake-up of another thread each time, the largest cost of a forwarded request).
     */
    private final ThreadLocal<Map<String, HttpProxy>> proxies = ThreadLocal.withInitial(this::proxies);

    void register(@Observes Router router, Vertx vertx) {
        this.vertx = vertx;
        table = routeTable(config);
        router.route("/api/*").order(0).handler(this::forward);
    }

    /** The proxy of each service, over one HTTP client for the calling event loop. */
    private Map<String, HttpProxy> proxies() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(CONNECTIONS_PER_EVENT_LOOP)
                .setKeepAlive(true)
                .setConnectTimeout((int) config.upstreamTimeout().toMillis()));
        Map<String, HttpProxy> proxies = new HashMap<>();
        config.services().forEach((name, service) -> {
            URI url = service.url();
            proxies.put(
                    name,
                    HttpProxy.reverseProxy(client)
                            .origin(url.getPort() == -1 ? 80 : url.getPort(), url.getHost())
                            .addInterceptor(new ForwardedHeaders())
                            .addInterceptor(new UpstreamFailure(name)));
        });
        return proxies;
    }

    static RouteTable routeTable(GatewayConfig config) {
        return RouteTable.of(config.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().routes())));
    }

    /**
     * Forwards a request once its caller is admitted ({@link GatewayCallers}: token, rate limit); the service checks
     * the token again and decides what the caller's role may do.
     */
    private void forward(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpProxy proxy =
                table.serviceFor(request.path()).map(proxies.get()::get).orElse(null);
        if (proxy == null) {
            context.next();
            return;
        }
        callers.admit(context, token -> proxy.handle(request));
    }

    /** Tells the service who called and how, so it can build absolute links to the gateway. */
    private static final class ForwardedHeaders implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            String client = incoming.remoteAddress() == null
                    ? "unknown"
                    : incoming.remoteAddress().hostAddress();
            // the address the gateway sees, never one the caller wrote: the services trust only this header (their
            // audit log records it), so a caller's own X-Forwarded-For is dropped
            request.headers().set("X-Forwarded-For", client);
            request.headers().set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
            // the service's parent is the gateway's call, in the caller's trace (or the one the gateway started): the
            // HTTP client's tracing adds that trace context when it sends, so the caller's own must not go along too
            // (two traceparent headers are no trace context at all)
            request.headers().remove(TRACEPARENT);
            request.headers().remove(TRACESTATE);
            if (incoming.authority() != null) {
                request.headers().set("X-Forwarded-Host", incoming.authority().toString());
            }
            return context.sendRequest();
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            // the service echoes the request id the gateway gave it; keep one copy
            String requestId = context.request().headers().get(Problems.REQUEST_ID_HEADER);
            context.request().proxiedRequest().response().headers().remove(Problems.REQUEST_ID_HEADER);
            if (requestId != null) {
                context.response().headers().set(Problems.REQUEST_ID_HEADER, requestId);
            }
            return context.sendResponse();
        }
    }

    /**
     * A service that is down or does not answer in time becomes a 502 problem, not an empty response. A call whose
     * caller closed the connection before the answer came is only logged at debug level.
     */
    private final class UpstreamFailure implements ProxyInterceptor {
        private final String service;

        UpstreamFailure(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                HttpServerRequest incoming = context.request().proxiedRequest();
                if (incoming.response().closed()) {
                    // the caller went away first (the proxy then resets the service's stream): no one to answer, and
                    // the service is not at fault
                    LOG.debugf("Caller left during %s %s: %s", incoming.method(), incoming.path(), failure.toString());
                    return Future.failedFuture(failure);
                }
                LOG.warnf(
                        "%s unreachable for %s %s: %s",
                        service, incoming.method(), incoming.path(), failure.toString());
                Problem problem = VertxProblems.problem(
                        incoming, ProblemType.BAD_GATEWAY, "gateway.upstream.unreachable", service);
                ProxyResponse response = context.request()
                        .response()
                        .setStatusCode(problem.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .setBody(Body.body(Buffer.buffer(VertxProblems.json(mapper, problem))));
                return Future.succeededFuture(response);
            });
        }
    }
}
