package cn.ruralwatch.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.ExhaustedPool;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller can send that is not what the API takes, and moments the database is not there: a 4xx or a 503
 * problem, never a 500, and no job or template stored by a refused request.
 */
@QuarkusTest
class MalformedRequestTest {

    private static final String COUNTY = "457090";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @BeforeEach
    void countyAdmin() {
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void repeatedKeysTrailingTokensUnknownFieldsAndNulAreRefusedNamingThem() throws Exception {
        long jobs = Rows.count(dataSource, "select count(*) from background_job");
        String valid = "{\"division\":\"" + COUNTY + "\",\"year\":2024,\"narrative\":{\"problems\":\"无\"}}";
        workReport(valid.replace("\"year\":2024", "\"year\":2024,\"year\":2025"))
                .statusCode(400)
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].code", equalTo("DUPLICATE_FIELD"));
        workReport(valid.replace("\"problems\":\"无\"", "\"problems\":\"无\",\"problems\":\"有\""))
                .statusCode(400)
                .body("errors[0].field", equalTo("narrative.problems"))
                .body("errors[0].code", equalTo("DUPLICATE_FIELD"));
        workReport(valid + " x").statusCode(400).body("errors[0].code", equalTo("TRAILING_TOKENS"));
        // dropped silently before: a misspelt narrative would have been left out of the report without a word
        workReport(valid.replace("\"narrative\"", "\"narative\""))
                .statusCode(400)
                .body("errors[0].field", equalTo("narative"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        workReport(valid.replace("\"无\"", "\"\\u0000\""))
                .statusCode(400)
                .body("errors[0].field", equalTo("narrative.problems"))
                .body("errors[0].code", equalTo("NUL_CHARACTER"));
        workReport(valid.replace("\"无\"", "null"))
                .statusCode(400)
                .body("errors[0].field", equalTo("narrative.problems"))
                .body("errors[0].code", equalTo("NOT_NULL"));
        // a control character is valid JSON, but no Word document can hold it: refused before a job fails on it
        ReportEvents.division(COUNTY, "庚县", "COUNTY", null);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("division", COUNTY)
                        .get("/api/v1/reports/overview")
                        .then()
                        .statusCode(200));
        workReport(valid.replace("\"无\"", "\"第一\\u0007条\""))
                .statusCode(400)
                .body("errors[0].field", equalTo("narrative.problems"))
                .body("errors[0].code", equalTo("CONTROL_CHARACTER"));
        workReport(valid.replace("\"year\"", "\"title\":\"工作\\u001b汇报\",\"year\""))
                .statusCode(400)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].code", equalTo("CONTROL_CHARACTER"));
        assertEquals(jobs, Rows.count(dataSource, "select count(*) from background_job"));

        long templates = Rows.count(dataSource, "select count(*) from report_template");
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"简报\",\"body\":\"在册农户\\u0000户\"}")
                .put("/api/v1/reports/work-report-templates/brief2")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].code", equalTo("NUL_CHARACTER"));
        assertEquals(templates, Rows.count(dataSource, "select count(*) from report_template"));
    }

    @Test
    void timesBeyondWhatIsStoredAndPagesBeyondTheEndAreAnsweredWithoutFailing() {
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.AUDITOR, COUNTY)
                .queryParam("from", "+1000000000-01-01T00:00:00Z")
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        Tokens.as(Roles.AUDITOR, COUNTY)
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 500)
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(200)
                .body("items", emptyIterable())
                .body("page", equalTo(Integer.MAX_VALUE));
        Tokens.as(Roles.COUNTY_ADMIN, COUNTY)
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 500)
                .get("/api/v1/reports/jobs")
                .then()
                .statusCode(200)
                .body("items", emptyIterable());
    }

    @Test
    void anUnreachableDatabaseAnswers503WithRetryAfterAndTheServiceRecovers() throws Exception {
        try (ExhaustedPool exhausted = ExhaustedPool.of(dataSource, poolSize)) {
            given().get("/api/v1/reports/jobs")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "2")
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ruralwatch:problem:service-unavailable"))
                    .body("detail", containsString("Retry-After"));
        }
        given().get("/api/v1/reports/jobs").then().statusCode(200);
    }

    private static ValidatableResponse workReport(String json) {
        return given().contentType(ContentType.JSON)
                .body(json)
                .post("/api/v1/reports/work-reports")
                .then();
    }
}
