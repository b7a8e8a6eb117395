package cn.ruralwatch.gateway;

import cn.ruralwatch.access.VerifiedTokens;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.VertxProblems;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Who may pass the gateway: every {@code /api/**} request, whether a service or the gateway itself answers it, needs a
 * valid bearer token and a place in its client's rate limit.
 */
@ApplicationScoped
public class GatewayCallers {

    private static final Logger LOG = Logger.getLogger(GatewayCallers.class);
    private static final String BEARER = "Bearer ";

    @Inject
    ObjectMapper mapper;

    @Inject
    JWTParser tokens;

    @Inject
    VerifiedTokens verifiedTokens;

    @Inject
    ClientRateLimiter rateLimiter;

    /**
     * Checks the request's bearer token (signature, issuer, audience, expiry) and takes one request from its client's
     * rate limit, then hands the request with its token to {@code admitted}. Otherwise the request is answered here:
     * 400 with more than one {@code Authorization} header, 401 without a valid token, 429 with {@code Retry-After}
     * beyond the limit. The request is paused meanwhile, so that its body waits for whoever takes it.
     */
    public void admit(RoutingContext context, Consumer<JsonWebToken> admitted) {
        HttpServerRequest request = context.request();
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
        // a token that passed a moment ago is admitted here on the event loop; any other is checked off it (a JWKS key
        // set may have to be fetched), unordered so that checks run in parallel
        Optional<JsonWebToken> known = verifiedTokens.get(token);
        if (known.isPresent()) {
            limit(context, known.get(), admitted);
            return;
        }
        context.vertx().executeBlocking(() -> tokens.parse(token), false).onComplete(verified -> {
            if (verified.succeeded()) {
                limit(context, verified.result(), admitted);
            } else {
                LOG.debugf(
                        "Token refused for %s: %s",
                        request.path(), verified.cause().getMessage());
                unauthorized(context);
            }
        });
    }

    private void limit(RoutingContext context, JsonWebToken token, Consumer<JsonWebToken> admitted) {
        OptionalLong wait = rateLimiter.tryAcquire(token.getName());
        if (wait.isPresent()) {
            tooManyRequests(context, wait.getAsLong());
        } else {
            admitted.accept(token);
        }
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
}
