package cn.ruralwatch.problem;

import cn.ruralwatch.failures.TransientFailures;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a failure that escaped the service code means for the caller, when it is not a defect of the service: a
 * moment of infrastructure trouble (503 with {@code Retry-After}), a change by another request at the same time
 * (409), or a value the database cannot hold (400). Services fix the causes they can name (a lock order, a
 * conditional update, a validated field); this is the answer for what remains, so that no caller gets a 500 for it.
 */
public final class FailureAnswers {

    /** The answer, and for a transient failure the seconds a caller should wait before trying again. */
    public record Answer(ProblemType type, String detailKey, Optional<Integer> retryAfterSeconds, String reason) {}

    private static final Set<String> CONCURRENT_CHANGE = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleStateException",
            "org.hibernate.StaleObjectStateException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException");

    private FailureAnswers() {}

    public static Optional<Answer> of(Throwable failure) {
        Optional<String> transientReason = TransientFailures.reason(failure);
        if (transientReason.isPresent()) {
            return Optional.of(new Answer(
                    ProblemType.SERVICE_UNAVAILABLE,
                    "problem.service-unavailable.detail",
                    Optional.of(retryAfterSeconds()),
                    transientReason.get()));
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (CONCURRENT_CHANGE.contains(cause.getClass().getName())) {
                return Optional.of(conflict("optimistic lock"));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                switch (state) {
                    case "23505", "23P01", "23503" -> {
                        return Optional.of(conflict("integrity constraint " + state));
                    }
                    case "23502", "23514" -> {
                        return Optional.of(badValue("integrity constraint " + state));
                    }
                    default -> {
                        if (state.startsWith("22")) {
                            return Optional.of(badValue("data exception " + state));
                        }
                    }
                }
            }
            if (cause instanceof DateTimeException && !(cause.getCause() instanceof SQLException)) {
                return Optional.of(badValue("date out of range"));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Answer conflict(String reason) {
        return new Answer(ProblemType.CONFLICT, "problem.conflict.concurrent", Optional.empty(), reason);
    }

    private static Answer badValue(String reason) {
        return new Answer(ProblemType.BAD_REQUEST, "problem.bad-request.value", Optional.empty(), reason);
    }

    /** {@code ruralwatch.http.retry-after} (seconds, default 2): long enough for a pool or a failover to recover. */
    static int retryAfterSeconds() {
        return ConfigProvider.getConfig()
                .getOptionalValue("ruralwatch.http.retry-after", Integer.class)
                .orElse(2);
    }
}
