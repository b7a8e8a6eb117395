package cn.ruralwatch.indicator;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller can send that is not what the API takes, values set at the same moment, and moments the database is
 * not there: a 4xx or a 503 problem, never a 500, and nothing stored by a refused request.
 */
@QuarkusTest
class MalformedRequestTest {

    static final String COUNTY = "450463";

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
        long values = parameterValues();
        String valid = "{\"name\":\"monitoringThreshold\",\"regionCode\":\"" + COUNTY
                + "\",\"year\":2025,\"value\":8000,\"note\":\"县定\"}";
        set(valid.replace("\"year\":2025", "\"year\":2025,\"year\":2026"))
                .statusCode(400)
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].code", equalTo("DUPLICATE_FIELD"));
        set(valid + "]").statusCode(400).body("errors[0].code", equalTo("TRAILING_TOKENS"));
        set(valid.replace("\"note\"", "\"notes\""))
                .statusCode(400)
                .body("errors[0].field", equalTo("notes"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        set(valid.replace("县定", "县\\u0000定"))
                .statusCode(400)
                .body("errors[0].field", equalTo("note"))
                .body("errors[0].code", equalTo("NUL_CHARACTER"));
        assertEquals(values, parameterValues());
        given().urlEncodingEnabled(false)
                .get("/api/v1/indicator-rates?division=" + COUNTY + "&standard=NATIONAL%00")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("standard"))
                .body("errors[0].code", equalTo("NUL_CHARACTER"));
        given().queryParam("division", COUNTY)
                .queryParam("standard", "NATIONAL_HOUSEHOLD_2021")
                .queryParam("asOf", "+999999999-12-31")
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void nullElementsOfAnArrayAreRefused() throws Exception {
        long jobs = jobs();
        // answered 500: the job took the list as it came
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body("{\"regionCode\":\"" + COUNTY + "\",\"standardCodes\":[null]}")
                .post("/api/v1/evaluation-jobs")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("standardCodes[0]"))
                .body("errors[0].code", equalTo("NOT_NULL"))
                .body("errors[0].message", equalTo("must not be null."));
        assertEquals(jobs, jobs());
    }

    @Test
    void aPageFarBeyondTheEndIsEmpty() {
        // a native query's offset: page × size overflowed to a negative number
        given().queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 500)
                .get("/api/v1/evaluation-jobs")
                .then()
                .statusCode(200)
                .body("items", emptyIterable())
                .body("page", equalTo(Integer.MAX_VALUE));
        given().queryParam("division", COUNTY)
                .queryParam("standard", "NATIONAL_HOUSEHOLD_2021")
                .queryParam("indicator", "HOUSING_SECURITY")
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 500)
                .get("/api/v1/indicator-rates/failing-households")
                .then()
                .statusCode(200)
                .body("items", emptyIterable());
    }

    @Test
    void valuesSetAtTheSameMomentSupersedeOneAnother() throws Exception {
        List<Callable<Integer>> sets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int value = 8100 + i;
            sets.add(() -> given().contentType(ContentType.JSON)
                    .body("{\"name\":\"monitoringThreshold\",\"regionCode\":\"" + COUNTY + "\",\"year\":2024,\"value\":"
                            + value + "}")
                    .post("/api/v1/standard-parameters")
                    .statusCode());
        }
        List<Integer> statuses = all(sets);
        assertEquals(List.of(201, 201, 201, 201, 201, 201), statuses);
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from standard_parameter where name = 'monitoringThreshold' and region_code = '"
                                + COUNTY + "' and year = 2024 and superseded_at is null"));
        assertEquals(
                6,
                Rows.count(
                        dataSource,
                        "select count(*) from standard_parameter where name = 'monitoringThreshold' and region_code = '"
                                + COUNTY + "' and year = 2024"));
    }

    @Test
    void anUnreachableDatabaseAnswers503WithRetryAfterAndTheServiceRecovers() throws Exception {
        try (ExhaustedPool exhausted = ExhaustedPool.of(dataSource, poolSize)) {
            given().get("/api/v1/evaluation-jobs")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "2")
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ruralwatch:problem:service-unavailable"))
                    .body("detail", containsString("Retry-After"));
        }
        given().get("/api/v1/evaluation-jobs").then().statusCode(200);
    }

    private static ValidatableResponse set(String json) {
        return given().contentType(ContentType.JSON)
                .body(json)
                .post("/api/v1/standard-parameters")
                .then();
    }

    private long parameterValues() throws Exception {
        return Rows.count(dataSource, "select count(*) from standard_parameter where region_code = '" + COUNTY + "'");
    }

    private long jobs() throws Exception {
        return Rows.count(dataSource, "select count(*) from background_job where kind = 'EVALUATION'");
    }

    private static List<Integer> all(List<Callable<Integer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(requests)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
