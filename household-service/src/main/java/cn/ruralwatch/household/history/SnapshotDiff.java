package cn.ruralwatch.household.history;

import cn.ruralwatch.audit.AuditedChange;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields that differ between two snapshots of a household, as paths of its document
 * ({@code attributes.housingSafetyGrade}, {@code members[2].attributes.health}) with old and new values. Arrays of
 * plain values (industries, risk types) compare whole; bookkeeping fields (version, updatedAt) are not changes.
 */
final class SnapshotDiff {

    private static final Set<String> BOOKKEEPING = Set.of("version", "updatedAt");

    private SnapshotDiff() {}

    static List<AuditedChange> between(JsonNode before, JsonNode after) {
        Map<String, String> old = flatten(before);
        Map<String, String> current = flatten(after);
        Set<String> fields = new LinkedHashSet<>(old.keySet());
        fields.addAll(current.keySet());
        List<AuditedChange> changes = new ArrayList<>();
        for (String field : fields) {
            AuditedChange change = AuditedChange.changed(field, old.get(field), current.get(field));
            if (change.altersValue()) {
                changes.add(change);
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node != null) {
            flatten("", node, values);
        }
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (path.isEmpty() && BOOKKEEPING.contains(field.getKey())) {
                    continue;
                }
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), values);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), values);
            }
        } else if (!node.isNull()) {
            values.put(path, node.isValueNode() ? node.asText() : node.toString());
        }
    }
}
