package cn.ruralwatch.sql;

import cn.ruralwatch.http.NativeValues;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads a row into a record: each component from the column of its name in snake case, converted to the component's
 * type. A column the record names and the row lacks, or a value that is not of the component's kind, is a programming
 * error and fails loudly, naming the record and the column.
 */
public final class RowMapper {

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private RowMapper() {}

    static <R extends Record> R read(Class<R> type, Tuple row) {
        Map<String, Object> columns = new HashMap<>();
        for (TupleElement<?> element : row.getElements()) {
            columns.put(element.getAlias().toLowerCase(Locale.ROOT), row.get(element));
        }
        return read(type, column -> {
            if (!columns.containsKey(column)) {
                throw new IllegalStateException(
                        type.getSimpleName() + " reads column " + column + ", which the statement does not select");
            }
            return columns.get(column);
        });
    }

    /** Reads a record from a row given as a look-up by column name. */
    public static <R extends Record> R read(Class<R> type, Function<String, Object> column) {
        Shape shape = SHAPES.computeIfAbsent(type, Shape::of);
        Object[] arguments = new Object[shape.components.length];
        for (int i = 0; i < arguments.length; i++) {
            RecordComponent component = shape.components[i];
            arguments[i] = convert(
                    component.getType(),
                    component.getGenericType(),
                    column.apply(shape.columns[i]),
                    type.getSimpleName() + "." + component.getName());
        }
        try {
            return type.cast(shape.constructor.newInstance(arguments));
        } catch (InvocationTargetException rejected) {
            if (rejected.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(rejected.getCause());
        } catch (ReflectiveOperationException notConstructible) {
            throw new IllegalStateException("cannot construct " + type.getName(), notConstructible);
        }
    }

    /** The column a component is read from: {@code villageCode} → {@code village_code}. */
    public static String column(String component) {
        StringBuilder name = new StringBuilder();
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    static <T> T convert(Class<T> type, Object value, String what) {
        return convert(type, type, value, what);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> T convert(Class<T> type, Type generic, Object value, String what) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new IllegalStateException(what + " is a " + type + " and the row holds null");
            }
            return null;
        }
        Object converted;
        if (type == String.class) {
            converted = value instanceof Character c ? String.valueOf(c) : value.toString();
        } else if (type == UUID.class) {
            converted = value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
        } else if (type == Instant.class) {
            converted = NativeValues.instant(value);
        } else if (type == LocalDate.class) {
            converted = NativeValues.date(value);
        } else if (type == long.class || type == Long.class) {
            converted = number(value, what).longValue();
        } else if (type == int.class || type == Integer.class) {
            converted = Math.toIntExact(number(value, what).longValue());
        } else if (type == short.class || type == Short.class) {
            converted = (short) Math.toIntExact(number(value, what).longValue());
        } else if (type == double.class || type == Double.class) {
            converted = number(value, what).doubleValue();
        } else if (type == BigDecimal.class) {
            converted = switch (value) {
                case BigDecimal decimal -> decimal;
                case BigInteger integer -> new BigDecimal(integer);
                case Long l -> BigDecimal.valueOf(l);
                case Integer i -> BigDecimal.valueOf(i);
                case Number n -> new BigDecimal(n.toString());
                default -> throw mismatch(what, value);
            };
        } else if (type == boolean.class || type == Boolean.class) {
            converted = switch (value) {
                case Boolean b -> b;
                case Number n -> n.intValue() != 0;
                default -> throw mismatch(what, value);
            };
        } else if (type.isEnum()) {
            converted = Enum.valueOf((Class<? extends Enum>) type, value.toString());
        } else if (type == List.class) {
            Class<?> element = generic instanceof ParameterizedType parameterized
                            && parameterized.getActualTypeArguments()[0] instanceof Class<?> c
                    ? c
                    : Object.class;
            converted = Arrays.stream(elements(value, what))
                    .map(item -> convert(element, item, what))
                    .toList();
        } else if (type.isInstance(value)) {
            converted = value;
        } else {
            throw mismatch(what, value);
        }
        return (T) converted;
    }

    private static Object[] elements(Object value, String what) {
        try {
            return switch (value) {
                case Array array -> (Object[]) array.getArray();
                case Object[] items -> items;
                default -> throw mismatch(what, value);
            };
        } catch (SQLException unreadable) {
            throw new IllegalStateException(what + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private static Number number(Object value, String what) {
        if (value instanceof Number number) {
            return number;
        }
        throw mismatch(what, value);
    }

    private static IllegalStateException mismatch(String what, Object value) {
        return new IllegalStateException(
                what + " cannot hold a " + value.getClass().getName());
    }

    private record Shape(Constructor<?> constructor, RecordComponent[] components, String[] columns) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                constructor.setAccessible(true);
                return new Shape(
                        constructor,
                        components,
                        Arrays.stream(components)
                                .map(component -> column(component.getName()))
                                .toArray(String[]::new));
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
