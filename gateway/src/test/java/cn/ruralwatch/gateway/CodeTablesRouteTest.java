package cn.ruralwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.VerifiedTokens;
import cn.ruralwatch.embedded.DevIdentityProvider;
import cn.ruralwatch.testing.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's code-table operations as the gateway itself declares and guards them: in its own OpenAPI document like
 * every service operation (roles, problem answers), for callers with a valid token of a suite role only, and a 503
 * problem while no service has given its document (here no service runs; the tables themselves are checked through
 * the running suite in system-tests).
 */
@QuarkusTest
@TestProfile(CodeTablesRouteTest.NoServices.class)
class CodeTablesRouteTest {

    /** Every service at an address where nothing answers. */
    public static class NoServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ruralwatch.gateway.services.household.url", "http://127.0.0.1:1",
                    "ruralwatch.gateway.services.indicator.url", "http://127.0.0.1:1",
                    "ruralwatch.gateway.services.fund.url", "http://127.0.0.1:1",
                    "ruralwatch.gateway.services.report.url", "http://127.0.0.1:1");
        }
    }

    @Inject
    VerifiedTokens verifiedTokens;

    private static final DevIdentityProvider IDENTITY =
            DevIdentityProvider.fromClasspath("test-tokens/private.pem", SuiteInfrastructure.TEST_ISSUER);

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theGatewaysOwnDocumentDeclaresBothOperationsLikeEveryOther() {
        JsonPath document = given().queryParam("format", "json")
                .get("/q/gateway-openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String path : List.of("/api/v1/code-tables", "/api/v1/code-tables/{name}")) {
            String operation = "paths.'" + path + "'.get";
            for (String status : List.of("401", "403", "429", "503")) {
                assertEquals(
                        "#/components/schemas/Problem",
                        document.getString(operation + ".responses.'" + status + "'.content.'application/problem+json'"
                                + ".schema.'$ref'"),
                        path + " " + status);
            }
            assertNotNull(document.get(operation + ".responses.'503'.headers.Retry-After"), path);
            assertEquals(
                    List.of("county-admin", "township-officer", "village-clerk", "auditor", "integration", "operator"),
                    document.getList(operation + ".security[0].SecurityScheme"),
                    path);
        }
        assertEquals("listCodeTables", document.getString("paths.'/api/v1/code-tables'.get.operationId"));
        assertEquals("getCodeTable", document.getString("paths.'/api/v1/code-tables/{name}'.get.operationId"));
        assertEquals(
                "#/components/schemas/Problem",
                document.getString("paths.'/api/v1/code-tables/{name}'.get.responses.'404'.content"
                        + ".'application/problem+json'.schema.'$ref'"));
        assertEquals(
                List.of("name", "description", "codes"), document.getList("components.schemas.CodeTable.required"));
    }

    @Test
    void aCallerWithoutAValidTokenIsRefused() {
        given().get("/api/v1/code-tables")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:ruralwatch:problem:unauthorized"));
        given().header("Authorization", "Bearer forged.token.value")
                .get("/api/v1/code-tables/Relation")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenIsReusedOnlyOnceItPassedAndOnlyAsItWasSent() throws IOException {
        String token = IDENTITY.token("code-tables-reuse", "auditor", "450422", Duration.ofMinutes(10));
        assertTrue(verifiedTokens.get(token).isEmpty());
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + token)
                    .get("/api/v1/code-tables")
                    .then()
                    .statusCode(503);
        }
        assertEquals(
                "code-tables-reuse", verifiedTokens.get(token).orElseThrow().getName());

        // the same claims with another signature, or signed by a key the suite does not trust, are checked in full
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        String otherKey = DevIdentityProvider.inDirectory(
                        Files.createTempDirectory("another-issuer-key"), SuiteInfrastructure.TEST_ISSUER)
                .token("code-tables-reuse", "auditor", "450422", Duration.ofMinutes(10));
        for (String refused : List.of(tampered, otherKey)) {
            given().header("Authorization", "Bearer " + refused)
                    .get("/api/v1/code-tables")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
            assertTrue(verifiedTokens.get(refused).isEmpty());
        }

        // an expired token is refused and never kept
        String expired = IDENTITY.token("code-tables-reuse", "auditor", "450422", Duration.ofMinutes(-5));
        given().header("Authorization", "Bearer " + expired)
                .get("/api/v1/code-tables")
                .then()
                .statusCode(401);
        assertTrue(verifiedTokens.get(expired).isEmpty());
    }

    @Test
    void aTokenWithoutARoleOfTheSuiteIsForbidden() {
        given().header("Authorization", bearer("admin"))
                .get("/api/v1/code-tables")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:forbidden"));
    }

    @Test
    void withoutTheServicesDocumentsTheTablesAreA503ProblemToRetry() {
        given().header("Authorization", bearer("village-clerk"))
                .get("/api/v1/code-tables")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("2"))
                .header("Cache-Control", equalTo("no-store"))
                .body("type", equalTo("urn:ruralwatch:problem:service-unavailable"))
                .body("detail", containsString("代码表暂时无法获取"));
        given().header("Authorization", bearer("operator"))
                .header("Accept-Language", "en")
                .get("/api/v1/code-tables/Relation")
                .then()
                .statusCode(503)
                .body("detail", containsString("code tables cannot be built"));
    }

    @Test
    void aTableNameThatIsNotTextIsA400NamingIt() {
        given().urlEncodingEnabled(false)
                .header("Authorization", bearer("auditor"))
                .get("/api/v1/code-tables/a%00b")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:validation-failed"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("NUL_CHARACTER"));
        given().urlEncodingEnabled(false)
                .header("Authorization", bearer("auditor"))
                .get("/api/v1/code-tables/%C3%28")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("INVALID_ENCODING"));
    }

    @Test
    void onlyGetIsAnswered() {
        given().header("Authorization", bearer("county-admin"))
                .post("/api/v1/code-tables")
                .then()
                .statusCode(405)
                .header("Allow", equalTo("GET"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:method-not-allowed"));
        // the route table sends no code-table path to a service
        given().header("Authorization", bearer("county-admin"))
                .get("/api/v1/code-tables/Relation/codes")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:ruralwatch:problem:route-not-found"))
                .body("detail", containsString("/api/v1/code-tables/Relation/codes"));
    }

    private static String bearer(String role) {
        return "Bearer " + IDENTITY.token("code-tables-" + role, role, "450422", Duration.ofMinutes(10));
    }
}
