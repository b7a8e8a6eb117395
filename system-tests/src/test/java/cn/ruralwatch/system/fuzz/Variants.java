package cn.ruralwatch.system.fuzz;

import cn.ruralwatch.system.fuzz.ApiModel.Operation;
import cn.ruralwatch.system.fuzz.ApiModel.Parameter;
import cn.ruralwatch.system.fuzz.ApiModel.Schema;
import cn.ruralwatch.testing.TestIdNumbers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The requests of a fuzz run, generated from the OpenAPI document: for each operation a valid baseline (examples,
 * seeded ids), then variants that each break one thing — one parameter, one body field, or the body as a whole.
 *
 * <p>A variant is {@code mustReject} when the input breaks the documented contract without doubt (wrong JSON type,
 * duplicate key, trailing tokens, unknown field, NUL, an unpaired surrogate, invalid UTF-8, a value outside the
 * declared enumeration, length, bounds or date format, a null where an array element or a required field belongs):
 * any answer but 4xx is a defect. The other variants (injection strings, extreme but legal numbers, emoji…) may be
 * accepted; they must only never fail the server.
 */
final class Variants {

    /** One request of the run. */
    record Variant(Operation operation, String target, String kind, boolean mustReject, RawHttp.Request request) {

        /**
         * The field the refusal must name, and its code when the suite's JSON and parameter reading decides it: for
         * the variants whose fault lies in one place and is found before any service code runs. Null otherwise.
         */
        Expected expected() {
            return Variants.expected(target, kind);
        }
    }

    /** A field a 400 must name in {@code errors[].field}, with its {@code code} unless null. */
    record Expected(String field, String code) {}

    private static final Set<String> TYPED_PARAMETER_KINDS = Set.of(
            "not-a-number",
            "decimal",
            "int-overflow",
            "long-overflow",
            "exponent",
            "not-in-enum",
            "lower-case",
            "not-a-uuid",
            "not-boolean");

    static Expected expected(String target, String kind) {
        String[] parts = target.split(" ", 2);
        String where = parts[0];
        String name = parts.length > 1 ? parts[1] : "";
        return switch (where) {
            case "query", "path" ->
                switch (kind) {
                    case "nul" -> new Expected(name, "NUL_CHARACTER");
                    case "bad-utf8", "lone-surrogate" -> new Expected(name, "INVALID_ENCODING");
                    default ->
                        TYPED_PARAMETER_KINDS.contains(kind) && !(where.equals("path") && kind.equals("not-a-uuid"))
                                ? new Expected(name, null)
                                : null;
                };
            case "body" ->
                switch (kind) {
                    case "unknown-field" -> new Expected("fuzzUnknownField", "UNKNOWN_FIELD");
                    case "trailing-object", "trailing-garbage", "trailing-comma", "two-documents" ->
                        new Expected("", "TRAILING_TOKENS");
                    case "nul-in-key" -> new Expected("a\\u0000b", "NUL_CHARACTER");
                    case "nul", "uuid-with-nul" -> new Expected(name, "NUL_CHARACTER");
                    case "lone-high-surrogate", "lone-low-surrogate", "reversed-surrogates" ->
                        new Expected(name, "UNPAIRED_SURROGATE");
                    case "duplicate-key" -> new Expected(name, "DUPLICATE_FIELD");
                    case "null-element" -> new Expected(name + "[0]", "NOT_NULL");
                    case "nul-element" -> new Expected(name + "[0]", "NUL_CHARACTER");
                    case "unknown-nested-field" -> new Expected(name + ".fuzzUnknownField", "UNKNOWN_FIELD");
                    case "null-map-value" -> new Expected(name + ".opening", "NOT_NULL");
                    case "nul-map-key" -> new Expected(name + ".open\\u0000ing", "NUL_CHARACTER");
                    case "not-in-enum", "lower-case" -> new Expected(name, "NOT_ALLOWED");
                    case "bad-date",
                            "not-a-date",
                            "huge-year",
                            "year-zero",
                            "negative-year",
                            "date-time",
                            "bad-instant",
                            "huge-instant",
                            "date-only" -> new Expected(name, "INVALID_VALUE");
                    default -> null;
                };
            default -> null;
        };
    }

