package cn.ruralwatch.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads enumeration parameters (query, path, header) so that a value outside the enumeration is a 400 naming the
 * parameter, the value and the values allowed — not the 404 JAX-RS answers for a query or path parameter it cannot
 * convert.
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

    /** A parameter's value that is not one of its enumeration's; answered as a validation problem on that field. */
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
        if (!rawType.isEnum()) {
            return null;
        }
        String name = name(annotations);
        Class<? extends Enum> type = (Class<? extends Enum>) rawType;
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name())
                .collect(Collectors.joining(", "));
        return (ParamConverter<T>) new ParamConverter<Enum>() {
            @Override
            public Enum fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return Enum.valueOf(type, value);
                } catch (IllegalArgumentException notOne) {
                    throw new InvalidValue(
                            Violation.of(name, "NOT_ALLOWED", "problem.parameter.not-allowed", value, allowed));
                }
            }

            @Override
            public String toString(Enum value) {
                return value == null ? null : value.name();
            }
        };
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
