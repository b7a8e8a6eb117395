package cn.ruralwatch.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Raising the monitoring threshold of a township re-evaluates its households as a job, and exactly the households the
 * new threshold puts below the line change, each named with the values that failed it and taken as a risk.
 */
@QuarkusTest
class ThresholdChangeTest {

    static final String TOWNSHIP = "450422198";
    static final String VILLAGE = "450422198201";
    static final String STANDARD = "NATIONAL_HOUSEHOLD_2021";
    static final String INCOME = "INCOME_ABOVE_THRESHOLD";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void countyAdmin() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void raisedThresholdReevaluatesTheRegionAndChangesExactlyTheAffectedResults() throws Exception {
        int year = LocalDate.now(ChinaTime.ZONE).getYear();
        HouseholdFixture poor = HouseholdFixture.earning(VILLAGE, "5000");
        HouseholdFixture between = HouseholdFixture.earning(VILLAGE, "7000");
        HouseholdFixture above = HouseholdFixture.earning(VILLAGE, "9000");
        HouseholdFixture monitored = HouseholdFixture.earning(VILLAGE, "5000").monitoredAtRisk();
        for (HouseholdFixture h : List.of(poor, between, above, monitored)) {
            h.publish();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from indicator_result where standard_code = '" + STANDARD
                                + "' and indicator_code = '" + INCOME + "' and village_code = '" + VILLAGE + "'")
                        == 4);
        given().queryParam("standard", STANDARD)
                .queryParam("indicator", INCOME)
                .queryParam("division", TOWNSHIP)
                .get("/api/v1/indicator-rates/failing-households")
                .then()
                .body("items.householdId", containsInAnyOrder(poor.id, monitored.id));
        // a household below the line that is not monitored is a risk; the monitored one is already being helped
        await().atMost(Duration.ofSeconds(30)).until(() -> !risks(poor.id).isEmpty());
        JsonNode risk = risks(poor.id).getFirst();
        assertEquals("OTHER", risk.get("riskTypes").get(0).asText());
        assertEquals(INCOME, risk.get("indicators").get(0).get("code").asText());
        assertEquals(
                List.of("incomeYear=" + (year - 1), "monitoringThreshold=6000", "netIncomePerCapita=5000"),
                mapper.convertValue(risk.get("indicators").get(0).get("reasons"), List.class));
        long historyBefore = count("select count(*) from indicator_result_history where village_code = '" + VILLAGE
                + "' and standard_code = '" + STANDARD + "'");
        String aboveDigest = outcomesDigest(above);
        String betweenDigest = outcomesDigest(between);