    /** Ids and codes of the data seeded before the run, so that path ids name existing resources. */
    record Seed(
            String county,
            String township,
            String village,
            String householdId,
            String memberId,
            String batchId,
            String projectId,
            String stationId,
            String clueId,
            String caseId) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Private-use characters the body writer turns into invalid UTF-8 byte sequences (see {@link #bytes}). */
    private static final char INVALID_UTF8 = '\uE000';

    private static final char OVERLONG_UTF8 = '\uE001';
    private static final byte[] INVALID_UTF8_BYTES = {(byte) 0xC3, (byte) 0x28};
    private static final byte[] OVERLONG_UTF8_BYTES = {(byte) 0xC0, (byte) 0xAF};
    private static final int MAX_DEPTH = 4;

    private final ObjectMapper mapper;
    private final Seed seed;
    private final Random random;
    private final Function<String, String> tokens;

    Variants(ObjectMapper mapper, Seed seed, long randomSeed, Function<String, String> tokens) {
        this.mapper = mapper;
        this.seed = seed;
        this.random = new Random(randomSeed);
        this.tokens = tokens;
    }

    /** Every variant of the operation; {@code destructive} operations get no variant that could be valid. */
    List<Variant> of(Operation operation, boolean destructive) {
        List<Variant> variants = new ArrayList<>();
        Parts base = baseline(operation);
        for (Parameter parameter : operation.parameters()) {
            variants.addAll(parameterVariants(operation, base, parameter));
        }
        if (operation.takesJson()) {
            variants.addAll(bodyVariants(operation, base));
        }
        variants.addAll(requestVariants(operation, base));
        if (destructive) {
            variants.removeIf(v -> !v.mustReject());
        }
        return variants;
    }

    // ---------------------------------------------------------------- baseline

    /** The parts of a request; each variant changes one of them. */
    private record Parts(
            Map<String, String> path,
            List<Map.Entry<String, String>> query,
            List<Map.Entry<String, String>> headers,
            JsonNode body) {

        Parts copy() {
            return new Parts(
                    new LinkedHashMap<>(path),
                    new ArrayList<>(query),
                    new ArrayList<>(headers),
                    body == null ? null : body.deepCopy());
        }
    }

    private Parts baseline(Operation operation) {
        Map<String, String> path = new LinkedHashMap<>();
        List<Map.Entry<String, String>> query = new ArrayList<>();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            switch (parameter.in()) {
                case "path" -> path.put(parameter.name(), encode(pathValue(operation, parameter)));
                case "query" -> {
                    String value = queryValue(parameter);
                    if (value != null) {
                        query.add(Map.entry(parameter.name(), encode(value)));
                    }
                }
                case "header" -> {
                    if (parameter.name().equals("If-Match")) {
                        headers.add(Map.entry("If-Match", "\"0\""));
                    }
                }
                default -> {}
            }
        }
        JsonNode body = operation.takesJson() ? example(operation.body().schema(), "", 0) : null;
        return new Parts(path, query, headers, body);
    }

    private String pathValue(Operation operation, Parameter parameter) {
        String[] segments = operation.path().split("/");
        String before = "";
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter.name() + "}")) {
                before = segments[i - 1];
            }
        }
        return switch (parameter.name()) {
            case "id" ->
                switch (before) {
                    case "households" -> seed.householdId();
                    case "projects" -> seed.projectId();
                    case "pv-stations" -> seed.stationId();
                    case "warning-clues" -> seed.clueId();
                    case "fund-batches" -> seed.batchId();
                    default -> new UUID(random.nextLong(), random.nextLong()).toString();
                };
            case "caseId" -> seed.caseId();
            case "memberId" -> seed.memberId();
            case "code" ->
                switch (before) {
                    case "divisions" -> seed.township();
                    case "villages" -> seed.village();
                    default -> "NATIONAL_HOUSEHOLD_2021";
                };
            case "regionCode" -> seed.county();
            case "year", "fromYear" -> "2025";
            case "month" -> "6";
            case "version" -> "1";
            case "name" -> "default";
            default -> {
                List<String> values = parameter.schema().enumValues();
                yield values.isEmpty() ? new UUID(random.nextLong(), random.nextLong()).toString() : values.getFirst();
            }
        };
    }

    /** A valid value of a query parameter, or null to leave it out of the baseline. */
    private String queryValue(Parameter parameter) {
        String known =
                switch (parameter.name()) {
                    case "division", "county" -> seed.county();
                    case "householdId" -> seed.householdId();
                    case "page" -> "0";
                    case "size" -> "20";
                    case "standard" -> "NATIONAL_HOUSEHOLD_2021";
                    default -> null;
                };
        if (known != null) {
            return known;
        }
        if (parameter.example() != null) {
            return parameter.example().asText();
        }
        if (parameter.required()) {
            List<String> values = parameter.schema().enumValues();
            return values.isEmpty() ? "x" : values.getFirst();
        }
        return null;
    }

    /** A valid value of the schema: its example, or one made up from its type, with the seeded ids where they fit. */
    private JsonNode example(Schema schema, String name, int depth) {
        JsonNode known = schema.type().equals("string") ? knownValue(name) : null;
        if (known != null) {
            return known;
        }
        String type = schema.type();
        if (type.equals("object")) {
            ObjectNode object = NODES.objectNode();
            if (depth < MAX_DEPTH + 2) {
                for (Map.Entry<String, Schema> property : schema.properties()) {
                    object.set(property.getKey(), example(property.getValue(), property.getKey(), depth + 1));
                }
                Schema additional = schema.additionalProperties();
                if (additional != null && object.isEmpty()) {
                    object.set("opening", example(additional, "", depth + 1));
                }
            }
            return object;
        }
        if (type.equals("array")) {
            ArrayNode array = NODES.arrayNode();
            Schema items = schema.items();
            if (items != null && depth < MAX_DEPTH + 2) {
                array.add(example(items, singular(name), depth + 1));
            }
            return array;
        }
        JsonNode example = schema.example();
        if (example != null) {
            return example;
        }
        if (!schema.enumValues().isEmpty()) {
            return NODES.textNode(schema.enumValues().getFirst());
        }
        return switch (type) {
            case "integer" ->
                NODES.numberNode(schema.minimum() != null ? schema.minimum().asInt() : 1);
            case "number" -> NODES.numberNode(new BigDecimal("100.00"));
            case "boolean" -> NODES.booleanNode(false);
            default ->
                switch (schema.format()) {
                    case "date" -> NODES.textNode("2025-06-30");
                    case "date-time" -> NODES.textNode("2025-06-30T08:00:00Z");
                    case "uuid" -> NODES.textNode(new UUID(random.nextLong(), random.nextLong()).toString());
                    default -> NODES.textNode("测试");
                };
        };
    }

    private JsonNode knownValue(String name) {
        String value =
                switch (name) {
                    case "villageCode" -> seed.village();
                    case "divisionCode", "ownerDivisionCode" -> seed.village();
                    case "countyCode" -> seed.county();
                    case "householdId", "ownerHouseholdId" -> seed.householdId();
                    case "memberId", "borrowerMemberId", "remainingHeadMemberId", "newHeadMemberId" -> seed.memberId();
                    case "batchId" -> seed.batchId();
                    case "projectId" -> seed.projectId();
                    case "stationId" -> seed.stationId();
                    case "idNumber" -> TestIdNumbers.next("19800101", random.nextBoolean());
                    default -> null;
                };
        return value == null ? null : NODES.textNode(value);
    }

    private static String singular(String name) {
        return switch (name) {
            case "householdIds", "households" -> "householdId";
            case "clueIds" -> "clueId";
            default -> name;
        };
    }

    // ---------------------------------------------------------------- parameters

    private List<Variant> parameterVariants(Operation operation, Parts base, Parameter parameter) {
        List<Variant> variants = new ArrayList<>();
        if (parameter.in().equals("header")) {
            for (Value value : headerValues(parameter)) {
                Parts parts = base.copy();
                parts.headers().removeIf(h -> h.getKey().equalsIgnoreCase(parameter.name()));
                if (value.raw() != null) {
                    parts.headers().add(Map.entry(parameter.name(), value.raw()));
                }
                variants.add(variant(operation, "header " + parameter.name(), value, parts));
            }
            return variants;
        }
        for (Value value :
                textValues(parameter.schema(), parameter.name(), parameter.in().equals("path"))) {
            Parts parts = base.copy();
            if (parameter.in().equals("path")) {
                parts.path().put(parameter.name(), value.raw());
            } else {
                parts.query().removeIf(q -> q.getKey().equals(parameter.name()));
                parts.query().add(Map.entry(parameter.name(), value.raw()));
                if (value.kind().equals("repeated")) {
                    parts.query().add(Map.entry(parameter.name(), value.raw()));
                }
            }
            variants.add(variant(operation, parameter.in() + " " + parameter.name(), value, parts));
        }
        return variants;
    }

    /** A variant's value: raw (already percent-encoded for URLs, as sent for headers), or a JSON node for bodies. */
    private record Value(String kind, String raw, JsonNode json, boolean mustReject) {

        static Value raw(String kind, String raw, boolean mustReject) {
            return new Value(kind, raw, null, mustReject);
        }

        static Value json(String kind, JsonNode json, boolean mustReject) {
            return new Value(kind, null, json, mustReject);
        }
    }

    private List<Value> headerValues(Parameter parameter) {
        return switch (parameter.name()) {
            case "If-Match" ->
                List.of(
                        Value.raw("missing", null, true),
                        Value.raw("empty", "", true),
                        Value.raw("garbage", "abc", true),
                        Value.raw("overflow", "\"99999999999999999999\"", true),
                        Value.raw("negative", "\"-1\"", true),
                        Value.raw("unquoted", "0", true),
                        Value.raw("weak", "W/\"0\"", false),
                        Value.raw("any", "*", false),
                        Value.raw("list", "\"0\", \"1\"", false));
            case "Idempotency-Key" ->
                List.of(
                        Value.raw("too-long", "k".repeat(101), true),
                        Value.raw("space", "a b", true),
                        Value.raw("non-ascii", "幂等键", true),
                        Value.raw("fresh", "fuzz-" + Long.toHexString(random.nextLong()), false));
            default -> List.of(Value.raw("garbage", ";;q=abc,,", false));
        };
    }

    private List<Value> textValues(Schema schema, String name, boolean inPath) {
        List<Value> values = new ArrayList<>();
        String type = schema.type();
        boolean uuid = schema.format().equals("uuid");
        List<String> enumeration = schema.enumValues();
        // what no parameter may carry
        values.add(Value.raw("nul", "a%00b", true));
        values.add(Value.raw("bad-utf8", "%C3%28", true));
        values.add(Value.raw("lone-surrogate", "%ED%A0%80", true));
        values.add(Value.raw("bad-escape", "%ZZ", true));
        values.add(Value.raw("over-line-limit", "9".repeat(5000), true));
        values.add(Value.raw("injection", encode("' OR '1'='1' --"), !type.equals("string") || uuid));
        values.add(Value.raw("like-wildcards", encode("%_\\"), !type.equals("string") || uuid));
        values.add(Value.raw("emoji", encode("😀"), !type.equals("string") || uuid));
        values.add(Value.raw("long", "x".repeat(1500), !type.equals("string") || uuid));
        values.add(Value.raw("empty", "", false));
        if (!inPath) {
            values.add(Value.raw("repeated", "1", false));
        }
        switch (type) {
            case "integer" -> {
                values.add(Value.raw("not-a-number", "abc", true));
                values.add(Value.raw("decimal", "1.5", true));
                values.add(
                        Value.raw("int-overflow", "2147483648", !schema.format().equals("int64")));
                values.add(Value.raw("long-overflow", "99999999999999999999", true));
                values.add(Value.raw("exponent", "1e3", true));
                values.add(Value.raw("max-int", "2147483647", false));
                values.add(Value.raw("min-int", "-2147483648", false));
                values.add(Value.raw("negative", "-1", false));
                values.add(Value.raw("zero", "0", false));
            }
            case "boolean" -> {
                values.add(Value.raw("not-boolean", "maybe", true));
                values.add(Value.raw("number", "1", false));
            }
            default -> {
                if (!enumeration.isEmpty()) {
                    values.add(Value.raw("not-in-enum", "NOT_A_VALUE", true));
                    values.add(Value.raw(
                            "lower-case", encode(enumeration.getFirst().toLowerCase(Locale.ROOT)), true));
                } else if (uuid) {
                    values.add(Value.raw("not-a-uuid", "not-a-uuid", true));
                    values.add(Value.raw("nil-uuid", "00000000-0000-0000-0000-000000000000", false));
                } else if (dateLike(name)) {
                    values.add(Value.raw("bad-date", "2026-02-30", false));
                    values.add(Value.raw("huge-year", encode("+999999999-12-31"), false));
                    values.add(Value.raw("year-zero", "0000-01-01", false));
                    values.add(Value.raw("bad-month", "2026-13", false));
                    values.add(Value.raw("huge-instant", encode("+1000000000-01-01T00:00:00Z"), false));
                    values.add(Value.raw("garbage-date", "yesterday", false));
                } else {
                    values.add(Value.raw("path-traversal", "..%2F..%2Fetc", false));
                    values.add(Value.raw("numeric", "2147483648", false));
                }
            }
        }
        return values;
    }

    private static boolean dateLike(String name) {
        return Pattern.compile("asOf|from|to|period", Pattern.CASE_INSENSITIVE)
                .matcher(name)
                .matches();
    }

    // ---------------------------------------------------------------- bodies

    private List<Variant> bodyVariants(Operation operation, Parts base) {
        List<Variant> variants = new ArrayList<>();
        String baseline = write(base.body());
        boolean required = operation.body().required();
        boolean object = operation.body().schema().type().equals("object");
        variants.add(rawBody(operation, base, "empty", "", required));
        variants.add(rawBody(operation, base, "json-null", "null", required));
        variants.add(rawBody(operation, base, "array", "[]", object));
        variants.add(rawBody(operation, base, "string", "\"x\"", object));
        variants.add(rawBody(operation, base, "number", "12", object));
        variants.add(rawBody(operation, base, "truncated", baseline.substring(0, baseline.length() - 1), true));
        variants.add(rawBody(operation, base, "trailing-object", baseline + " {}", true));
        variants.add(rawBody(operation, base, "trailing-garbage", baseline + " x", true));
        variants.add(rawBody(operation, base, "trailing-comma", baseline + ",", true));
        variants.add(rawBody(operation, base, "two-documents", baseline + "\n" + baseline, true));
        variants.add(rawBody(operation, base, "deep-nesting", "[".repeat(20_000), true));
        variants.add(rawBody(operation, base, "single-quotes", baseline.replace('"', '\''), true));
        variants.add(rawBody(operation, base, "comment", "/* c */" + baseline, true));
        variants.add(rawBody(operation, base, "bom", "\uFEFF" + baseline, false));
        if (object) {
            ObjectNode unknown = ((ObjectNode) base.body().deepCopy()).put("fuzzUnknownField", 1);
            variants.add(rawBody(operation, base, "unknown-field", write(unknown), true));
            ObjectNode invalidUtf8 = ((ObjectNode) base.body().deepCopy()).put("fuzzText", "a" + INVALID_UTF8);
            variants.add(rawBody(operation, base, "invalid-utf8", write(invalidUtf8), true));
            ObjectNode overlong = ((ObjectNode) base.body().deepCopy()).put("fuzzText", "a" + OVERLONG_UTF8);
            variants.add(rawBody(operation, base, "overlong-utf8", write(overlong), true));
            ObjectNode nulKey = ((ObjectNode) base.body().deepCopy()).put("a\u0000b", 1);
            variants.add(rawBody(operation, base, "nul-in-key", write(nulKey), true));
            variants.add(rawBody(
                    operation,
                    base,
                    "huge-number",
                    write(((ObjectNode) base.body().deepCopy())
                            .putRawValue("fuzzNumber", new RawValue("9".repeat(2000)))),
                    true));
        }
        variants.add(rawBody(operation, base, "over-body-limit", "{\"x\":\"" + "y".repeat(1_100_000) + "\"}", true));
        variants.add(contentType(operation, base, "text-plain", "text/plain", baseline, true));
        variants.add(contentType(operation, base, "xml", "application/xml", "<x/>", true));
        variants.add(contentType(
                operation,
                base,
                "latin1-charset",
                operation.body().mediaType() + "; charset=ISO-8859-1",
                baseline,
                false));
        variants.add(contentType(operation, base, "form", "application/x-www-form-urlencoded", "a=b", true));

        List<FieldPath> fields = new ArrayList<>();
        collect(operation.body().schema(), base.body(), new ArrayList<>(), fields, 0);
        for (FieldPath field : fields) {
            for (Value value : fieldValues(field)) {
                JsonNode body = replace(base.body(), field.steps(), value.json());
                Parts parts = base.copy();
                variants.add(new Variant(
                        operation,
                        "body " + field.describe(),
                        value.kind(),
                        value.mustReject(),
                        request(
                                operation,
                                parts,
                                bytes(write(body)),
                                operation.body().mediaType())));
            }
            if (field.steps().size() > 1 && field.parentObject()) {
                // a duplicate of this key in its object
                JsonNode body = duplicate(base.body(), field.steps());
                variants.add(new Variant(
                        operation,
                        "body " + field.describe(),
                        "duplicate-key",
                        true,
                        request(
                                operation,
                                base.copy(),
                                bytes(write(body)),
                                operation.body().mediaType())));
            }
        }
        if (!fields.isEmpty() && base.body().isObject() && base.body().size() > 0) {
            String first = base.body().fieldNames().next();
            JsonNode body = duplicate(base.body(), List.of(first));
            variants.add(new Variant(
                    operation,
                    "body " + first,
                    "duplicate-key",
                    true,
                    request(
                            operation,
                            base.copy(),
                            bytes(write(body)),
                            operation.body().mediaType())));
        }
        return variants;
    }

    /** A field of the body with its schema; {@code steps} are property names and array indexes from the root. */
    private record FieldPath(List<Object> steps, Schema schema, boolean required, boolean parentObject) {

        String describe() {
            StringBuilder path = new StringBuilder();
            for (Object step : steps) {
                if (step instanceof Integer index) {
                    path.append('[').append(index).append(']');
                } else {
                    path.append(path.isEmpty() ? "" : ".").append(step);
                }
            }
            return path.toString();
        }
    }

    private void collect(Schema schema, JsonNode value, List<Object> steps, List<FieldPath> out, int depth) {
        if (depth > MAX_DEPTH || value == null) {
            return;
        }
        if (schema.type().equals("object") && value.isObject()) {
            List<String> required = schema.required();
            for (Map.Entry<String, Schema> property : schema.properties()) {
                List<Object> child = new ArrayList<>(steps);
                child.add(property.getKey());
                out.add(new FieldPath(child, property.getValue(), required.contains(property.getKey()), true));
                collect(property.getValue(), value.get(property.getKey()), child, out, depth + 1);
            }
            Schema additional = schema.additionalProperties();
            if (additional != null) {
                List<Object> child = new ArrayList<>(steps);
                child.add("opening");
                out.add(new FieldPath(child, additional, false, true));
            }
        } else if (schema.type().equals("array") && value.isArray() && !value.isEmpty() && schema.items() != null) {
            List<Object> child = new ArrayList<>(steps);
            child.add(0);
            out.add(new FieldPath(child, schema.items(), true, false));
            collect(schema.items(), value.get(0), child, out, depth + 1);
        }
    }

    private List<Value> fieldValues(FieldPath field) {
        Schema schema = field.schema();
        List<Value> values = new ArrayList<>();
        boolean elementOfArray = !field.parentObject();
        values.add(Value.json("null", NODES.nullNode(), field.required() || elementOfArray));
        switch (schema.type()) {
            case "object" -> {
                values.add(Value.json("string", NODES.textNode("x"), true));
                values.add(Value.json("array", NODES.arrayNode(), true));
                values.add(Value.json("number", NODES.numberNode(1), true));
                values.add(Value.json("empty-object", NODES.objectNode(), false));
                if (schema.additionalProperties() == null) {
                    values.add(Value.json(
                            "unknown-nested-field", NODES.objectNode().put("fuzzUnknownField", 1), true));
                } else {
                    values.add(Value.json("null-map-value", NODES.objectNode().putNull("opening"), true));
                    values.add(Value.json("nul-map-key", NODES.objectNode().put("open\u0000ing", "x"), true));
                    values.add(Value.json(
                            "object-map-value", NODES.objectNode().set("opening", NODES.objectNode()), true));
                }
            }
            case "array" -> {
                Integer minItems = schema.minItems();
                values.add(Value.json("null-element", NODES.arrayNode().addNull(), true));
                values.add(Value.json("empty", NODES.arrayNode(), minItems != null && minItems > 0));
                values.add(Value.json("string", NODES.textNode("x"), true));
                values.add(Value.json("object", NODES.objectNode(), true));
                Schema items = schema.items();
                if (items != null && items.type().equals("string")) {
                    values.add(Value.json("object-element", NODES.arrayNode().add(NODES.objectNode()), true));
                    values.add(Value.json("nul-element", NODES.arrayNode().add("a\u0000b"), true));
                } else if (items != null) {
                    values.add(Value.json("string-element", NODES.arrayNode().add("x"), true));
                }
                Integer maxItems = schema.maxItems();
                if (maxItems != null && maxItems < 1000 && items != null) {
                    ArrayNode many = NODES.arrayNode();
                    JsonNode element = example(items, "", 0);
                    for (int i = 0; i <= maxItems; i++) {
                        many.add(element.deepCopy());
                    }
                    values.add(Value.json("over-max-items", many, true));
                }
            }
            case "integer" -> values.addAll(integerValues(schema));
            case "number" -> values.addAll(numberValues(schema));
            case "boolean" -> {
                values.add(Value.json("string", NODES.textNode("yes"), true));
                values.add(Value.json("object", NODES.objectNode(), true));
                values.add(Value.json("array", NODES.arrayNode(), true));
                values.add(Value.json("number", NODES.numberNode(2), false));
            }
            default -> values.addAll(stringValues(schema));
        }
        return values;
    }

    private List<Value> integerValues(Schema schema) {
        List<Value> values = new ArrayList<>();
        boolean int32 = !schema.format().equals("int64");
        Long minimum = schema.minimum() == null ? null : schema.minimum().asLong();
        Long maximum = schema.maximum() == null ? null : schema.maximum().asLong();
        values.add(Value.json("string", NODES.textNode("abc"), true));
        values.add(Value.json("numeric-string", NODES.textNode("1"), false));
        values.add(Value.json("decimal", NODES.numberNode(new BigDecimal("1.5")), true));
        values.add(Value.json("boolean", NODES.booleanNode(true), true));
        values.add(Value.json("object", NODES.objectNode(), true));
        values.add(Value.json("array", NODES.arrayNode(), true));
        values.add(Value.json("max-int", NODES.numberNode(Integer.MAX_VALUE), maximum != null));
        values.add(Value.json("min-int", NODES.numberNode(Integer.MIN_VALUE), minimum != null));
        values.add(Value.json("int-overflow", NODES.numberNode(2147483648L), int32 || maximum != null));
        values.add(Value.json("long-max", NODES.numberNode(Long.MAX_VALUE), int32 || maximum != null));
        values.add(Value.json("long-overflow", NODES.numberNode(new BigInteger("9223372036854775808")), true));
        values.add(Value.json("negative", NODES.numberNode(-1), minimum != null && minimum >= 0));
        if (maximum != null && maximum < Integer.MAX_VALUE) {
            values.add(Value.json("above-maximum", NODES.numberNode(maximum + 1), true));
        }
        if (minimum != null && minimum > Integer.MIN_VALUE) {
            values.add(Value.json("below-minimum", NODES.numberNode(minimum - 1), true));
        }
        return values;
    }

    private List<Value> numberValues(Schema schema) {
        List<Value> values = new ArrayList<>();
        boolean bounded = schema.pattern() != null || schema.maximum() != null;
        boolean nonNegative = schema.minimum() != null && schema.minimum().asDouble() >= 0;
        values.add(Value.json("string", NODES.textNode("abc"), true));
        values.add(Value.json("boolean", NODES.booleanNode(true), true));
        values.add(Value.json("object", NODES.objectNode(), true));
        values.add(Value.json("array", NODES.arrayNode(), true));
        values.add(Value.json("huge", NODES.numberNode(new BigDecimal("1e308")), bounded));
        values.add(Value.json("huge-exponent", NODES.numberNode(new BigDecimal("1e999999")), true));
        values.add(Value.json(
                "many-digits", NODES.numberNode(new BigDecimal("123456789012345678901234567890.123")), bounded));
        Integer decimals = maxDecimals(schema.pattern());
        if (decimals != null) {
            // one decimal more than the pattern allows (money: 2)
            values.add(Value.json(
                    "too-many-decimals", NODES.numberNode(BigDecimal.ONE.movePointLeft(decimals + 1)), true));
        }
        values.add(Value.json("tiny", NODES.numberNode(new BigDecimal("1e-9")), decimals != null));
        values.add(Value.json("negative", NODES.numberNode(new BigDecimal("-1")), nonNegative));
        values.add(Value.json("zero", NODES.numberNode(BigDecimal.ZERO), false));
        values.add(Value.json("nan-string", NODES.textNode("NaN"), true));
        return values;
    }

    /** The most decimals a number pattern such as {@code ^\\d{1,14}([.]\\d{1,2})?$} allows, or null. */
    private static Integer maxDecimals(String pattern) {
        if (pattern == null) {
            return null;
        }
        var matcher = Pattern.compile("\\[\\.]\\\\d\\{1,(\\d+)}").matcher(pattern);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    private List<Value> stringValues(Schema schema) {
        List<Value> values = new ArrayList<>();
        List<String> enumeration = schema.enumValues();
        String format = schema.format();
        Integer maxLength = schema.maxLength();
        values.add(Value.json("nul", NODES.textNode("a\u0000b"), true));
        values.add(Value.json("lone-high-surrogate", raw("\"a\\ud800b\""), true));
        values.add(Value.json("lone-low-surrogate", raw("\"a\\udc00\""), true));
        values.add(Value.json("reversed-surrogates", raw("\"\\udc00\\ud800\""), true));
        values.add(Value.json("object", NODES.objectNode(), true));
        values.add(Value.json("array", NODES.arrayNode(), true));
        values.add(Value.json("number", NODES.numberNode(12345), !enumeration.isEmpty()));
        values.add(Value.json("boolean", NODES.booleanNode(true), !enumeration.isEmpty()));
        if (!enumeration.isEmpty()) {
            values.add(Value.json("not-in-enum", NODES.textNode("NOT_A_VALUE"), true));
            values.add(Value.json(
                    "lower-case", NODES.textNode(enumeration.getFirst().toLowerCase(Locale.ROOT)), true));
            values.add(Value.json("empty", NODES.textNode(""), true));
            return values;
        }
        switch (format) {
            case "date" -> {
                values.add(Value.json("bad-date", NODES.textNode("2026-02-30"), true));
                values.add(Value.json("not-a-date", NODES.textNode("yesterday"), true));
                values.add(Value.json("huge-year", NODES.textNode("+999999999-12-31"), true));
                values.add(Value.json("year-zero", NODES.textNode("0000-01-01"), true));
                values.add(Value.json("negative-year", NODES.textNode("-0044-03-15"), true));
                values.add(Value.json("year-1000", NODES.textNode("1000-01-01"), false));
                values.add(Value.json("year-9999", NODES.textNode("9999-12-31"), false));
                values.add(Value.json("date-time", NODES.textNode("2025-06-30T00:00:00Z"), true));
            }
            case "date-time" -> {
                values.add(Value.json("bad-instant", NODES.textNode("2026-02-30T00:00:00Z"), true));
                values.add(Value.json("huge-instant", NODES.textNode("+1000000000-01-01T00:00:00Z"), true));
                values.add(Value.json("date-only", NODES.textNode("2025-06-30"), true));
            }
            case "uuid" -> {
                values.add(Value.json("not-a-uuid", NODES.textNode("not-a-uuid"), true));
                values.add(Value.json("nil-uuid", NODES.textNode("00000000-0000-0000-0000-000000000000"), false));
                values.add(
                        Value.json("uuid-with-nul", NODES.textNode("00000000-0000-0000-0000-00000000000\u0000"), true));
            }
            default -> {
                values.add(Value.json("empty", NODES.textNode(""), false));
                values.add(Value.json("blank", NODES.textNode("   "), false));
                values.add(Value.json("injection", NODES.textNode("x'); drop table household; --"), false));
                values.add(Value.json("like-wildcards", NODES.textNode("%_\\"), false));
                values.add(Value.json("emoji", NODES.textNode("😀户主"), false));
                values.add(Value.json("control-characters", NODES.textNode("a\u0001\u001f\u007fb"), false));
                values.add(Value.json("right-to-left", NODES.textNode("\u202eabc"), false));
                values.add(Value.json("cel-expression", NODES.textNode("household.members.size() > 0 ||"), false));
                values.add(Value.json("numeric", NODES.textNode("2147483648"), false));
                if (maxLength != null) {
                    values.add(Value.json("over-max-length", NODES.textNode("字".repeat(maxLength + 1)), true));
                    values.add(Value.json("huge", NODES.textNode("x".repeat(200_000)), true));
                } else {
                    values.add(Value.json("long", NODES.textNode("x".repeat(5_000)), false));
                }
            }
        }
        return values;
    }

    private static JsonNode raw(String json) {
        return new POJONode(new RawValue(json));
    }

    private static JsonNode replace(JsonNode root, List<Object> steps, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = steps.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) steps.get(i));
        }
        Object last = steps.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    /** The body with the field at {@code steps} written twice, the second time with another value. */
    private JsonNode duplicate(JsonNode root, List<Object> steps) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = steps.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) steps.get(i));
        }
        String name = (String) steps.getLast();
        JsonNode value = parent.get(name);
        JsonNode other = value != null && value.isTextual() ? NODES.textNode(value.asText() + "2") : NODES.nullNode();
        String both = write(value == null ? NODES.nullNode() : value) + "," + quote(name) + ":" + write(other);
        ((ObjectNode) parent).set(name, raw(both));
        return copy;
    }

    // ---------------------------------------------------------------- whole requests

    private List<Variant> requestVariants(Operation operation, Parts base) {
        List<Variant> variants = new ArrayList<>();
        if (operation.method().equals("GET")) {
            Parts english = base.copy();
            english.headers().add(Map.entry("Accept-Language", "en;q=abc, *;q=0"));
            variants.add(variant(operation, "header Accept-Language", Value.raw("malformed", "", false), english));
            Parts request = base.copy();
            request.headers().add(Map.entry("X-Request-Id", "<script>" + "r".repeat(200)));
            variants.add(variant(operation, "header X-Request-Id", Value.raw("malformed", "", false), request));
        }
        // what the HTTP decoder itself cannot parse: a control character in a header, a space in the target
        Parts control = base.copy();
        control.headers().add(Map.entry("X-Fuzz", "a\u0001b"));
        variants.add(variant(operation, "headers", Value.raw("control-character-in-header", "", true), control));
        Parts spaced = base.copy();
        spaced.path().replaceAll((name, value) -> value + "%20x y");
        if (!spaced.path().isEmpty()) {
            variants.add(variant(operation, "path", Value.raw("space-in-target", "", true), spaced));
        }
        Parts headers = base.copy();
        headers.headers().add(Map.entry("X-Fuzz", "h".repeat(30_000)));
        variants.add(variant(operation, "headers", Value.raw("over-header-limit", "", true), headers));
        Parts many = base.copy();
        for (int i = 0; i < 120; i++) {
            many.headers().add(Map.entry("X-Fuzz-" + i, "h".repeat(200)));
        }
        variants.add(variant(operation, "headers", Value.raw("many-headers-over-limit", "", true), many));
        return variants;
    }

    private Variant variant(Operation operation, String target, Value value, Parts parts) {
        byte[] body = parts.body() == null ? null : bytes(write(parts.body()));
        return new Variant(
                operation,
                target,
                value.kind(),
                value.mustReject(),
                request(
                        operation,
                        parts,
                        body,
                        operation.takesJson() ? operation.body().mediaType() : null));
    }

    private Variant rawBody(Operation operation, Parts base, String kind, String body, boolean mustReject) {
        return new Variant(
                operation,
                "body",
                kind,
                mustReject,
                request(operation, base, bytes(body), operation.body().mediaType()));
    }

    private Variant contentType(
            Operation operation, Parts base, String kind, String contentType, String body, boolean mustReject) {
        return new Variant(
                operation, "Content-Type", kind, mustReject, request(operation, base, bytes(body), contentType));
    }

    private RawHttp.Request request(Operation operation, Parts parts, byte[] body, String contentType) {
        String target = operation.path();
        for (Map.Entry<String, String> value : parts.path().entrySet()) {
            target = target.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (!parts.query().isEmpty()) {
            StringBuilder query = new StringBuilder();
            for (Map.Entry<String, String> parameter : parts.query()) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(parameter.getKey())
                        .append('=')
                        .append(parameter.getValue());
            }
            target += query;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Authorization", "Bearer " + tokens.apply(operation.role())));
        headers.add(Map.entry("Accept", "*/*"));
        if (body != null && contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        headers.addAll(parts.headers());
        return new RawHttp.Request(operation.method(), target, headers, body);
    }

    // ---------------------------------------------------------------- writing

    /** JSON text of the tree; {@link RawValue}s are written as they are (duplicate keys, escapes Jackson would fix). */
    String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private void write(JsonNode node, StringBuilder out) {
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
            out.append(raw.rawValue());
        } else if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(first ? "" : ",").append(quote(field.getKey())).append(':');
                write(field.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            try {
                out.append(mapper.writeValueAsString(node));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private String quote(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** UTF-8, with the private-use markers replaced by invalid byte sequences. */
    static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == INVALID_UTF8 || c == OVERLONG_UTF8) {
                out.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
                run.setLength(0);
                out.writeBytes(c == INVALID_UTF8 ? INVALID_UTF8_BYTES : OVERLONG_UTF8_BYTES);
            } else {
                run.append(c);
            }
        }
        out.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }
}
