package cn.ruralwatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Merge Patch (RFC 7396) names only what it changes, so its body cannot have the required fields of the resource
 * it patches: the merged document gives each merge-patch request body a {@code <Schema>Patch} component, the resource's
 * schema with no property required (nested schemas alike). The service still checks the patched resource as a whole.
 */
final class MergePatchSchemas {

    static final String MEDIA_TYPE = "application/merge-patch+json";
    private static final String PREFIX = "#/components/schemas/";

    private MergePatchSchemas() {}

    static void apply(ObjectNode merged) {
        JsonNode schemas = merged.path("components").path("schemas");
        if (!(schemas instanceof ObjectNode components)) {
            return;
        }
        Set<String> replaced = new HashSet<>();
        merged.path("paths")
                .forEach(item -> item.forEach(operation -> {
                    JsonNode media =
                            operation.path("requestBody").path("content").path(MEDIA_TYPE);
                    if (media instanceof ObjectNode body && body.path("schema").has("$ref")) {
                        String name = body.path("schema").path("$ref").asText().substring(PREFIX.length());
                        String patched = patch(components, name, new HashSet<>());
                        ((ObjectNode) body.get("schema")).put("$ref", PREFIX + patched);
                        if (!patched.equals(name)) {
                            replaced.add(name);
                        }
                    }
                }));
        // a schema only a merge-patch body used (MemberUpdate) is described by its Patch variant alone
        Set<String> referenced = new HashSet<>();
        collectReferences(merged, referenced);
        replaced.stream().filter(name -> !referenced.contains(name)).forEach(components::remove);
    }

    private static void collectReferences(JsonNode node, Set<String> names) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)) {
            names.add(ref.asText().substring(PREFIX.length()));
        }
        node.forEach(child -> collectReferences(child, names));
    }

    /** The name of the patch variant of a component, written into the components if not there yet. */
    private static String patch(ObjectNode components, String name, Set<String> seen) {
        String patched = name + "Patch";
        if (needsNoPatch(components.get(name))) {
            return name; // an enumeration, a date, an id: nothing in it can be required
        }
        if (!components.has(name) || components.has(patched) || !seen.add(name)) {
            return components.has(name) ? patched : name;
        }
        JsonNode copy = components.get(name).deepCopy();
        components.set(patched, copy);
        loosen(components, copy, seen);
        if (copy instanceof ObjectNode object) {
            object.put(
                    "description", object.path("description").asText("") + "（JSON Merge Patch：只写要改的字段，null 清空；没有必填字段）");
        }
        return patched;
    }

    /** Removes {@code required} everywhere in a schema and points its references at patch variants. */
    private static void loosen(ObjectNode components, JsonNode node, Set<String> seen) {
        if (node instanceof ObjectNode object) {
            object.remove("required");
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith(PREFIX)) {
                object.put("$ref", PREFIX + patch(components, ref.asText().substring(PREFIX.length()), seen));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("$ref")) {
                    loosen(components, field.getValue(), seen);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(element -> loosen(components, element, seen));
        }
    }

    /** A schema that requires nothing and refers to nothing is its own patch variant. */
    private static boolean needsNoPatch(JsonNode schema) {
        return schema != null && schema.findValue("required") == null && schema.findValue("$ref") == null;
    }
}
