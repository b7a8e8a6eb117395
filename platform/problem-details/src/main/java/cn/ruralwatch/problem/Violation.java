package cn.ruralwatch.problem;

import java.util.List;

/**
 * A field that failed a rule, before localization: the message is a key into the message bundles with its arguments.
 *
 * @param field path of the field in the request, e.g. {@code members[1].idNumber}
 * @param code machine-readable reason, e.g. {@code CHECK_DIGIT}
 * @param messageKey key of the localized message
 * @param args arguments of the message
 */
public record Violation(String field, String code, String messageKey, List<Object> args) {

    public Violation {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Violation of(String field, String code, String messageKey, Object... args) {
        return new Violation(field, code, messageKey, List.of(args));
    }
}
