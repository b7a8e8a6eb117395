package cn.ruralwatch.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/** Builds localized {@link Problem} bodies and responses. */
public final class Problems {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private Problems() {}

    public static Problem build(
            ProblemType type,
            Locale locale,
            String detail,
            String instance,
            String requestId,
            List<Violation> violations) {
        List<Problem.FieldViolation> errors = violations.stream()
                .map(v ->
                        new Problem.FieldViolation(v.field(), v.code(), Messages.get(locale, v.messageKey(), v.args())))
                .toList();
        return new Problem(
                type.uri(), Messages.get(locale, type.titleKey()), type.status(), detail, instance, requestId, errors);
    }

    public static Problem build(ProblemException exception, Locale locale, String instance, String requestId) {
        return build(
                exception.type(),
                locale,
                Messages.get(locale, exception.detailKey(), exception.detailArgs()),
                instance,
                requestId,
                exception.violations());
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
