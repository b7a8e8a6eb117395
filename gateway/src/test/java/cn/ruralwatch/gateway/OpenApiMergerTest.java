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

    /** A merge patch names only what it changes: its body's schema requires nothing, nested schemas alike. */
    @Test
    void aMergePatchBodyRequiresNoField() throws Exception {
        JsonNode doc = mapper.readTree("""
                {"paths":{"/api/v1/households/{id}":{
                   "patch":{"requestBody":{"content":{"application/merge-patch+json":
                     {"schema":{"$ref":"#/components/schemas/HouseholdUpdate"}}}}},
                   "put":{"requestBody":{"content":{"application/json":
                     {"schema":{"$ref":"#/components/schemas/HouseholdUpdate"}}}}}}},
                 "components":{"schemas":{
                   "HouseholdUpdate":{"type":"object","required":["villageCode"],
                     "properties":{"villageCode":{"type":"string"},
                                   "attributes":{"$ref":"#/components/schemas/Attributes"}}},
                   "Attributes":{"type":"object","required":["grade"],"properties":{"grade":{"type":"string"}}}}}}""");
        ObjectNode merged = OpenApiMerger.merge(mapper, Map.of("household", doc), routes, "t", "1");
        assertEquals(
                "#/components/schemas/HouseholdUpdatePatch",
                merged.at(
                                "/paths/~1api~1v1~1households~1{id}/patch/requestBody/content/application~1merge-patch+json/schema/$ref")
                        .asText());
        assertTrue(
                merged.at("/components/schemas/HouseholdUpdatePatch/required").isMissingNode());
        assertEquals(
                "#/components/schemas/AttributesPatch",
                merged.at("/components/schemas/HouseholdUpdatePatch/properties/attributes/anyOf/0/$ref")
                        .asText());
        assertTrue(merged.at("/components/schemas/AttributesPatch/required").isMissingNode());
        // a schema no answer or full replacement uses any more would be an unused component
        JsonNode onlyPatched = mapper.readTree("""
                {"paths":{"/api/v1/households/{id}/members/{memberId}":{
                   "patch":{"requestBody":{"content":{"application/merge-patch+json":
                     {"schema":{"$ref":"#/components/schemas/MemberUpdate"}}}}}}},
                 "components":{"schemas":{
                   "MemberUpdate":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}}}}""");
        JsonNode patchedOnly = OpenApiMerger.merge(mapper, Map.of("household", onlyPatched), routes, "t", "1");
        assertTrue(patchedOnly.at("/components/schemas/MemberUpdate").isMissingNode());
        assertEquals(
                "object",
                patchedOnly.at("/components/schemas/MemberUpdatePatch/type").asText());
        // the resource's own schema and a full replacement keep what they require
        assertEquals(
                "villageCode",
                merged.at("/components/schemas/HouseholdUpdate/required/0").asText());
        assertEquals(
                "#/components/schemas/HouseholdUpdate",
                merged.at("/paths/~1api~1v1~1households~1{id}/put/requestBody/content/application~1json/schema/$ref")
                        .asText());
    }

    /**
     * Jackson writes an absent value as null and reads null as "not given": a property that is not required admits
     * null (a reference becomes "that or null"), a required one does not, and a reference's annotations stay on it.
     */
    @Test
    void aPropertyThatIsNotRequiredAdmitsNull() throws Exception {
        JsonNode doc = mapper.readTree("""
                {"paths":{"/api/v1/households/{id}":{"get":{"responses":{"200":{"content":{"application/json":
                   {"schema":{"type":"object","properties":{"note":{"type":"string"}}}}}}}}}},
                 "components":{"schemas":{
                   "Household":{"type":"object","required":["id"],
                     "properties":{"id":{"$ref":"#/components/schemas/UUID","type":"string"},
                                   "mergedInto":{"$ref":"#/components/schemas/UUID","type":"string","description":"并入的农户"},
                                   "status":{"type":"string","enum":["ACTIVE","MERGED"]},
                                   "members":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}},
                                   "income":{"type":["number","null"]}}},
                   "UUID":{"type":"string","format":"uuid"}}}}""");
        ObjectNode merged = OpenApiMerger.merge(mapper, Map.of("household", doc), routes, "t", "1");
        JsonNode household = merged.at("/components/schemas/Household/properties");
        assertEquals(mapper.readTree("""
                {"$ref":"#/components/schemas/UUID","type":"string"}"""), household.get("id"));
        assertEquals(mapper.readTree("""
                {"description":"并入的农户","anyOf":[{"$ref":"#/components/schemas/UUID"},{"type":"null"}]}"""), household.get("mergedInto"));
        assertEquals(mapper.readTree("""
                {"type":["string","null"],"enum":["ACTIVE","MERGED",null]}"""), household.get("status"));
        assertEquals(mapper.readTree("""
                {"type":["array","null"],"items":{"type":"object","properties":{"name":{"type":["string","null"]}}}}"""), household.get("members"));
        assertEquals(mapper.readTree("""
                {"type":["number","null"]}"""), household.get("income"));
        assertEquals(
                mapper.readTree("""
                        {"type":["string","null"]}"""),
                merged.at(
                        "/paths/~1api~1v1~1households~1{id}/get/responses/200/content/application~1json/schema/properties/note"));
    }

    /**
     * A resource changed under If-Match carries its version in every success answer about it, creating it included; a
     * 201 names the new resource and a 202 the job; every operation may meet the gateway's 414, 431 and 502.
     */
    @Test
    void versionsAndAddressesAreDeclaredWhereTheServicesSendThem() throws Exception {
        JsonNode doc = mapper.readTree("""
                {"paths":{
                   "/api/v1/households":{"post":{"responses":{"201":{"description":"已登记"}}}},
                   "/api/v1/households/{id}":{
                     "get":{"responses":{"200":{"description":"农户"},"404":{"description":"不存在"}}},
                     "patch":{"parameters":[{"name":"If-Match","in":"header"}],"responses":{"200":{"description":"已修改"}}}},
                   "/api/v1/households/imports":{"post":{"responses":{"200":{"description":"已受理过"},"202":{"description":"已受理"}}}},
                   "/api/v1/households/{id}/history":{"get":{"responses":{"200":{"description":"历史"}}}},
                   "/api/v1/households/{id}/visits":{"post":{"responses":{"201":{"description":"已登记"}}},
                     "get":{"responses":{"200":{"description":"批次"}}}},
                   "/api/v1/households/{id}/visits/{visitId}":{"get":{"responses":{"200":{"description":"批次"}}}},
                   "/api/v1/households/{id}/dossier":{"get":{"responses":{"200":{"description":"一户一册","content":{
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document":{"schema":{"type":"string","format":"binary"}}}}}}}}}""");
        ObjectNode merged = OpenApiMerger.merge(mapper, Map.of("household", doc), routes, "t", "1");
        JsonNode paths = merged.path("paths");
        String etag = "#/components/headers/ETag";
        String location = "#/components/headers/Location";
        assertEquals(
                etag,
                paths.at("/~1api~1v1~1households/post/responses/201/headers/ETag/$ref")
                        .asText());
        assertEquals(
                location,
                paths.at("/~1api~1v1~1households/post/responses/201/headers/Location/$ref")
                        .asText());
        assertEquals(
                etag,
                paths.at("/~1api~1v1~1households~1{id}/get/responses/200/headers/ETag/$ref")
                        .asText());
        assertEquals(
                etag,
                paths.at("/~1api~1v1~1households~1{id}/patch/responses/200/headers/ETag/$ref")
                        .asText());
        assertTrue(paths.at("/~1api~1v1~1households~1{id}/get/responses/404/headers")
                .isMissingNode());
        assertTrue(paths.at("/~1api~1v1~1households~1{id}/get/responses/200/headers/Location")
                .isMissingNode());
        assertEquals(
                location,
                paths.at("/~1api~1v1~1households~1imports/post/responses/202/headers/Location/$ref")
                        .asText());
        assertEquals(
                location,
                paths.at("/~1api~1v1~1households~1imports/post/responses/200/headers/Location/$ref")
                        .asText());
        assertTrue(paths.at("/~1api~1v1~1households~1imports/post/responses/202/headers/ETag")
                .isMissingNode());
        assertTrue(paths.at("/~1api~1v1~1households~1{id}~1history/get/responses/200/headers")
                .isMissingNode());
        // created with a 201 and never changed under If-Match: read, it still answers with its version
        assertEquals(
                etag,
                paths.at("/~1api~1v1~1households~1{id}~1visits~1{visitId}/get/responses/200/headers/ETag/$ref")
                        .asText());
        assertTrue(paths.at("/~1api~1v1~1households~1{id}~1visits/get/responses/200/headers/ETag")
                .isMissingNode());
        assertEquals("string", merged.at("/components/headers/ETag/schema/type").asText());
        assertEquals(
                "请求头过大",
                paths.at("/~1api~1v1~1households/post/responses/431/description")
                        .asText());
        assertTrue(paths.at("/~1api~1v1~1households/post/responses/414").has("content"));
        assertEquals(
                "#/components/headers/Content-Disposition",
                paths.at("/~1api~1v1~1households~1{id}~1dossier/get/responses/200/headers/Content-Disposition/$ref")
                        .asText());
        assertTrue(paths.at("/~1api~1v1~1households~1{id}~1history/get/responses/200/headers/Content-Disposition")
                .isMissingNode());
        assertEquals(
                "#/components/schemas/Problem",
                paths.at(
                                "/~1api~1v1~1households~1{id}~1history/get/responses/502/content/application~1problem+json/schema/$ref")
                        .asText());
    }

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

    /**
     * The gateway answers its own paths (the code tables): they may not be routed to a service, and a service may not
     * declare a path no route sends to it.
     */
    @Test
    void theGatewaysOwnPathsAreThoseNoRouteSendsToAService() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("household", doc("/api/v1/households", "{\"type\":\"object\"}"));
        docs.put(OpenApiMerger.GATEWAY, doc("/api/v1/code-tables", "{\"type\":\"object\"}"));
        ObjectNode merged = OpenApiMerger.merge(mapper, docs, routes, "t", "1");
        assertTrue(merged.path("paths").has("/api/v1/code-tables"));

        docs.put(OpenApiMerger.GATEWAY, doc("/api/v1/households/{id}/code-tables", "{\"type\":\"object\"}"));
        OpenApiMerger.ConflictException shadowed = assertThrows(
                OpenApiMerger.ConflictException.class, () -> OpenApiMerger.merge(mapper, docs, routes, "t", "1"));
        assertTrue(
                shadowed.getMessage().contains("/api/v1/households/{id}/code-tables of gateway is routed to household"),
                shadowed.getMessage());

        docs.remove(OpenApiMerger.GATEWAY);
        docs.put("household", doc("/api/v1/code-tables", "{\"type\":\"object\"}"));
        OpenApiMerger.ConflictException unrouted = assertThrows(
                OpenApiMerger.ConflictException.class, () -> OpenApiMerger.merge(mapper, docs, routes, "t", "1"));
        assertTrue(unrouted.getMessage().contains("is routed to no service"), unrouted.getMessage());
    }

    private JsonNode doc(String path, String problemSchema) throws Exception {
        return mapper.readTree("""
                {"openapi":"3.1.0","paths":{"%s":{"get":{"operationId":"op%s"}}},
                 "components":{"schemas":{"Problem":%s}}}""".formatted(path, Math.abs(path.hashCode()), problemSchema));
    }
}
