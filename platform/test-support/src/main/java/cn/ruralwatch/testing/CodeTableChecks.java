package cn.ruralwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a service's OpenAPI document lacks for a client to show its coded values in words: every enumeration must be a
 * named schema of {@code components/schemas} (the code table's name), say what it is ({@code description}), and carry
 * a Chinese and an English label for every value ({@code x-enum-labels}, written from the service's
 * {@code i18n/labels*.properties}).
 */
public final class CodeTableChecks {

    private CodeTableChecks() {}

    /** The label in {@code language} ({@code zh}, {@code en}) the document gives {@code code} of the table; "" if none. */
    public static String label(JsonNode document, String table, String language, String code) {
        return document.at("/components/schemas/" + table + "/x-enum-labels/" + language + "/" + code)
                .asText();
    }

    /** Everything missing, one line each; empty when every code of the document has both labels. */
    public static List<String> missing(JsonNode document) {
        List<String> missing = new ArrayList<>();
        JsonNode schemas = document.path("components").path("schemas");
        Iterator<Map.Entry<String, JsonNode>> each = schemas.fields();
        int tables = 0;
        while (each.hasNext()) {
            Map.Entry<String, JsonNode> entry = each.next();
            String name = entry.getKey();
            JsonNode schema = entry.getValue();
            if (!schema.has("enum")) {
                inline(schema, "/components/schemas/" + name, missing);
                continue;
            }
            tables++;
            if (schema.path("description").asText("").isBlank()) {
                missing.add(name + " has no description");
            }
            JsonNode labels = schema.path("x-enum-labels");
            for (JsonNode value : schema.path("enum")) {
                if (value.isNull()) {
                    continue;
                }
                for (String language : List.of("zh", "en")) {
                    if (labels.path(language).path(value.asText()).asText("").isBlank()) {
                        missing.add(name + "." + value.asText() + " has no " + language + " label");
                    }
                }
            }
        }
        inline(document.path("paths"), "/paths", missing);
        if (tables == 0) {
            missing.add("the document has no enumeration at all");
        }
        return missing;
    }

    /** Enumerations written inline, where they have no name a code table could take. */
    private static void inline(JsonNode node, String pointer, List<String> missing) {
        if (node.isObject()) {
            if (node.has("enum") && !pointer.matches("/components/schemas/[^/]+")) {
                missing.add("the enumeration at " + pointer + " is not a named schema of components/schemas");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().startsWith("x-")) {
                    inline(
                            field.getValue(),
                            pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"),
                            missing);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                inline(node.get(i), pointer + "/" + i, missing);
            }
        }
    }
}
