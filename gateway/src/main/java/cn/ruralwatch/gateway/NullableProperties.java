package cn.ruralwatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services write JSON with Jackson, which writes a property that has no value as {@code null} (or, in the few
 * types marked so, leaves it out), and read {@code null} for an optional property as "not given". So in every schema
 * of the merged document a property that is not {@code required} may be {@code null}: its type gains {@code "null"}
 * (a {@code $ref} becomes {@code anyOf: [ref, {type: null}]}). A required property stays non-null. A client generated
 * from the document therefore types an optional field as {@code T | null}, which is what it receives.
 */
final class NullableProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SUBSCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final List<String> SUBSCHEMAS = List.of("items", "additionalProperties", "not");

    private NullableProperties() {}

    static void apply(ObjectNode merged) {
        merged.path("components").path("schemas").forEach(NullableProperties::visit);
        merged.path("paths")
                .forEach(item -> item.forEach(operation -> {
                    operation.path("requestBody").path("content").forEach(media -> visit(media.path("schema")));
                    operation.path("responses").forEach(response -> response.path("content")
                            .forEach(media -> visit(media.path("schema"))));
                }));
    }

    private static void visit(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (schema.path("properties") instanceof ObjectNode properties) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                visit(property.getValue());
                if (!required.contains(property.getKey()) && property.getValue() instanceof ObjectNode value) {
                    properties.set(property.getKey(), nullable(value));
                }
            }
        }
        SUBSCHEMAS.forEach(key -> visit(schema.get(key)));
        SUBSCHEMA_LISTS.forEach(key -> schema.path(key).forEach(NullableProperties::visit));
    }

    /** The schema, also admitting {@code null}. */
    private static ObjectNode nullable(ObjectNode schema) {
        if (admitsNull(schema)) {
            return schema;
        }
        JsonNode type = schema.get("type");
        if (!schema.has("$ref") && type != null && type.isTextual()) {
            ArrayNode types = NODES.arrayNode().add(type.asText()).add("null");
            schema.set("type", types);
            addNullToEnum(schema);
            return schema;
        }
        if (!schema.has("$ref") && type instanceof ArrayNode types) {
            types.add("null");
            addNullToEnum(schema);
            return schema;
        }
        if (!schema.has("$ref") && !schema.has("allOf") && !schema.has("anyOf") && !schema.has("oneOf")) {
            return schema; // no type: any value, null included
        }
        // a reference (or a composition): the alternatives are that schema or null; annotations stay outside
        ObjectNode wrapped = NODES.objectNode();
        ObjectNode alternative = NODES.objectNode();
        schema.properties().forEach(entry -> {
            switch (entry.getKey()) {
                case "description", "title", "examples", "example", "default", "deprecated", "readOnly", "writeOnly" ->
                    wrapped.set(entry.getKey(), entry.getValue());
                // SmallRye writes a reference's type beside it; the referenced schema has it already
                case "type" -> {
                    if (!schema.has("$ref")) {
                        alternative.set(entry.getKey(), entry.getValue());
                    }
                }
                default -> alternative.set(entry.getKey(), entry.getValue());
            }
        });
        wrapped.putArray("anyOf").add(alternative).add(NODES.objectNode().put("type", "null"));
        return wrapped;
    }

    private static boolean admitsNull(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && (type.asText().equals("null") || (type.isArray() && contains(type, "null")))) {
            return true;
        }
        JsonNode anyOf = schema.get("anyOf");
        if (anyOf != null) {
            for (JsonNode alternative : anyOf) {
                if ("null".equals(alternative.path("type").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void addNullToEnum(ObjectNode schema) {
        if (schema.get("enum") instanceof ArrayNode values && !containsNull(values)) {
            values.addNull();
        }
    }

    private static boolean containsNull(ArrayNode values) {
        for (JsonNode value : values) {
            if (value.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode value : array) {
            if (text.equals(value.asText())) {
                return true;
            }
        }
        return false;
    }
}
