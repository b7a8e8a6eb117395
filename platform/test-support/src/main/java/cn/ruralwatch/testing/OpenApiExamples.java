package cn.ruralwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a service's OpenAPI document: every request body has an example, and every JSON example matches the schema of
 * its media type, read as a caller's request would be: a property the schema does not name is refused (the services
 * refuse unknown fields), and a JSON Merge Patch requires nothing (the gateway documents its body as such a variant).
 */
public final class OpenApiExamples {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private OpenApiExamples() {}

    /** Throws {@link AssertionError} naming each request body without an example and each example that does not fit. */
    public static void assertEveryRequestBodyHasAValidExample(String document) {
        JsonNode openApi = read(document);
        JsonNode components = closed(openApi.path("components"));
        List<String> failures = new ArrayList<>();
        int examples = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations =
                            path.getValue().fields();
                    operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode content = operation.getValue().path("requestBody").path("content");
                if (content.isMissingNode()) {
                    continue;
                }
                String name = operation.getValue().path("operationId").asText(operation.getKey() + " " + path.getKey());
                int before = examples;
                for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
                    Map.Entry<String, JsonNode> type = media.next();
                    for (Map.Entry<String, JsonNode> example : examples(type.getValue())) {
                        examples++;
                        failures.addAll(check(name, type.getKey(), type.getValue(), example, components));
                    }
                }
                if (examples == before) {
                    failures.add(name + ": the request body has no example");
                }
            }
        }
        if (examples == 0 && failures.isEmpty()) {
            throw new AssertionError("The document has no request body");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(
                    failures.size() + " problems with request-body examples:\n  " + String.join("\n  ", failures));
        }
    }

    private static List<Map.Entry<String, JsonNode>> examples(JsonNode media) {
        List<Map.Entry<String, JsonNode>> examples = new ArrayList<>();
        media.path("examples").fields().forEachRemaining(examples::add);
        if (media.has("example")) {
            examples.add(Map.entry("example", MAPPER.createObjectNode().set("value", media.get("example"))));
        }
        return examples;
    }

    private static List<String> check(
            String operation,
            String mediaType,
            JsonNode media,
            Map.Entry<String, JsonNode> example,
            JsonNode components) {
        String where = operation + " " + mediaType + " example '" + example.getKey() + "'";
        JsonNode value = example.getValue().get("value");
        if (value == null) {
            return List.of(where + ": no value");
        }
        if (!mediaType.endsWith("json")) {
            return value.isTextual() && !value.asText().isBlank() ? List.of() : List.of(where + ": not a text");
        }
        ObjectNode schema = MAPPER.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("allOf", MAPPER.createArrayNode().add(media.path("schema")));
        schema.set("components", mediaType.equals(MERGE_PATCH) ? requiringNothing(components.deepCopy()) : components);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Set<ValidationMessage> errors = FACTORY.getSchema(schema, config).validate(value);
        return errors.stream().map(e -> where + ": " + e.getMessage()).toList();
    }

    /** The components with each object schema closed to the properties it names, as the services read a body. */
    private static JsonNode closed(JsonNode components) {
        JsonNode copy = components.deepCopy();
        copy.path("schemas").forEach(schema -> {
            if (schema instanceof ObjectNode object
                    && object.has("properties")
                    && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
        });
        return copy;
    }

    private static JsonNode requiringNothing(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("required");
        }
        node.forEach(OpenApiExamples::requiringNothing);
        return node;
    }

    private static JsonNode read(String document) {
        try {
            return MAPPER.readTree(document);
        } catch (java.io.IOException e) {
            throw new AssertionError("The OpenAPI document is not JSON", e);
        }
    }
}
