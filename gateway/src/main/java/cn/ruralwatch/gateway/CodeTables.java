package cn.ruralwatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The suite's code tables (代码表), read from the merged OpenAPI document: one per enumeration schema, named as the
 * schema is, with each value's Chinese and English label from the schema's {@code x-enum-labels} (which each service
 * writes from its labels).
 */
final class CodeTables {

    /** The extension the services write their labels into ({@code cn.ruralwatch.problem.CodeLabelsDocument}). */
    static final String LABELS = "x-enum-labels";

    /** One code table: the codes of one enumeration in the order the document lists them. */
    record CodeTable(String name, String description, List<Code> codes) {}

    /** One code with its Chinese and English label. */
    record Code(String code, String zh, String en) {}

    private CodeTables() {}

    /** Every code table of the document, by name. */
    static List<CodeTable> of(JsonNode document) {
        List<CodeTable> tables = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> schemas =
                document.path("components").path("schemas").fields();
        while (schemas.hasNext()) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            if (schema.getValue().path("enum").isArray()) {
                tables.add(table(schema.getKey(), schema.getValue()));
            }
        }
        tables.sort(Comparator.comparing(CodeTable::name));
        return tables;
    }

    private static CodeTable table(String name, JsonNode schema) {
        JsonNode labels = schema.path(LABELS);
        List<Code> codes = new ArrayList<>();
        for (JsonNode value : schema.path("enum")) {
            if (value.isNull()) {
                continue;
            }
            String code = value.asText();
            // every service's build checks that each of its codes has both labels; a code without one shows as itself
            codes.add(new Code(
                    code,
                    labels.path("zh").path(code).asText(code),
                    labels.path("en").path(code).asText(code)));
        }
        String description = schema.path("description").asText("");
        return new CodeTable(name, description.isBlank() ? name : description, List.copyOf(codes));
    }
}
