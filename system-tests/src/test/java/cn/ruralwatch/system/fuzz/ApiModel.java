package cn.ruralwatch.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of the merged OpenAPI document, with what the fuzzer needs to call each one. */
final class ApiModel {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A parameter of an operation: {@code in} is path, query or header. */
    record Parameter(String name, String in, Schema schema, boolean required, JsonNode example) {}

    /** The JSON body an operation takes (other media types, such as import files, are not fuzzed). */
    record Body(String mediaType, Schema schema, boolean required) {}

    record Operation(String id, String method, String path, List<Parameter> parameters, Body body, List<String> roles) {

        boolean takesJson() {
            return body != null;
        }

        String role() {
            return roles.contains("county-admin") || roles.isEmpty() ? "county-admin" : roles.getFirst();
        }
    }

    /** A schema with its {@code $ref} resolved: the referenced schema's keywords, overridden by the local ones. */
    record Schema(ObjectNode node, ApiModel model) {

        /** The JSON type; of a nullable property ({@code ["string", "null"]}), the type it has when present. */
        String type() {
            String type = node.path("type").asText(null);
            if (node.path("type").isArray()) {
                type = null;
                for (JsonNode alternative : node.path("type")) {
                    if (!alternative.asText().equals("null")) {
                        type = alternative.asText();
                        break;
                    }
                }
            }
            if (type == null && node.has("properties")) {
                return "object";
            }
            return type == null ? "" : type;
        }

        String format() {
            return node.path("format").asText("");
        }

        List<String> enumValues() {
            List<String> values = new ArrayList<>();
            node.path("enum").forEach(v -> {
                if (!v.isNull()) {
                    values.add(v.asText());
                }
            });
            return values;
        }

        JsonNode example() {
            if (node.path("examples").isArray() && !node.path("examples").isEmpty()) {
                return node.path("examples").get(0);
            }
            return node.get("example");
        }

        Integer maxLength() {
            return node.has("maxLength") ? node.get("maxLength").asInt() : null;
        }

        Integer maxItems() {
            return node.has("maxItems") ? node.get("maxItems").asInt() : null;
        }

        Integer minItems() {
            return node.has("minItems") ? node.get("minItems").asInt() : null;
        }

        JsonNode minimum() {
            return node.get("minimum");
        }

        JsonNode maximum() {
            return node.get("maximum");
        }

        String pattern() {
            return node.path("pattern").asText(null);
        }

        List<String> required() {
            List<String> names = new ArrayList<>();
            node.path("required").forEach(n -> names.add(n.asText()));
            return names;
        }

        /** Properties in document order. */
        List<Map.Entry<String, Schema>> properties() {
            List<Map.Entry<String, Schema>> properties = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields =
                    node.path("properties").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().path("readOnly").asBoolean(false)) {
                    properties.add(Map.entry(field.getKey(), model.resolve(field.getValue())));
                }
            }
            return properties;
        }

        Schema items() {
            return node.has("items") ? model.resolve(node.get("items")) : null;
        }

        Schema additionalProperties() {
            JsonNode additional = node.get("additionalProperties");
            return additional != null && additional.isObject() ? model.resolve(additional) : null;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    ApiModel(JsonNode document) {
        this.document = document;
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(path.getKey(), method.getKey(), method.getValue()));
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
    }

    List<Operation> operations() {
        return operations;
    }

    private Operation operation(String path, String method, JsonNode node) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : node.path("parameters")) {
            parameters.add(new Parameter(
                    parameter.path("name").asText(),
                    parameter.path("in").asText(),
                    resolve(parameter.path("schema")),
                    parameter.path("required").asBoolean(false)
                            || "path".equals(parameter.path("in").asText()),
                    parameter.get("example")));
        }
        Body body = null;
        JsonNode content = node.path("requestBody").path("content");
        for (String mediaType : List.of("application/json", "application/merge-patch+json")) {
            if (content.has(mediaType)) {
                body = new Body(
                        mediaType,
                        resolve(content.path(mediaType).path("schema")),
                        node.path("requestBody").path("required").asBoolean(false));
            }
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : node.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
        }
        return new Operation(
                node.path("operationId").asText(method + " " + path),
                method.toUpperCase(java.util.Locale.ROOT),
                path,
                parameters,
                body,
                roles);
    }

    Schema resolve(JsonNode schema) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        JsonNode present = nullableAlternative(schema);
        if (present != null) {
            // a nullable property (anyOf: [schema, {type: null}]): the schema it has when present, with its annotations
            merged.setAll(resolve(present).node());
            schema.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("anyOf")) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
            return new Schema(merged, this);
        }
        if (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            JsonNode target = document.path("components").path("schemas").path(name);
            if (target.isObject()) {
                merged.setAll(resolve(target).node());
            }
        }
        if (schema != null && schema.isObject()) {
            schema.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("$ref")) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
        }
        return new Schema(merged, this);
    }

    /** Of {@code anyOf: [X, {type: null}]}, X; otherwise null. */
    private static JsonNode nullableAlternative(JsonNode schema) {
        if (schema == null
                || !schema.path("anyOf").isArray()
                || schema.path("anyOf").size() != 2) {
            return null;
        }
        JsonNode first = schema.path("anyOf").get(0);
        JsonNode second = schema.path("anyOf").get(1);
        if ("null".equals(second.path("type").asText())) {
            return first;
        }
        return "null".equals(first.path("type").asText()) ? second : null;
    }
}
