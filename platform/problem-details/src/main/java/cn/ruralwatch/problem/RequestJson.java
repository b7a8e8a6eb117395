package cn.ruralwatch.problem;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * How every service reads a request body: the application's {@link ObjectMapper}, made strict. Refused with a 400
 * naming the field: a key twice in an object, anything after the value, text with NUL or unpaired surrogates (see
 * {@link StrictJsonParser}), a field the type does not have, {@code null} as an element of an array or a value of a
 * map, a fraction for an integer, a number for an enumeration, and dates outside ISO 8601 years 0001–9999 (see
 * {@link IsoDates}). {@code null} for a primitive number stays 0: Jackson cannot refuse it without also refusing the
 * number's absence, which is how a record's optional primitive is sent.
 *
 * <p>Only request bodies are read this way: events, stored JSON and other services' answers keep the tolerant
 * application mapper, so that a producer may add a field without breaking its consumers.
 */
public final class RequestJson {

    private static final Map<ObjectMapper, ObjectMapper> STRICT = Collections.synchronizedMap(new WeakHashMap<>());

    private RequestJson() {}

    /** The strict reader of request bodies made from the application's mapper (made once per mapper). */
    public static ObjectMapper strict(ObjectMapper application) {
        return STRICT.computeIfAbsent(application, RequestJson::create);
    }

    private static ObjectMapper create(ObjectMapper application) {
        ObjectMapper strict = application.copyWith(new StrictJsonFactory(application.getFactory(), null));
        strict.enable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        strict.registerModule(new SimpleModule("ruralwatch-request-dates")
                .addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, IsoDates::date, "YYYY-MM-DD"))
                .addDeserializer(YearMonth.class, new IsoText<>(YearMonth.class, IsoDates::month, "YYYY-MM"))
                .addDeserializer(
                        Instant.class, new IsoText<>(Instant.class, IsoDates::instant, "YYYY-MM-DDThh:mm:ssZ")));
        return strict;
    }

    /** A date or time written as ISO 8601 text, and only so: no arrays, numbers or times where a date belongs. */
    private static final class IsoText<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> parse;
        private final String format;

        IsoText(Class<T> type, Function<String, T> parse, String format) {
            super(type);
            this.parse = parse;
            this.format = format;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText().strip();
            T value = parse.apply(text);
            if (value == null) {
                return (T) context.handleWeirdStringValue(handledType(), text, "not " + format);
            }
            return value;
        }
    }
}
