package cn.ruralwatch.report;

import static cn.ruralwatch.report.ReportEvents.division;
import static cn.ruralwatch.report.ReportEvents.evaluation;
import static cn.ruralwatch.report.ReportEvents.household;
import static cn.ruralwatch.report.ReportEvents.standardStatus;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A retired standard (standard.status-set.v1 RETIRED) leaves the current figures: its results neither make a household
 * evaluated nor keep it from meeting the standards, and its indicators have no rates; a new version brings it back. An
 * announcement older than the one held changes nothing.
 */
@QuarkusTest
class RetiredStandardsTest {

    private static final String COUNTY = "450484";
    private static final String VILLAGE = "450484101201";
    private static final String STANDARD = "TEST_COUNTY_RETIRED";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void authenticate() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aRetiredStandardLeavesTheFiguresAndANewVersionBringsItBack() throws Exception {
        division(COUNTY, "停用县", "COUNTY", null);
        division("450484101", "一镇", "TOWNSHIP", COUNTY);
        division(VILLAGE, "一村", "VILLAGE", "450484101");
        standardStatus(STANDARD, COUNTY, 1, "ACTIVE", "2026-01-01T00:00:00Z");
        String failing = household(VILLAGE, 3);
        String meeting = household(VILLAGE, 2);
        String onlyCounty = household(VILLAGE, 4);
        evaluation(
                failing,
                VILLAGE,
                true,
                "2026-02-01T00:00:00Z",
                UUID.randomUUID().toString());
        evaluation(
                failing,
                VILLAGE,
                STANDARD,
                false,
                "2026-02-01T00:00:00Z",
                UUID.randomUUID().toString());
        evaluation(
                meeting,
                VILLAGE,
                true,
                "2026-02-01T00:00:00Z",
                UUID.randomUUID().toString());
        evaluation(
                onlyCounty,
                VILLAGE,
                STANDARD,
                true,
                "2026-02-01T00:00:00Z",
                UUID.randomUUID().toString());
        awaitFigures(3, 2, List.of("NATIONAL_HOUSEHOLD_2021", STANDARD));
        given().queryParam("division", COUNTY)
                .queryParam("meetingStandard", false)
                .get("/api/v1/reports/households")
                .then()
                .body("items.householdId", equalTo(List.of(failing)));

        standardStatus(STANDARD, COUNTY, 1, "RETIRED", "2026-03-01T00:00:00Z");
        // the household judged by the retired standard only is no longer evaluated; the one failing it now meets
        awaitFigures(2, 2, List.of("NATIONAL_HOUSEHOLD_2021"));
        given().queryParam("division", COUNTY)
                .queryParam("meetingStandard", false)
                .get("/api/v1/reports/households")
                .then()
                .body("totalItems", equalTo(0));
        given().queryParam("division", COUNTY)
                .queryParam("evaluated", false)
                .get("/api/v1/reports/households")
                .then()
                .body("items.householdId", equalTo(List.of(onlyCounty)));

        // an announcement older than the retirement (a re-announcement overtaken by it) changes nothing, and a result
        // of the retired standard still arriving is kept out of use
        standardStatus(STANDARD, COUNTY, 1, "ACTIVE", "2026-01-01T00:00:00Z");
        evaluation(
                meeting,
                VILLAGE,
                STANDARD,
                false,
                "2026-03-02T00:00:00Z",
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        1,
                        Rows.count(
                                dataSource,
                                "select count(*) from report_evaluation where standard_code = '" + STANDARD
                                        + "' and household_id = '" + meeting + "' and not in_use")));
        assertEquals(
                "RETIRED", Rows.text(dataSource, "select status from report_standard where code = '" + STANDARD + "'"));
        awaitFigures(2, 2, List.of("NATIONAL_HOUSEHOLD_2021"));

        // a new version puts the standard back into use, with every result it holds
        standardStatus(STANDARD, COUNTY, 2, "ACTIVE", "2026-04-01T00:00:00Z");
        awaitFigures(3, 1, List.of("NATIONAL_HOUSEHOLD_2021", STANDARD));
        assertEquals(
                0,
                Rows.count(
                        dataSource,
                        "select count(*) from report_indicator_result where standard_code = '" + STANDARD
                                + "' and not in_use"));
    }

    private void awaitFigures(int evaluated, int meeting, List<String> standards) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", COUNTY)
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("households", equalTo(3))
                .body("evaluatedHouseholds", equalTo(evaluated))
                .body("householdsMeetingStandard", equalTo(meeting))
                .body("evaluations.standardCode", equalTo(standards))
                .body("indicators.standardCode", equalTo(standards)));
    }
}
