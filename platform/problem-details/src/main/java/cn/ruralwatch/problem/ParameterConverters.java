package cn.ruralwatch.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads enumeration, integer, boolean and UUID parameters (query, path, header) so that a value that is not one is a
 * 400 naming the parameter and the value — not the 404 JAX-RS answers for a query or path parameter it cannot
 * convert, and not {@code false} for any text that is not "true". A boolean is true or false (or 1 or 0). A path
 * parameter marked {@link ResourceId} is the exception: a value that is no id is the resource's own 404.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    /** A parameter's value of the wrong kind; answered as a validation problem on that field. */
    public static final class InvalidValue extends BadRequestException {

        private final transient Violation violation;

        InvalidValue(Violation violation) {
            this.violation = violation;
        }

        public Violation violation() {
            return violation;
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
            return (ParamConverter<T>) new Converter<Enum>(null, value -> {
                try {
                    return Enum.valueOf(type, value);
                } catch (IllegalArgumentException notOne) {
                    throw new InvalidValue(Violation.of(
                            name,
                            "NOT_ALLOWED",
                            "problem.parameter.not-allowed",
                            StrictJsonParser.printable(value),
                            allowed));
                }
            });
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(rawType == int.class ? 0 : null, value -> integer(name, value));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Converter<>(rawType == long.class ? 0L : null, value -> number(name, value));
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>)
                    new Converter<>(rawType == boolean.class ? Boolean.FALSE : null, value -> bool(name, value));
        }
        if (rawType == UUID.class) {
            ResourceId resource = resourceId(annotations);
            if (resource != null) {
                return (ParamConverter<T>) new Converter<>(null, value -> resourceId(resource, value));
            }
            return (ParamConverter<T>) new Converter<>(null, value -> uuid(name, value));
        }
        return null;
    }

    /** Converts a present, non-empty value; an absent or empty one is the type's default. */
    private record Converter<T>(T absent, Function<String, T> convert) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            return value == null || value.isEmpty() ? absent : convert.apply(value);
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }
    }

    private static Integer integer(String name, String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notOne) {
            throw new InvalidValue(Violation.of(
                    name,
                    "INVALID_INTEGER",
                    "problem.parameter.integer",
                    StrictJsonParser.printable(value),
                    String.valueOf(Integer.MIN_VALUE),
                    String.valueOf(Integer.MAX_VALUE)));
        }
    }

    private static Long number(String name, String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException notOne) {
            throw new InvalidValue(Violation.of(
                    name,
                    "INVALID_INTEGER",
                    "problem.parameter.integer",
                    StrictJsonParser.printable(value),
                    String.valueOf(Long.MIN_VALUE),
                    String.valueOf(Long.MAX_VALUE)));
        }
    }

    /** true or false; also 1 or 0, not least because JAX-RS hands an absent primitive boolean over as "0". */
    private static Boolean bool(String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default ->
                throw new InvalidValue(Violation.of(
                        name, "INVALID_BOOLEAN", "problem.parameter.boolean", StrictJsonParser.printable(value)));
        };
    }

    private static UUID uuid(String name, String value) {
        try {
            UUID uuid = UUID.fromString(value.strip());
            // UUID.fromString also takes short forms such as 1-2-3-4-5
            if (value.strip().length() == 36) {
                return uuid;
            }
        } catch (IllegalArgumentException notOne) {
            // answered below
        }
        throw new InvalidValue(
                Violation.of(name, "INVALID_UUID", "problem.parameter.uuid", StrictJsonParser.printable(value)));
    }

    /** A resource's id, or the resource's own 404 (answered by the mapper of the wrapping exception). */
    private static UUID resourceId(ResourceId resource, String value) {
        String id = value.strip();
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException notOne) {
            // answered below
        }
        throw new NotFoundException(ProblemException.notFound(resource.value(), StrictJsonParser.printable(value)));
    }

    private static ResourceId resourceId(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof ResourceId resource) {
                return resource;
            }
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            switch (annotation) {
                case QueryParam query -> {
                    return query.value();
                }
                case PathParam path -> {
                    return path.value();
                }
                case HeaderParam header -> {
                    return header.value();
                }
                default -> {}
            }
        }
        return "parameter";
    }
}
