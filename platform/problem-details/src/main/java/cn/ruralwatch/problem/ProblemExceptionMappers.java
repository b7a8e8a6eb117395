package cn.ruralwatch.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches a resource into a problem response. Nothing from the exception itself (class
 * name, stack trace, SQL) is ever written to the caller; unexpected errors are logged with the request id instead.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException exception, HttpServerRequest request) {
        return Problems.response(Problems.build(exception, locale(request), request.path(), requestId(request)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, HttpServerRequest request) {
        List<Problem.FieldViolation> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            errors.add(fieldViolation(violation));
        }
        errors.sort(Comparator.comparing(Problem.FieldViolation::field));
        Locale locale = locale(request);
        ProblemType type = ProblemType.VALIDATION_FAILED;
        return Problems.response(new Problem(
                type.uri(),
                Messages.get(locale, type.titleKey()),
                type.status(),
                Messages.get(locale, "problem.validation-failed.detail", errors.size()),
                request.path(),
                requestId(request),
                errors));
    }

    // Quarkus has built-in mappers for some Jackson exceptions; these more specific ones replace them.

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException exception, HttpServerRequest request) {
        return malformedJson(exception, request);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException exception, HttpServerRequest request) {
        return malformedJson(exception, request);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException exception, HttpServerRequest request) {
        return malformedJson(exception, request);
    }

    /** Quarkus answers this one with an empty 500; it is what Jackson raised for a repeated key of a record. */
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException exception, HttpServerRequest request) {
        if (InvalidJsonInput.in(exception) != null) {
            return malformedJson(exception, request);
        }
        return unexpected(exception, request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException exception, HttpServerRequest request) {
        Locale locale = locale(request);
        Violation violation = JsonViolations.of(exception);
        if (violation != null) {
            return problem(ProblemException.invalid(violation), request);
        }
        JsonLocation location = exception.getLocation();
        String detail = location != null && location.getLineNr() > 0
                ? Messages.get(locale, "problem.malformed-json.detail", location.getLineNr(), location.getColumnNr())
                : Messages.get(locale, "problem.malformed-json.empty");
        return Problems.response(Problems.build(
                ProblemType.MALFORMED_JSON, locale, detail, request.path(), requestId(request), List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, HttpServerRequest request) {
        // a parameter's value, thrown as is or wrapped by JAX-RS in a 404; a resource id that is none
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ParameterConverters.InvalidValue invalid) {
                return problem(ProblemException.invalid(invalid.violation()), request);
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem, request);
            }
        }
        int status = exception.getResponse().getStatus();
        Locale locale = locale(request);
        if (exception.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, request);
        }
        if (status >= 500) {
            return unexpected(exception, request);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail =
                switch (status) {
                    case 404 ->
                        Messages.get(
                                locale,
                                "problem.route-not-found.detail",
                                request.method().name(),
                                request.path());
                    case 405 ->
                        Messages.get(
                                locale,
                                "problem.method-not-allowed.detail",
                                request.method().name());
                    case 406 -> Messages.get(locale, "problem.not-acceptable.detail");
                    case 415 ->
                        Messages.get(
                                locale,
                                "problem.unsupported-media-type.detail",
                                String.valueOf(request.getHeader(HttpHeaders.CONTENT_TYPE)));
                    default -> Messages.get(locale, "problem.bad-request.detail");
                };
        if (status == 404) {
            type = ProblemType.ROUTE_NOT_FOUND;
        }
        Response.ResponseBuilder response = Response.fromResponse(
                Problems.response(Problems.build(type, locale, detail, request.path(), requestId(request), List.of())));
        if (exception instanceof NotAllowedException) {
            response.header(HttpHeaders.ALLOW, exception.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception, HttpServerRequest request) {
        String requestId = requestId(request);
        Locale locale = locale(request);
        Optional<FailureAnswers.Answer> answer = FailureAnswers.of(exception);
        if (answer.isPresent()) {
            FailureAnswers.Answer known = answer.get();
            LOG.warnf(
                    "%s on %s %s (request %s): %s",
                    known.reason(), request.method(), request.path(), requestId, exception.toString());
            Response.ResponseBuilder response = Response.fromResponse(Problems.response(Problems.build(
                    known.type(),
                    locale,
                    Messages.get(locale, known.detailKey()),
                    request.path(),
                    requestId,
                    List.of())));
            known.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
            return response.build();
        }
        LOG.errorf(exception, "Unexpected error on %s (request %s)", request.path(), requestId);
        return Problems.response(Problems.build(
                ProblemType.INTERNAL_ERROR,
                locale,
                Messages.get(locale, "problem.internal-error.detail"),
                request.path(),
                requestId,
                List.of()));
    }

    static Locale locale(HttpServerRequest request) {
        return Messages.localeFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static String requestId(HttpServerRequest request) {
        return request.getHeader(Problems.REQUEST_ID_HEADER);
    }

    /** A Bean Validation violation as the problem shows it: field path, the constraint's name as code, message. */
    public static Problem.FieldViolation fieldViolation(ConstraintViolation<?> violation) {
        return new Problem.FieldViolation(
                fieldPath(violation.getPropertyPath()),
                violation
                        .getConstraintDescriptor()
                        .getAnnotation()
                        .annotationType()
                        .getSimpleName(),
                violation.getMessage());
    }

    /** {@code register.request.members[0].idNumber} → {@code members[0].idNumber}. */
    public static String fieldPath(Path path) {
        List<String> parts = new ArrayList<>();
        Iterator<Path.Node> nodes = path.iterator();
        String parameter = null;
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER || kind == ElementKind.CROSS_PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            String name = node.getName();
            if (name != null && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "" : parameter;
        }
        return String.join(".", parts);
    }

    /** The field a Jackson mapping error points at, as a path of the request body ({@code members[1].relation}). */
    public static String jsonPath(List<JsonMappingException.Reference> references) {
        return JsonViolations.path(references);
    }
}
