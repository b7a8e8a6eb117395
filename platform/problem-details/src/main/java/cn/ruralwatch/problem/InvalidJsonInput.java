package cn.ruralwatch.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import java.util.List;

/**
 * A request body that is JSON but not acceptable JSON: a key twice in one object, more than one value, text with a NUL
 * or an unpaired surrogate. Raised while the body is read, it carries the field it concerns and is answered as a
 * validation problem on that field.
 */
public final class InvalidJsonInput extends JsonParseException {

    private final transient Violation violation;

    InvalidJsonInput(JsonParser parser, Violation violation) {
        super(parser, violation.code() + " at '" + violation.field() + "'");
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }

    /** The first {@link InvalidJsonInput} among the causes, or null: Jackson wraps it on its way out of a property. */
    public static InvalidJsonInput in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJsonInput invalid) {
                return invalid;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    static Violation violation(String field, String code, String messageKey, Object... args) {
        return new Violation(field, code, messageKey, List.of(args));
    }
}
