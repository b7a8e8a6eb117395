package cn.ruralwatch.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.report.period.MonthlySnapshots;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MonthlyReportTest {

    private static final String COUNTY = "458000";

    @Inject
    MonthlySnapshots snapshots;

    @BeforeEach
    void authenticate() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
    }

    @Test
    void aMonthIsComparedWithThePreviousOneAndMonthsFormASeries() {
        ReportEvents.division(COUNTY, "戊县", "COUNTY", null);
        ReportEvents.division("458000101", "一镇", "TOWNSHIP", COUNTY);
        ReportEvents.division("458000102", "二镇", "TOWNSHIP", COUNTY);
        ReportEvents.division("458000101201", "一村", "VILLAGE", "458000101");
        ReportEvents.division("458000102201", "二村", "VILLAGE", "458000102");
        ReportEvents.household(
                "458000101201",
                3,
                "EXITED",
                new HouseholdState.Monitoring(
                        "EDGE_AT_RISK", List.of("ILLNESS"), "AT_RISK", 2025, LocalDate.of(2025, 6, 1), null));
        ReportEvents.household("458000101201", 2);
        ReportEvents.household("458000102201", 4);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", COUNTY)
                .get("/api/v1/reports/breakdown")
                .then()
                .body("total.households", equalTo(3)));
        YearMonth now = YearMonth.now(MonthlySnapshots.CHINA);
        String previous = now.minusMonths(1).toString();

        // the month-end schedule keeps the month just ended for every county
        snapshots.monthEnd();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", COUNTY)
                .queryParam("period", previous)
                .get("/api/v1/reports/monthly")
                .then()
                .statusCode(200)
                .body("total.current.households", equalTo(3)));

        // this month a household is identified as monitored, and the county takes the month's figures early
        ReportEvents.household(
                "458000102201",
                5,
                "NOT_POOR",
                new HouseholdState.Monitoring(
                        "SUDDEN_HARDSHIP", List.of("ACCIDENT"), "AT_RISK", now.getYear(), LocalDate.now(), null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", COUNTY)
                .get("/api/v1/reports/breakdown")
                .then()
                .body("total.households", equalTo(4)));
        given().post("/api/v1/reports/snapshots")
                .then()
                .statusCode(202)
                .body("kind", equalTo("SNAPSHOT"))
                .body("parameters.period", equalTo(now.toString()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", COUNTY)
                .queryParam("period", now.toString())
                .get("/api/v1/reports/monthly")
                .then()
                .statusCode(200));
        given().queryParam("division", COUNTY)
                .queryParam("period", now.toString())
                .get("/api/v1/reports/monthly")
                .then()
                .statusCode(200)
                .body("previousPeriod", equalTo(previous))
                .body("total.current.households", equalTo(4))
                .body("total.previous.households", equalTo(3))
                .body("total.change.households", equalTo(1))
                .body("total.change.members", equalTo(5))
                .body("total.change.monitoredHouseholds", equalTo(1))
                .body("total.change.'byMonitoringCategory.SUDDEN_HARDSHIP'", equalTo(1))
                .body("total.change.'byMonitoringCategory.EDGE_AT_RISK'", equalTo(0))
                .body("rows", hasSize(2))
                .body("rows[0].division.code", equalTo("458000101"))
                .body("rows[0].change.households", equalTo(0))
                .body("rows[1].division.name", equalTo("二镇"))
                .body("rows[1].current.atRiskHouseholds", equalTo(1))
                .body("rows[1].change.atRiskHouseholds", equalTo(1));
        given().queryParam("division", "458000102201")
                .queryParam("from", previous)
                .queryParam("to", now.toString())
                .get("/api/v1/reports/series")
                .then()
                .statusCode(200)
                .body("division.name", equalTo("二村"))
                .body("points.period", equalTo(List.of(previous, now.toString())))
                .body("points.figures.households", equalTo(List.of(1, 2)))
                .body("points.figures.monitoredHouseholds", equalTo(List.of(0, 1)));

        given().queryParam("division", COUNTY)
                .queryParam("period", "2026-13")
                .get("/api/v1/reports/monthly")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        given().queryParam("division", COUNTY)
                .queryParam("period", "2020-01")
                .get("/api/v1/reports/monthly")
                .then()
                .statusCode(404);
        given().queryParam("division", COUNTY)
                .queryParam("from", "2026-05")
                .queryParam("to", "2026-04")
                .get("/api/v1/reports/series")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.VILLAGE_CLERK, "458000101201")
                .post("/api/v1/reports/snapshots")
                .then()
                .statusCode(403);
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
    }
}
