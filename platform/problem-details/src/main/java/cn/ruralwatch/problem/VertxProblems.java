package cn.ruralwatch.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Problem responses written by Vert.x routes, below the REST layer (body limits, the gateway's own routes). */
public final class VertxProblems {

    private VertxProblems() {}

    /** The problem for this request, in the caller's language. */
    public static Problem problem(RoutingContext context, ProblemType type, String detailKey, Object... args) {
        return problem(context.request(), type, detailKey, args);
    }

    /** The problem for this request, in the caller's language. */
    public static Problem problem(HttpServerRequest request, ProblemType type, String detailKey, Object... args) {
        Locale locale = Messages.localeFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return Problems.build(
                type,
                locale,
                Messages.get(locale, detailKey, args),
                request.path(),
                request.getHeader(Problems.REQUEST_ID_HEADER),
                List.of());
    }

    /**
     * The 400 problem for a path or query parameter of a Vert.x route whose text the suite does not take (a NUL, an
     * unpaired surrogate, bytes that were not UTF-8), naming it as the services' parameter check does ({@link
     * ParameterText}); empty when the text is fine.
     */
    public static Optional<Problem> unreadableParameter(RoutingContext context, String name, String value) {
        Violation violation = StorableText.violation(name, value, true);
        if (violation == null) {
            return Optional.empty();
        }
        HttpServerRequest request = context.request();
        Locale locale = Messages.localeFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return Optional.of(Problems.build(
                ProblemType.VALIDATION_FAILED,
                locale,
                Messages.get(locale, "problem.validation-failed.detail", 1),
                request.path(),
                request.getHeader(Problems.REQUEST_ID_HEADER),
                List.of(violation)));
    }

    /**
     * Ends the response with the problem; {@code close} when an unread body must not be taken as the next request. Only
     * HTTP/1.x has that danger and that header: HTTP/2 forbids connection headers (RFC 9113 §8.2.2, a client rejects
     * the whole answer), and an unread body there belongs to its own stream.
     */
    public static void write(RoutingContext context, ObjectMapper mapper, Problem problem, boolean close) {
        var response = context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close && context.request().version() != HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(json(mapper, problem));
    }

    public static String json(ObjectMapper mapper, Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"type\":\"" + problem.type() + "\",\"status\":" + problem.status() + "}";
        }
    }
}
