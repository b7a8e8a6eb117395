package cn.ruralwatch.testing;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Checks event data against the JSON Schema of its type in {@code event-contracts}. */
public final class EventSchemas {

    /**
     * Schemas refer to each other by file name ({@code "$ref": "household-state.v1.json"}), resolved beside the schema
     * that refers: they carry no {@code $id} naming a host, so that tools (the AsyncAPI bundler) need no network.
     */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static final ConcurrentHashMap<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /** Throws {@link AssertionError} naming every violation when {@code json} does not match the schema of {@code type}. */
    public static void assertValid(String type, String json) {
        Set<ValidationMessage> errors = schema(type).validate(json, com.networknt.schema.InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError("Event " + type + " does not match its schema: "
                    + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")) + "\n"
                    + json);
        }
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            String path = "event-schemas/" + t + ".json";
            if (Thread.currentThread().getContextClassLoader().getResource(path) == null) {
                throw new AssertionError("No schema for event type " + t + " at " + path);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return FACTORY.getSchema(com.networknt.schema.SchemaLocation.of("classpath:" + path), config);
        });
    }
}
