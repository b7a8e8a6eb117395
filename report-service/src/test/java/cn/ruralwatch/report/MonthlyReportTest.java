package cn.ruralwatch.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.report.format.Figures;
import cn.ruralwatch.report.period.MonthlySnapshots;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.time.ChinaTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MonthlyReportTest {

    private static final String COUNTY = "458088";

    @Inject
    MonthlySnapshots snapshots;

    @Inject
    TestClock clock;

    @BeforeEach
    void authenticate() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aMonthIsComparedWithThePreviousOneAndMonthsFormASeries() throws Exception {
        ReportEvents.division(COUNTY, "戊县", "COUNTY", null);
        ReportEvents.division("458088101", "一镇", "TOWNSHIP", COUNTY);
        ReportEvents.division("458088102", "二镇", "TOWNSHIP", COUNTY);
        ReportEvents.division("458088101201", "一村", "VILLAGE", "458088101");
        ReportEvents.division("458088102201", "二村", "VILLAGE", "458088102");
        ReportEvents.household(
                "458088101201",
                3,
                "EXITED",
                new HouseholdState.Monitoring(
                        "EDGE_AT_RISK", List.of("ILLNESS"), "AT_RISK", 2021, LocalDate.of(2021, 6, 1), null));
        ReportEvents.household("458088101201", 2);
        ReportEvents.household("458088102201", 4);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", COUNTY)
                .get("/api/v1/reports/breakdown")
                .then()
                .body("total.households", equalTo(3)));
        // half past midnight on New Year's Day in Beijing, still the old year in UTC: the months are China's
        clock.set(ZonedDateTime.of(2022, 1, 1, 0, 30, 0, 0, ChinaTime.ZONE));
        YearMonth now = YearMonth.of(2022, 1);
        String previous = "2021-12";

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
                "458088102201",
                5,
                "NOT_POOR",
                new HouseholdState.Monitoring(
                        "SUDDEN_HARDSHIP",
                        List.of("ACCIDENT"),
                        "AT_RISK",
                        now.getYear(),
                        ChinaTime.today(clock),
                        null));
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
                .body("rows[0].division.code", equalTo("458088101"))
                .body("rows[0].change.households", equalTo(0))
                .body("rows[1].division.name", equalTo("二镇"))
                .body("rows[1].current.atRiskHouseholds", equalTo(1))
                .body("rows[1].change.atRiskHouseholds", equalTo(1));
        given().queryParam("division", "458088102201")
                .queryParam("from", previous)
                .queryParam("to", now.toString())
                .get("/api/v1/reports/series")
                .then()
                .statusCode(200)
                .body("division.name", equalTo("二村"))
                .body("points.period", equalTo(List.of(previous, now.toString())))
                .body("points.figures.households", equalTo(List.of(1, 2)))
                .body("points.figures.monitoredHouseholds", equalTo(List.of(0, 1)));

        // both as workbooks: every figure of the month beside the previous one and the change, the months in rows
        byte[] monthly = given().queryParam("division", COUNTY)
                .queryParam("period", now.toString())
                .get("/api/v1/reports/monthly/export")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("monthly-458088-" + now + ".xlsx"))
                .extract()
                .asByteArray();
        // kept for looking at the printed pages (LibreOffice: see docs/reports.md)
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "monthly-sample.xlsx"), monthly);
        // 17 figures, each this month, the month before and the change: two landscape pages wide, not one unreadable
        // one
        PrintedSheets.assertLaidOutForPrint(
                monthly, "戊县" + Figures.chineseMonth(now.toString()) + "监测数据月报表", "landscape", 2);
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(monthly))) {
            List<Row> all = read.getFirstSheet().read();
            assertEquals(
                    "戊县" + Figures.chineseMonth(now.toString()) + "监测数据月报表",
                    all.getFirst().getCellText(0));
            List<Row> rows = all.subList(1, all.size());
            assertEquals(5, rows.size());
            assertEquals("在册农户（户）", rows.get(0).getCellText(2));
            assertEquals(Figures.chineseMonth(now.toString()), rows.get(1).getCellText(2));
            assertEquals(Figures.chineseMonth(previous.toString()), rows.get(1).getCellText(3));
            assertEquals("增减", rows.get(1).getCellText(4));
            assertEquals("监测对象（户）", rows.get(0).getCellText(20));
            assertEquals("二镇", rows.get(3).getCellText(1));
            assertEquals("1", rows.get(3).getCellText(20));
            assertEquals("0", rows.get(3).getCellText(21));
            assertEquals("1", rows.get(3).getCellText(22));
            assertEquals("合计（戊县）", rows.get(4).getCellText(1));
            assertEquals(
                    List.of("4", "3", "1"),
                    List.of(
                            rows.get(4).getCellText(2),
                            rows.get(4).getCellText(3),
                            rows.get(4).getCellText(4)));
            assertEquals("5", rows.get(4).getCellText(7));
        }
        byte[] months = given().queryParam("division", "458088102201")
                .queryParam("from", previous)
                .queryParam("to", now.toString())
                .get("/api/v1/reports/series/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "series-sample.xlsx"), months);
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(months))) {
            List<Row> all = read.getFirstSheet().read();
            List<Row> rows = all.subList(1, all.size());
            assertEquals(3, rows.size());
            assertEquals("月份", rows.get(0).getCellText(0));
            assertEquals(Figures.chineseMonth(previous.toString()), rows.get(1).getCellText(0));
            assertEquals("1", rows.get(1).getCellText(1));
            assertEquals(Figures.chineseMonth(now.toString()), rows.get(2).getCellText(0));
            assertEquals("2", rows.get(2).getCellText(1));
            assertEquals("1", rows.get(2).getCellText(7));
        }
        given().queryParam("division", COUNTY)
                .queryParam("period", "2020-01")
                .get("/api/v1/reports/monthly/export")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

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
        Tokens.as(Roles.VILLAGE_CLERK, "458088101201")
                .post("/api/v1/reports/snapshots")
                .then()
                .statusCode(403);
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
    }
}