        String jobId = given().contentType(ContentType.JSON)
                .body("""
                        {"name":"monitoringThreshold","regionCode":"%s","year":%d,"value":8000,"note":"镇定监测范围"}""".formatted(TOWNSHIP, year))
                .post("/api/v1/standard-parameters")
                .then()
                .statusCode(201)
                .body("parameter.value", equalTo(8000))
                .body("standardCodes", hasItem(STANDARD))
                .extract()
                .path("evaluationJobId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/evaluation-jobs/" + jobId)
                .then()
                .statusCode(200)
                .body("state", equalTo("DONE"))
                .body("regionCode", equalTo(TOWNSHIP))
                .body("total", equalTo(4))
                .body("processed", equalTo(4))
                // the household between the lines stops meeting; the two below both lines fail against a new value
                .body("changedHouseholds", equalTo(3)));
        assertEquals(
                historyBefore + 3,
                count("select count(*) from indicator_result_history where village_code = '" + VILLAGE
                        + "' and standard_code = '" + STANDARD + "'"),
                "the version each changed result replaced, one for each household below the new line, nothing else");
        assertEquals(
                0,
                count("select count(*) from indicator_result where cause = 'job:" + jobId + "' and household_id = '"
                        + above.id + "'"),
                "the household above both lines is read, not written");
        assertEquals(aboveDigest, outcomesDigest(above), "its outcomes come out as their digest says they are stored");
        assertNotEquals(betweenDigest, outcomesDigest(between));
        assertEquals(
                1,
                count(
                        "select count(*) from indicator_result where cause = 'job:" + jobId
                                + "' and household_id = '" + poor.id + "' and not met and not previously_met"
                                + " and cast(reasons as jsonb) @> '[{\"field\": \"monitoringThreshold\", \"value\": \"8000\"}]'"),
                "a household that still fails is recorded with the new threshold that fails it");
        assertEquals(
                1,
                count(
                        "select count(*) from indicator_result_history h join indicator_result r"
                                + " using (household_id, standard_code, indicator_code) where r.cause = 'job:" + jobId
                                + "' and h.household_id = '" + poor.id + "' and h.cause <> r.cause"
                                + " and h.superseded_at = r.evaluated_at and not h.met"
                                + " and cast(h.reasons as jsonb) @> '[{\"field\": \"monitoringThreshold\", \"value\": \"6000\"}]'"),
                "the version it replaced, with the old threshold, is kept until the job's replaced it");
        assertEquals(
                1,
                count("select count(*) from indicator_result where cause = 'job:" + jobId
                        + "' and household_id = '" + between.id + "' and indicator_code = '" + INCOME
                        + "' and not met and previously_met"));

        String today = LocalDate.now(ChinaTime.ZONE).toString();
        given().queryParam("standard", STANDARD)
                .queryParam("indicator", INCOME)
                .queryParam("division", TOWNSHIP)
                .queryParam("from", today)
                .queryParam("to", today)
                .get("/api/v1/indicator-rates/changes")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].householdId", equalTo(between.id))
                .body("items[0].met", equalTo(false))
                .body("items[0].reasons.find { it.field == 'monitoringThreshold' }.value", equalTo("8000"))
                .body("items[0].reasons.find { it.field == 'netIncomePerCapita' }.value", equalTo("7000"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !risks(between.id).isEmpty());
        assertEquals(List.of(), risks(above.id));
        assertEquals(List.of(), risks(monitored.id));

        given().queryParam("name", "monitoringThreshold")
                .queryParam("history", true)
                .get("/api/v1/standard-parameters")
                .then()
                .statusCode(200)
                .body("items.find { it.regionCode == '" + TOWNSHIP + "' }.value", equalTo(8000.0f));

        // the one line reaches household-service's risk elimination: announced once, keyed by region and year
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !lines(TOWNSHIP + ":" + year).isEmpty());
        List<JsonNode> announced = lines(TOWNSHIP + ":" + year);
        assertEquals(1, announced.size(), "the line is announced once");
        assertEquals(TOWNSHIP, announced.getFirst().get("regionCode").asText());
        assertEquals(year, announced.getFirst().get("year").asInt());
        assertEquals(
                0,
                new java.math.BigDecimal("8000")
                        .compareTo(announced.getFirst().get("value").decimalValue()));
        assertEquals("镇定监测范围", announced.getFirst().get("note").asText());
        assertEquals(
                0,
                count("select count(*) from standard_parameter where name = 'monitoringThreshold'"
                        + " and superseded_at is null and announced_at is null"),
                "every current line is announced");
        // the shipped national line is announced at every start
        List<JsonNode> national = lines(":2021");
        assertTrue(!national.isEmpty(), "the shipped line is announced");
        national.forEach(line -> assertEquals(6000, line.get("value").asInt()));
    }

    private String outcomesDigest(HouseholdFixture household) throws Exception {
        return Rows.text(
                dataSource,
                "select outcomes_digest from household_evaluation where household_id = '" + household.id
                        + "' and standard_code = '" + STANDARD + "'");
    }

    private static List<JsonNode> lines(String key) {
        return PublishedEvents.of(EventTypes.MONITORING_LINE_SET, key);
    }

    @Test
    void parameterOrJobOutsideTheRegionOrNotDeclaredIsRefused() throws Exception {
        long before = count("select count(*) from standard_parameter");
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"monitoringThreshold\",\"regionCode\":\"450423\",\"year\":2026,\"value\":8000}")
                .post("/api/v1/standard-parameters")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("regionCode"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"noSuchParameter\",\"regionCode\":\"450422\",\"year\":2026,\"value\":1}")
                .post("/api/v1/standard-parameters")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"monitoringThreshold\",\"regionCode\":\"450422\",\"year\":2026,\"value\":-1}")
                .post("/api/v1/standard-parameters")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("value"));
        // a request of another caller carries that caller's token only
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.VILLAGE_CLERK, "450422198201")
                .contentType(ContentType.JSON)
                .body("{\"name\":\"monitoringThreshold\",\"regionCode\":\"450422198201\",\"year\":2026,\"value\":1}")
                .post("/api/v1/standard-parameters")
                .then()
                .statusCode(403);
        assertEquals(before, count("select count(*) from standard_parameter"), "nothing was stored");
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        long jobs = count("select count(*) from background_job where kind = 'EVALUATION'");
        given().contentType(ContentType.JSON)
                .body(
                        "{\"regionCode\":\"450422198\",\"standardCodes\":[\"NATIONAL_HOUSEHOLD_2021\",\"NO_SUCH_STANDARD\"]}")
                .post("/api/v1/evaluation-jobs")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("standardCodes[1]"));
        given().contentType(ContentType.JSON)
                .body("{\"regionCode\":\"450423\"}")
                .post("/api/v1/evaluation-jobs")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        assertEquals(jobs, count("select count(*) from background_job where kind = 'EVALUATION'"), "no job was queued");
    }

    private static List<JsonNode> risks(String householdId) {
        return PublishedEvents.of(EventTypes.RISK_DETECTED, householdId);
    }

    private long count(String sql) throws Exception {
        return Rows.count(dataSource, sql);
    }
}
