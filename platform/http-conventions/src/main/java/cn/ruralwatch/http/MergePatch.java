package cn.ruralwatch.http;

import cn.ruralwatch.problem.JsonViolations;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.RequestJson;
import cn.ruralwatch.problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7396), the body of every {@code PATCH}: members of the patch replace those of the target, a
 * {@code null} removes one (clears the field), objects merge recursively, anything else (arrays included) replaces the
 * target whole.
 */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {}

    /**
     * The document a resource would have after the patch, validated like a request body: a field the document does not
     * have, a value of the wrong type or a broken constraint answers 400 naming the field, before anything changes.
     *
     * @param current the resource's editable document as it stands
     */
    public static <T> T applyTo(T current, JsonNode patch, Class<T> type, ObjectMapper mapper, Validator validator) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid(Violation.of("", "NOT_AN_OBJECT", "problem.merge-patch.object"));
        }
        T patched;
        try {
            // read as a request body is (unknown fields, nulls in arrays, dates…), see RequestJson
            patched = RequestJson.strict(mapper).readerFor(type).readValue(apply(mapper.valueToTree(current), patch));
        } catch (JsonProcessingException e) {
            Violation violation = JsonViolations.of(e);
            throw ProblemException.invalid(
                    violation != null ? violation : Violation.of("", "INVALID_VALUE", "problem.merge-patch.object"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return patched;
    }

    /** The target with the patch applied; the target is not modified. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
