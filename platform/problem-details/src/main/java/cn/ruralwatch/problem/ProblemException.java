package cn.ruralwatch.problem;

import java.util.List;

/**
 * A problem a caller caused, raised by service code and answered as {@code application/problem+json}. The detail is a
 * message key resolved in the caller's language when the response is written.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detailKey;
    private final transient List<Object> detailArgs;
    private final transient List<Violation> violations;

    public ProblemException(ProblemType type, String detailKey, List<Object> detailArgs, List<Violation> violations) {
        super(type.slug() + ": " + detailKey, null, false, false);
        this.type = type;
        this.detailKey = detailKey;
        this.detailArgs = List.copyOf(detailArgs);
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String detailKey, Object... args) {
        return new ProblemException(ProblemType.NOT_FOUND, detailKey, List.of(args), List.of());
    }

    public static ProblemException conflict(String detailKey, Object... args) {
        return new ProblemException(ProblemType.CONFLICT, detailKey, List.of(args), List.of());
    }

    /** A conflict caused by particular fields, e.g. an ID number already registered in another household. */
    public static ProblemException conflict(List<Violation> violations) {
        return new ProblemException(
                ProblemType.CONFLICT, "problem.conflict.fields", List.of(violations.size()), violations);
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(
                ProblemType.VALIDATION_FAILED,
                "problem.validation-failed.detail",
                List.of(violations.size()),
                violations);
    }

    public static ProblemException invalid(Violation violation) {
        return invalid(List.of(violation));
    }

    public static ProblemException of(ProblemType type, String detailKey, Object... args) {
        return new ProblemException(type, detailKey, List.of(args), List.of());
    }

    public ProblemType type() {
        return type;
    }

    public String detailKey() {
        return detailKey;
    }

    public List<Object> detailArgs() {
        return detailArgs;
    }

    public List<Violation> violations() {
        return violations;
    }
}
