package cn.ruralwatch.http;

import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;

/**
 * Optimistic concurrency over HTTP: responses carry the resource's version as a strong {@code ETag}; updates must send
 * it back in {@code If-Match} (428 without it, 412 when it is stale).
 */
public final class EntityTags {

    private EntityTags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Checks {@code If-Match} against the current version; returns the version the caller based its change on. */
    public static long requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.of(ProblemType.PRECONDITION_REQUIRED, "problem.precondition-required.detail");
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return currentVersion;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            throw ProblemException.of(ProblemType.BAD_REQUEST, "problem.if-match.invalid");
        }
        long expected;
        try {
            expected = Long.parseLong(value.substring(1, value.length() - 1));
        } catch (NumberFormatException notAVersion) {
            throw ProblemException.of(ProblemType.BAD_REQUEST, "problem.if-match.invalid");
        }
        if (expected != currentVersion) {
            throw ProblemException.of(
                    ProblemType.PRECONDITION_FAILED, "problem.precondition-failed.detail", expected, currentVersion);
        }
        return expected;
    }
}
