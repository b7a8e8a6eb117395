package cn.ruralwatch.system;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The checker the system tests rely on finds each kind of mismatch, and passes answers that match. */
class OpenApiConformanceTest {

    private static final String DOCUMENT = """
            {
              "openapi": "3.1.0",
              "info": {"title": "t", "version": "1"},
              "paths": {
                "/api/v1/households/search": {
                  "get": {"operationId": "searchHouseholds", "responses": {"200": {"description": "ok",
                    "content": {"application/json": {"schema": {"type": "array",
                      "items": {"$ref": "#/components/schemas/Household"}}}}}}}
                },
                "/api/v1/households/{id}/history": {
                  "get": {"operationId": "getHouseholdHistory", "responses": {"400": {"description": "bad",
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}
                },
                "/api/v1/households/{id}": {
                  "get": {"operationId": "getHousehold", "responses": {
                    "200": {"description": "ok",
                      "headers": {"ETag": {"required": true, "schema": {"type": "string"}}},
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Household"}}}},
                    "404": {"description": "absent",
                      "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}
                }
              },
              "components": {"schemas": {
                "Household": {"type": "object", "required": ["id", "size"], "additionalProperties": false,
                  "properties": {"id": {"type": "string", "format": "uuid"}, "size": {"type": "integer", "minimum": 1},
                    "head": {"type": ["string", "null"]}}},
                "Problem": {"type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}
              }}
            }
            """;

    private static final String ID = "/api/v1/households/0b1e8f0a-7c1d-4c57-9a55-3f0f6a1e2d11";
    private static final String HOUSEHOLD =
            "{\"id\":\"0b1e8f0a-7c1d-4c57-9a55-3f0f6a1e2d11\",\"size\":3,\"head\":null}";

    private static Predicate<String> headers(String... names) {
        Set<String> present = Set.of(names);
        return name -> present.stream().anyMatch(name::equalsIgnoreCase);
    }

    @Test
    void answersThatMatchPass() {
        OpenApiConformance conformance = new OpenApiConformance(DOCUMENT);
        conformance.check("GET", ID, 200, "application/json", headers("ETag"), HOUSEHOLD);
        conformance.check(
                "GET", "/api/v1/households/search", 200, "application/json", headers(), "[" + HOUSEHOLD + "]");
        conformance.check("GET", ID, 404, "application/problem+json", headers(), "{\"status\":404}");
        // a path with an empty segment matches no operation, and may be refused as malformed
        conformance.check(
                "GET", "/api/v1/households//history", 400, "application/problem+json", headers(), "{\"status\":400}");
        // outside the API and the browser's preflight are not operations
        conformance.check("GET", "/q/health", 500, "text/plain", headers(), "down");
        conformance.check("OPTIONS", ID, 204, null, headers(), "");

        assertDoesNotThrow(conformance::assertConformance);
        assertEquals(4, conformance.checked());
    }

    @Test
    void eachKindOfMismatchIsNamed() {
        OpenApiConformance conformance = new OpenApiConformance(DOCUMENT);
        // a body its schema (reached through $ref) refuses: a field of the wrong type, an unknown field
        conformance.check(
                "GET", ID, 200, "application/json", headers("ETag"), "{\"id\":\"x\",\"size\":\"3\",\"extra\":1}");
        // the same schema inside an array
        conformance.check("GET", "/api/v1/households/search", 200, "application/json", headers(), "[{\"size\":0}]");
        // a status not declared, a media type not declared, a required header missing, an undeclared ETag
        conformance.check("GET", ID, 409, "application/problem+json", headers(), "{\"status\":409}");
        conformance.check("GET", ID, 404, "text/html", headers(), "<html/>");
        conformance.check("GET", "/api/v1/households/search", 200, "application/json", headers("ETag"), "[]");
        conformance.check("GET", ID, 200, "application/json", headers(), HOUSEHOLD);
        // a route the document does not have, answered other than 404/405 (or 400 for an empty segment)
        conformance.check("DELETE", ID, 204, null, headers(), "");
        conformance.check("GET", "/api/v1/households/search/x", 400, "application/problem+json", headers(), "{}");

        AssertionError failure = assertThrows(AssertionError.class, conformance::assertConformance);
        String report = failure.getMessage();
        for (String expected : new String[] {
            "getHousehold: 200 application/json: /size: string found, integer expected",
            "getHousehold: 200 application/json: /id: does not match the uuid pattern",
            "11 of the responses checked (8)",
            "getHousehold: 200 application/json: : property 'extra' is not defined in the schema",
            "searchHouseholds: 200 application/json: /0: required property 'id' not found",
            "searchHouseholds: 200 application/json: /0/size: must have a minimum value of 1",
            "getHousehold: status 409 is not declared",
            "getHousehold: 404 answered text/html, the document declares [application/problem+json]",
            "searchHouseholds: 200 sends etag, which the document does not declare",
            "getHousehold: 200 lacks the required header ETag",
            "DELETE " + ID + ": no operation in the document, but answered 204",
            "GET /api/v1/households/search/x: no operation in the document, but answered 400"
        }) {
            assertTrue(report.contains(expected), () -> "expected «" + expected + "» in:\n" + report);
        }
    }

    @Test
    void nothingCheckedIsAFailure() {
        OpenApiConformance conformance = new OpenApiConformance(DOCUMENT);
        conformance.check("GET", "/q/health", 200, "application/json", headers(), "{}");
        assertThrows(AssertionError.class, conformance::assertConformance);
    }
}
