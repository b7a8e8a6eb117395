package cn.ruralwatch.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes the labels of every coded value into the OpenAPI document ({@link CodeLabels}): each enumeration schema gets
 * {@code x-enum-labels: {"zh": {CODE: 中文}, "en": {CODE: English}}}, in the order of its values, so that a client
 * shows a code in words without a table of its own. The gateway's code tables ({@code /api/v1/code-tables}) are read
 * from it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CodeLabelsDocument implements OASFilter {

    /** The extension holding an enumeration's labels. */
    public static final String EXTENSION = "x-enum-labels";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        CodeLabels labels = CodeLabels.current();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> label(labels, name, schema));
    }

    /** Labels an enumeration schema with the words {@code labels} has for its values; other schemas stay as they are. */
    static void label(CodeLabels labels, String name, Schema schema) {
        if (schema.getEnumeration() == null || schema.getEnumeration().isEmpty()) {
            return;
        }
        Map<String, String> chinese = new LinkedHashMap<>();
        Map<String, String> english = new LinkedHashMap<>();
        for (Object value : schema.getEnumeration()) {
            if (value == null) {
                continue;
            }
            String code = value.toString();
            labels.chinese(name, code).ifPresent(words -> chinese.put(code, words));
            labels.english(name, code).ifPresent(words -> english.put(code, words));
        }
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("zh", chinese);
        both.put("en", english);
        schema.addExtension(EXTENSION, both);
    }
}
