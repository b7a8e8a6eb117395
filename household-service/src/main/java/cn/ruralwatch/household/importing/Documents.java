package cn.ruralwatch.household.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Values in a JSON document by the dotted paths of {@link ImportColumn} ({@code incomes[0].wage}). */
final class Documents {

    private Documents() {}

    /** The value at the path, or null. */
    static JsonNode get(JsonNode document, String path) {
        JsonNode node = document;
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            node = node.get(bracket < 0 ? segment : segment.substring(0, bracket));
            if (node != null && bracket >= 0) {
                node = node.get(index(segment, bracket));
            }
            if (node == null || node.isNull()) {
                return null;
            }
        }
        return node;
    }

    /** Sets the value at the path, creating the objects and list entries on the way; a null value sets JSON null. */
    static void put(ObjectNode document, String path, JsonNode value) {
        String[] segments = path.split("\\.");
        ObjectNode node = document;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            int bracket = segment.indexOf('[');
            boolean last = i == segments.length - 1;
            if (bracket < 0) {
                if (last) {
                    node.set(segment, value);
                    return;
                }
                node = node.get(segment) instanceof ObjectNode child ? child : node.putObject(segment);
            } else {
                String name = segment.substring(0, bracket);
                ArrayNode list = node.get(name) instanceof ArrayNode existing ? existing : node.putArray(name);
                int index = index(segment, bracket);
                while (list.size() <= index) {
                    list.addObject();
                }
                if (last) {
                    list.set(index, value);
                    return;
                }
                node = (ObjectNode) list.get(index);
            }
        }
    }

    private static int index(String segment, int bracket) {
        return Integer.parseInt(segment.substring(bracket + 1, segment.indexOf(']')));
    }
}
