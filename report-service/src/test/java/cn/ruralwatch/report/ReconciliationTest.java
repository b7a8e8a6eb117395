package cn.ruralwatch.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReconciliationTest {

    @BeforeEach
    void authenticate() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, SourceCountsStub.COUNTY);
    }

    @Test
    void listsEveryFigureThatDiffersFromTheSourceServices() {
        ReportEvents.division(SourceCountsStub.COUNTY, "丙县", "COUNTY", null);
        ReportEvents.division("456088101", "一镇", "TOWNSHIP", SourceCountsStub.COUNTY);
        ReportEvents.division(SourceCountsStub.VILLAGE, "一村", "VILLAGE", "456088101");
        String exited = ReportEvents.household(SourceCountsStub.VILLAGE, 3, "EXITED", null);
        String monitored = ReportEvents.household(
                SourceCountsStub.VILLAGE,
                2,
                "NOT_POOR",
                new HouseholdState.Monitoring(
                        "EDGE_AT_RISK", List.of("ILLNESS"), "AT_RISK", 2025, LocalDate.of(2025, 6, 1), null));
        ReportEvents.evaluation(
                exited,
                SourceCountsStub.VILLAGE,
                true,
                "2026-03-01T00:00:00Z",
                UUID.randomUUID().toString());
        ReportEvents.evaluation(
                monitored,
                SourceCountsStub.VILLAGE,
                false,
                "2026-03-01T00:00:00Z",
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("division", SourceCountsStub.COUNTY)
                        .get("/api/v1/reports/overview")
                        .then()
                        .body("households", equalTo(2))
                        .body("evaluatedHouseholds", equalTo(2)));

        // the report agrees with the sources on the village both know; the village it has not heard of is drift
        given().queryParam("division", SourceCountsStub.COUNTY)
                .get("/api/v1/reports/reconciliation")
                .then()
                .statusCode(200)
                .body("division.code", equalTo(SourceCountsStub.COUNTY))
                .body("consistent", equalTo(false))
                .body("villagesCompared", equalTo(2))
                .body("driftCount", equalTo(3))
                .body("drift", hasSize(3))
                .body(
                        "drift.villageCode",
                        equalTo(List.of(
                                SourceCountsStub.UNKNOWN_TO_REPORT,
                                SourceCountsStub.UNKNOWN_TO_REPORT,
                                SourceCountsStub.UNKNOWN_TO_REPORT)))
                .body("drift.figure", equalTo(List.of("byPovertyStatus.NOT_POOR", "households", "members")))
                .body("drift.source", equalTo(List.of("household-service", "household-service", "household-service")))
                .body("drift.sourceValue", equalTo(List.of(1, 1, 2)))
                .body("drift.reportValue", equalTo(List.of(0, 0, 0)));

        // once the missing household arrives, nothing differs
        ReportEvents.household(SourceCountsStub.UNKNOWN_TO_REPORT, 2);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("division", SourceCountsStub.COUNTY)
                        .get("/api/v1/reports/reconciliation")
                        .then()
                        .statusCode(200)
                        .body("consistent", equalTo(true))
                        .body("driftCount", equalTo(0))
                        // village 201: 7 household figures (two poverty statuses, one category) + 2 evaluation figures;
                        // village 202: 5 + 2; the one indicator: met, not met, numerator, denominator
                        .body("figuresCompared", equalTo(9 + 7 + 4)));

        given().queryParam("division", "45600")
                .get("/api/v1/reports/reconciliation")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("division"));
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.VILLAGE_CLERK, SourceCountsStub.VILLAGE)
                .queryParam("division", SourceCountsStub.VILLAGE)
                .get("/api/v1/reports/reconciliation")
                .then()
                .statusCode(403);
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, SourceCountsStub.COUNTY);
    }
}
