package cn.ruralwatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the services' OpenAPI documents into the suite's single document. Two services declaring the same path, a
 * path routed to a service other than the one declaring it, or two different schemas under one name are conflicts: the
 * merge fails and names them all, rather than silently picking one.
 */
public final class OpenApiMerger {

    /** The merge failed; each entry says what conflicts with what. */
    public static final class ConflictException extends RuntimeException {
        private final List<String> conflicts;

        public ConflictException(List<String> conflicts) {
            super(String.join("; ", conflicts));
            this.conflicts = List.copyOf(conflicts);
        }

        public List<String> conflicts() {
            return conflicts;
        }
    }

    /** The name the gateway's own document is merged under: its paths are those no route sends to a service. */
    public static final String GATEWAY = "gateway";

    private OpenApiMerger() {}

    /**
     * @param documents each service's document, by service name, in a stable order
     * @param routes the gateway's route table, to check each path reaches the service that declares it
     */
    public static ObjectNode merge(
            ObjectMapper mapper, Map<String, JsonNode> documents, RouteTable routes, String title, String version) {
        List<String> conflicts = new ArrayList<>();
        ObjectNode merged = mapper.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", title);
        info.put("version", version);
        info.put("description", "县域防返贫动态监测与帮扶：经统一入口访问全部服务的接口。错误响应均为 RFC 9457 application/problem+json。");
        // relative: the document is served by the gateway it describes, at whatever address callers reach it
        merged.putArray("servers").addObject().put("url", "/").put("description", "本网关（提供本文档的同一地址）");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = mapper.createObjectNode();
        Map<String, String> pathOwner = new HashMap<>();
        Map<String, String> componentOwner = new HashMap<>();
        Map<String, JsonNode> tags = new LinkedHashMap<>();

        documents.forEach((service, document) -> {
            document.path("paths").fields().forEachRemaining(entry -> {
                String path = entry.getKey();
                String owner = pathOwner.putIfAbsent(path, service);
                if (owner != null) {
                    conflicts.add("path " + path + " is declared by both " + owner + " and " + service);
                    return;
                }
                String routedTo = routes.serviceForTemplate(path).orElse(null);
                if (GATEWAY.equals(service) ? routedTo != null : !service.equals(routedTo)) {
                    conflicts.add("path " + path + " of " + service + " is routed to "
                            + (routedTo == null ? "no service" : routedTo));
                }
                paths.set(path, entry.getValue());
            });
            document.path("components")
                    .fields()
                    .forEachRemaining(kind -> kind.getValue().fields().forEachRemaining(component -> {
                        String key = kind.getKey() + "/" + component.getKey();
                        ObjectNode target = components.has(kind.getKey())
                                ? (ObjectNode) components.get(kind.getKey())
                                : components.putObject(kind.getKey());
                        JsonNode existing = target.get(component.getKey());
                        if (existing == null) {
                            target.set(component.getKey(), component.getValue());
                            componentOwner.put(key, service);
                        } else if (!withoutExamples(existing).equals(withoutExamples(component.getValue()))) {
                            conflicts.add("components/" + key + " differs between " + componentOwner.get(key) + " and "
                                    + service);
                        }
                    }));
            document.path("tags")
                    .forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
        });
        if (!conflicts.isEmpty()) {
            throw new ConflictException(conflicts);
        }
        merged.set("components", components);
        MergePatchSchemas.apply(merged);
        NullableProperties.apply(merged);
        ResponseHeaders.apply(merged, components);
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().forEach(tagArray::add);
        }
        return merged;
    }

    /**
     * A component compared without its top-level examples: two services describing the same type (a date, an id)
     * may carry different sample values, which is documentation, not a difference in shape. The first service's
     * examples are kept.
     */
    private static JsonNode withoutExamples(JsonNode component) {
        if (!(component instanceof ObjectNode object) || !(object.has("examples") || object.has("example"))) {
            return component;
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("examples", "example"));
        return copy;
    }
}
