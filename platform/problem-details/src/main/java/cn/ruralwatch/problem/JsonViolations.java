package cn.ruralwatch.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The field of a request body that Jackson could not take, and why: what a validation problem shows. */
public final class JsonViolations {

    private JsonViolations() {}

    /**
     * The violation the failure describes, or null when the body is not JSON at all (a syntax error, nothing to name
     * but a line and column).
     */
    public static Violation of(JsonProcessingException failure) {
        InvalidJsonInput invalid = InvalidJsonInput.in(failure);
        if (invalid != null) {
            return invalid.violation();
        }
        if (!(failure instanceof JsonMappingException mapping)
                || mapping.getPath().isEmpty()) {
            return null;
        }
        String field = path(mapping.getPath());
        if (failure.getOriginalMessage() != null && failure.getOriginalMessage().contains("end-of-input")) {
            return null;
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return Violation.of(
                    field,
                    "UNKNOWN_FIELD",
                    "problem.json.unknown-field",
                    StrictJsonParser.printable(unknown.getPropertyName()));
        }
        if (failure instanceof InvalidNullException) {
            return Violation.of(field, "NOT_NULL", "problem.json.null");
        }
        if (failure instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
            return Violation.of(
                    field,
                    "NOT_ALLOWED",
                    "problem.parameter.not-allowed",
                    StrictJsonParser.printable(String.valueOf(format.getValue())),
                    allowed);
        }
        if (causedBy(failure, InputCoercionException.class)) {
            return Violation.of(field, "OUT_OF_RANGE", "problem.json.out-of-range", field);
        }
        // a wrong type or format (MismatchedInputException, InvalidFormatException) or a failure within the field
        return Violation.of(field, "INVALID_VALUE", "problem.malformed-json.field", field);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The field a Jackson mapping error points at, as a path of the request body ({@code members[1].relation}). */
    public static String path(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(StrictJsonParser.printable(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
