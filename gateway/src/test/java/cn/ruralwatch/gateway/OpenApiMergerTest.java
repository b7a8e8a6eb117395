package cn.ruralwatch.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final RouteTable routes = RouteTable.of(Map.of(
            "household", List.of("/api/v1/households/**"),
            "indicator", List.of("/api/v1/households/*/evaluations/**")));

    @Test
    void mergesPathsAndIdenticalSchemas() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("household", doc("/api/v1/households", "{\"type\":\"object\"}"));
        docs.put("indicator", doc("/api/v1/households/{id}/evaluations", "{\"type\":\"object\"}"));
        ObjectNode merged = OpenApiMerger.merge(mapper, docs, routes, "t", "1");
        assertTrue(merged.path("paths").has("/api/v1/households"));
        assertTrue(merged.path("paths").has("/api/v1/households/{id}/evaluations"));
        assertEquals("object", merged.at("/components/schemas/Problem/type").asText());
    }

    @Test
    void schemasDifferingOnlyInTheirExamplesAreTheSameSchemaAndKeepTheFirstExamples() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put(
                "household",
                doc("/api/v1/households", "{\"type\":\"string\",\"format\":\"date\",\"examples\":[\"2022-03-10\"]}"));
        docs.put("indicator", doc("/api/v1/households/{id}/evaluations", "{\"type\":\"string\",\"format\":\"date\"}"));
        ObjectNode merged = OpenApiMerger.merge(mapper, docs, routes, "t", "1");
        assertEquals(
                "2022-03-10",
                merged.at("/components/schemas/Problem/examples/0").asText());

        docs.put(
                "indicator",
                doc("/api/v1/households/{id}/evaluations", "{\"type\":\"string\",\"format\":\"date-time\"}"));
        OpenApiMerger.ConflictException conflict = assertThrows(
                OpenApiMerger.ConflictException.class, () -> OpenApiMerger.merge(mapper, docs, routes, "t", "1"));
        assertTrue(conflict.getMessage().contains("components/schemas/Problem differs"), conflict.getMessage());
    }

    @Test
    void failsOnSamePathInTwoServicesAndOnDifferingSchemas() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("household", doc("/api/v1/households", "{\"type\":\"object\"}"));
        docs.put("indicator", doc("/api/v1/households", "{\"type\":\"string\"}"));
        OpenApiMerger.ConflictException conflict = assertThrows(
                OpenApiMerger.ConflictException.class, () -> OpenApiMerger.merge(mapper, docs, routes, "t", "1"));
        assertEquals(2, conflict.conflicts().size(), conflict.getMessage());
        assertTrue(
                conflict.getMessage().contains("path /api/v1/households is declared by both household and indicator"));
        assertTrue(conflict.getMessage().contains("components/schemas/Problem differs"));
    }

    @Test
    void failsWhenAPathWouldBeRoutedToAnotherService() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("indicator", doc("/api/v1/households/{id}", "{\"type\":\"object\"}"));
        OpenApiMerger.ConflictException conflict = assertThrows(
                OpenApiMerger.ConflictException.class, () -> OpenApiMerger.merge(mapper, docs, routes, "t", "1"));
        assertTrue(conflict.getMessage().contains("is routed to household"), conflict.getMessage());
    }

    private JsonNode doc(String path, String problemSchema) throws Exception {
        return mapper.readTree("""
                {"openapi":"3.1.0","paths":{"%s":{"get":{"operationId":"op%s"}}},
                 "components":{"schemas":{"Problem":%s}}}""".formatted(path, Math.abs(path.hashCode()), problemSchema));
    }
}
