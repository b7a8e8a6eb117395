package cn.ruralwatch.gateway;

import cn.ruralwatch.problem.Problem;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Problems;
import cn.ruralwatch.problem.VertxProblems;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.JWTParser;
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
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Forwards {@code /api/**} to the service the route table names, with the Vert.x HTTP reverse proxy, once the caller's
 * token is valid and it has not exceeded its rate limit. The request id
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
    JWTParser tokens;

    @Inject
    ClientRateLimiter rateLimiter;

    private static final String BEARER = "Bearer ";
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    private RouteTable table;
    private final Map<String, HttpProxy> proxies = new HashMap<>();

    void register(@Observes Router router, Vertx vertx) {
        table = routeTable(config);
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setMaxPoolSize(200).setKeepAlive(true).setConnectTimeout((int)
                        config.upstreamTimeout().toMillis()));
        config.services().forEach((name, service) -> {
            URI url = service.url();
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(url.getPort() == -1 ? 80 : url.getPort(), url.getHost())
                    .addInterceptor(new ForwardedHeaders())
                    .addInterceptor(new UpstreamFailure(name));
            proxies.put(name, proxy);
        });
        router.route("/api/*").order(0).handler(this::forward);
    }

    static RouteTable routeTable(GatewayConfig config) {
        return RouteTable.of(config.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().routes())));
    }

    /**
     * Checks the bearer token (signature, issuer, audience, expiry) before anything reaches a service; the service
     * checks it again and decides what the caller's role may do.
     */
    private void forward(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpProxy proxy = table.serviceFor(request.path()).map(proxies::get).orElse(null);
        if (proxy == null) {
            context.next();
            return;
        }
        if (request.headers().getAll(HttpHeaders.AUTHORIZATION).size() > 1) {
            // RFC 6750 §3.1: more than one way of sending a token is an invalid request; the gateway would check one
            // token and limit its client while the service might read another
            VertxProblems.write(
                    context,
                    mapper,
                    VertxProblems.problem(context, ProblemType.BAD_REQUEST, "problem.authorization.repeated"),
                    true);
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            unauthorized(context);
            return;
        }
        String token = authorization.substring(BEARER.length()).trim();
        request.pause();
        // off the event loop (a JWKS key set may have to be fetched), unordered so verifications run in parallel
        context.vertx().executeBlocking(() -> tokens.parse(token), false).onComplete(verified -> {
            if (verified.succeeded()) {
                OptionalLong wait = rateLimiter.tryAcquire(verified.result().getName());
                if (wait.isPresent()) {
                    tooManyRequests(context, wait.getAsLong());
                } else {
                    proxy.handle(request);
                }
            } else {
                LOG.debugf(
                        "Token refused for %s: %s",
                        request.path(), verified.cause().getMessage());
                unauthorized(context);
            }
        });
    }

    private void tooManyRequests(RoutingContext context, long retryAfterSeconds) {
        context.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds));
        VertxProblems.write(
                context,
                mapper,
                VertxProblems.problem(
                        context, ProblemType.TOO_MANY_REQUESTS, "problem.too-many-requests.detail", retryAfterSeconds),
                true);
    }

    private void unauthorized(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", "Bearer");
        VertxProblems.write(
                context,
                mapper,
                VertxProblems.problem(context, ProblemType.UNAUTHORIZED, "problem.unauthorized.detail"),
                true);
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

    /** A service that is down or does not answer in time becomes a 502 problem, not an empty response. */
    private final class UpstreamFailure implements ProxyInterceptor {
        private final String service;

        UpstreamFailure(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                HttpServerRequest incoming = context.request().proxiedRequest();
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
