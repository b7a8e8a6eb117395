package cn.ruralwatch.report;

import static cn.ruralwatch.report.ReportEvents.benefitTotals;
import static cn.ruralwatch.report.ReportEvents.disbursement;
import static cn.ruralwatch.report.ReportEvents.division;
import static cn.ruralwatch.report.ReportEvents.evaluation;
import static cn.ruralwatch.report.ReportEvents.fundBatch;
import static cn.ruralwatch.report.ReportEvents.household;
import static cn.ruralwatch.report.ReportEvents.projectChanged;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OverviewTest {

    @BeforeEach
    void authenticate() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "451088");
    }

    @Test
    void countsHouseholdsMembersEvaluationsAndFundsOverTheSubtree() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        division("451088", "甲县", "COUNTY", null);
        division("451088101", "一镇", "TOWNSHIP", "451088");
        division("451088102", "二镇", "TOWNSHIP", "451088");
        division("451088101201", "一村", "VILLAGE", "451088101");
        division("451088102201", "二村", "VILLAGE", "451088102");
        String h1 = household("451088101201", 3);
        String h2 = household("451088101201", 2, "EXITED", null);
        String h3 = household(
                "451088102201",
                4,
                "EXITED",
                new HouseholdState.Monitoring(
                        "UNSTABLE_EXITED", List.of("ILLNESS"), "AT_RISK", 2024, LocalDate.of(2024, 3, 1), null));
        evaluation(
                h1,
                "451088101201",
                true,
                "2026-02-01T00:00:00Z",
                UUID.randomUUID().toString());
        String late = UUID.randomUUID().toString();
        evaluation(h2, "451088101201", false, "2026-02-01T00:00:00Z", late);
        // redelivery of the same event changes nothing
        evaluation(h2, "451088101201", false, "2026-02-01T00:00:00Z", late);
        // an older result arriving late does not overwrite the newer one
        evaluation(
                h3,
                "451088102201",
                true,
                "2026-02-02T00:00:00Z",
                UUID.randomUUID().toString());
        evaluation(
                h3,
                "451088102201",
                false,
                "2026-01-01T00:00:00Z",
                UUID.randomUUID().toString());
        String batch = fundBatch("451088", 2023, 1, "1000000.00");
        fundBatch("451088", 2023, 2, "250000.50");
        // a project with 400,000 from the first batch, its newest state sent before an older one; two payments
        String project = UUID.randomUUID().toString();
        projectChanged(project, 3, "IMPLEMENTING", batch, "400000.00");
        projectChanged(project, 1, "APPROVED", batch, "300000.00");
        disbursement(project, batch, "100000.00");
        disbursement(project, batch, "50000.00");
        fundBatch("451088", 2022, 1, "99.00");
        // two households' benefit totals of 2023, the first one's newer totals sent before its older ones
        String benefited = UUID.randomUUID().toString();
        benefitTotals(
                benefited,
                "451088101201",
                2,
                "{\"INDUSTRY_REWARD\":1540.00,\"THREE_INDUSTRY_REWARD\":1000.00}",
                "2540.00");
        benefitTotals(benefited, "451088101201", 1, "{\"INDUSTRY_REWARD\":1540.00}", "1540.00");
        benefitTotals(UUID.randomUUID().toString(), "451088102201", 1, "{\"YULU_SUBSIDY\":1500.00}", "1500.00");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", "451088")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("linkageFunds.disbursed", equalTo(150000.00f))
                .body("households", equalTo(3))
                .body("members", equalTo(9))
                .body("evaluatedHouseholds", equalTo(3))
                .body("householdsMeetingStandard", equalTo(2))
                .body("indicators[0].standardCode", equalTo("NATIONAL_HOUSEHOLD_2021"))
                .body("indicators[0].met", equalTo(2))
                .body("indicators[0].notMet", equalTo(1))
                // the results say when they were computed, beside the live counts
                .body("evaluations[0].standardCode", equalTo("NATIONAL_HOUSEHOLD_2021"))
                .body("evaluations[0].households", equalTo(3))
                .body("evaluations[0].evaluatedFrom", org.hamcrest.Matchers.notNullValue())
                .body("evaluations[0].evaluatedTo", org.hamcrest.Matchers.notNullValue())
                .body("linkageFunds.batches", equalTo(3)));
        given().queryParam("division", "451088")
                .queryParam("year", 2023)
                .get("/api/v1/reports/overview")
                .then()
                .body("linkageFunds.amount", equalTo(1250000.50f))
                .body("linkageFunds.allocated", equalTo(400000.00f))
                .body("linkageFunds.disbursed", equalTo(150000.00f))
                .body("linkageFunds.spendingProgressPercent", equalTo(12.00f))
                .body("linkageFunds.projects", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", "451088")
                .queryParam("year", 2023)
                .get("/api/v1/reports/overview")
                .then()
                .body("householdBenefits.households", equalTo(2))
                .body("householdBenefits.total", equalTo(4040.00f)));
        given().queryParam("division", "451088101")
                .queryParam("year", 2023)
                .get("/api/v1/reports/overview")
                .then()
                .body("householdBenefits.households", equalTo(1))
                .body("householdBenefits.total", equalTo(2540.00f));
        // one level down: the county's two townships, and the county's total
        given().queryParam("division", "451088")
                .get("/api/v1/reports/breakdown")
                .then()
                .statusCode(200)
                .body("total.households", equalTo(3))
                .body("total.members", equalTo(9))
                .body("total.byPovertyStatus.EXITED", equalTo(2))
                .body("total.byPovertyStatus.NOT_POOR", equalTo(1))
                .body("total.monitoredHouseholds", equalTo(1))
                .body("total.byMonitoringCategory.UNSTABLE_EXITED", equalTo(1))
                .body("total.atRiskHouseholds", equalTo(1))
                .body("total.evaluatedHouseholds", equalTo(3))
                .body("total.householdsMeetingStandard", equalTo(2))
                .body("rows.division.code", equalTo(List.of("451088101", "451088102")))
                .body("rows[0].households", equalTo(2))
                .body("rows[0].members", equalTo(5))
                .body("rows[0].monitoredHouseholds", equalTo(0))
                .body("rows[0].householdsMeetingStandard", equalTo(1))
                .body("rows[1].households", equalTo(1))
                .body("rows[1].atRiskHouseholds", equalTo(1))
                .body("rows[1].householdsMeetingStandard", equalTo(1));
        // every figure links to the households behind it: each link lists exactly as many households (members: as
        // many members), evaluated ones and those meeting the standard included
        JsonPath breakdown = given().queryParam("division", "451088")
                .get("/api/v1/reports/breakdown")
                .then()
                .extract()
                .jsonPath();
        int followed = 0;
        for (String row : List.of("total", "rows[0]", "rows[1]")) {
            Map<String, String> lists = breakdown.getMap(row + ".lists", String.class, String.class);
            assertEquals(13, lists.size(), row);
            for (Map.Entry<String, String> list : lists.entrySet()) {
                JsonPath listed = given().get(list.getValue() + "&size=100")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                Object figure = breakdown.get(row + "." + list.getKey());
                long expected = figure == null ? 0 : ((Number) figure).longValue();
                long actual = list.getKey().equals("members")
                        ? listed.getList("items.members", Integer.class).stream()
                                .mapToLong(Integer::longValue)
                                .sum()
                        : listed.getLong("totalItems");
                assertEquals(expected, actual, row + " " + list.getKey() + " → " + list.getValue());
                followed++;
            }
        }
        assertEquals(39, followed);
        given().queryParam("division", "451088")
                .get("/api/v1/reports/overview")
                .then()
                .body(
                        "lists.householdsMeetingStandard",
                        equalTo("/api/v1/reports/households?division=451088&meetingStandard=true"))
                .body(
                        "indicators[0].notMetList",
                        equalTo("/api/v1/indicator-rates/failing-households?standard=NATIONAL_HOUSEHOLD_2021"
                                + "&indicator=BASIC_MEDICAL_INSURANCE&division=451088"));
        given().queryParam("division", "451088")
                .queryParam("meetingStandard", false)
                .get("/api/v1/reports/households")
                .then()
                .body("items.householdId", equalTo(List.of(h2)));

        // the households behind the figures
        given().queryParam("division", "451088")
                .queryParam("monitored", true)
                .queryParam("riskState", "AT_RISK")
                .get("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].householdId", equalTo(h3))
                .body("items[0].headName", equalTo("户主" + h3.substring(0, 4)))
                .body("items[0].villageCode", equalTo("451088102201"))
                .body("items[0].villageName", equalTo("二村"))
                .body("items[0].townshipName", equalTo("二镇"))
                .body("items[0].monitoringCategory", equalTo("UNSTABLE_EXITED"))
                .body("items[0].riskTypes", equalTo(List.of("ILLNESS")))
                .body("items[0].members", equalTo(4));
        given().queryParam("division", "451088")
                .queryParam("povertyStatus", "EXITED")
                .get("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.householdId", containsInAnyOrder(h2, h3));
        // in pages ordered by village: the second page of one holds the household of the second village
        given().queryParam("division", "451088")
                .queryParam("povertyStatus", "EXITED")
                .queryParam("page", 1)
                .queryParam("size", 1)
                .get("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(1))
                .body("totalItems", equalTo(2))
                .body("items.householdId", equalTo(List.of(h3)));
        given().queryParam("division", "451088")
                .queryParam("povertyStatus", "EXITED")
                .queryParam("page", 2)
                .queryParam("size", 1)
                .get("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items", equalTo(List.of()));
        given().queryParam("division", "451088")
                .queryParam("monitored", false)
                .get("/api/v1/reports/households")
                .then()
                .body("totalItems", equalTo(2))
                .body("items.householdId", containsInAnyOrder(h1, h2))
                .body("items.riskTypes", equalTo(List.of(List.of(), List.of())))
                .body("items.exitYear", containsInAnyOrder(nullValue(), equalTo(2019)));
        given().queryParam("division", "451088101")
                .queryParam("monitoringCategory", "UNSTABLE_EXITED")
                .get("/api/v1/reports/households")
                .then()
                .body("totalItems", equalTo(0));
        // the same list as a workbook, read back
        byte[] workbook = given().queryParam("division", "451088")
                .queryParam("povertyStatus", "EXITED")
                .get("/api/v1/reports/households/export")
                .then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString("households-451088.xlsx"))
                .extract()
                .asByteArray();
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            List<Row> all = read.getFirstSheet().read();
            assertEquals("甲县农户名单（已脱贫）", all.getFirst().getCellText(0));
            List<Row> rows = all.subList(1, all.size());
            assertEquals(3, rows.size());
            // a county's list: the head's name, the township and the village first, the household number last
            assertEquals(
                    List.of("户主姓名", "乡镇", "行政村", "贫困状态", "脱贫年度", "监测类别", "风险状态", "纳入监测年度", "风险类型", "在户人口", "农户编号"),
                    cells(rows.get(0)));
            Map<String, Row> byId = new HashMap<>();
            rows.subList(1, 3).forEach(r -> byId.put(r.getCellText(10), r));
            assertEquals("户主" + h2.substring(0, 4), byId.get(h2).getCellText(0));
            assertEquals("一镇", byId.get(h2).getCellText(1));
            assertEquals("一村", byId.get(h2).getCellText(2));
            assertEquals("已脱贫", byId.get(h2).getCellText(3));
            assertEquals("2019", byId.get(h2).getCellText(4));
            assertEquals("2", byId.get(h2).getCellText(9));
            assertEquals("二镇", byId.get(h3).getCellText(1));
            assertEquals("二村", byId.get(h3).getCellText(2));
            assertEquals("脱贫不稳定户", byId.get(h3).getCellText(5));
            assertEquals("风险未消除", byId.get(h3).getCellText(6));
            assertEquals("因病", byId.get(h3).getCellText(8));
            assertEquals("4", byId.get(h3).getCellText(9));
        }
        // the breakdown table as a workbook: one row per township, then the total
        byte[] table = given().queryParam("division", "451088")
                .get("/api/v1/reports/breakdown/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "breakdown-sample.xlsx"), table);
        PrintedSheets.assertLaidOutForPrint(table, "甲县分级统计表", "landscape");
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(table))) {
            List<Row> all = read.getFirstSheet().read();
            List<Row> rows = all.subList(1, all.size());
            assertEquals(4, rows.size());
            // figures are numbers, not texts that look like them
            assertEquals(
                    org.dhatim.fastexcel.reader.CellType.NUMBER,
                    rows.get(3).getCell(2).getType());
            assertEquals("在册农户（户）", rows.get(0).getCellText(2));
            assertEquals("已脱贫（户）", rows.get(0).getCellText(7));
            assertEquals("脱贫不稳定户（户）", rows.get(0).getCellText(9));
            assertEquals("一镇", rows.get(1).getCellText(1));
            assertEquals("2", rows.get(1).getCellText(2));
            assertEquals("5", rows.get(1).getCellText(3));
            assertEquals("二镇", rows.get(2).getCellText(1));
            assertEquals("1", rows.get(2).getCellText(9));
            assertEquals("合计（甲县）", rows.get(3).getCellText(1));
            assertEquals("3", rows.get(3).getCellText(2));
            assertEquals("9", rows.get(3).getCellText(3));
            assertEquals("2", rows.get(3).getCellText(7));
            assertEquals("2", rows.get(3).getCellText(14));
        }
        // a large list made in the background: the same households, read back from the finished job's file
        String job = given().queryParam("division", "451088")
                .queryParam("povertyStatus", "EXITED")
                .post("/api/v1/reports/households/export-jobs")
                .then()
                .statusCode(202)
                .body("kind", equalTo("EXPORT"))
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/reports/jobs/" + job)
                .then()
                .body("state", equalTo("DONE"))
                .body("progress.households", equalTo(2)));
        byte[] exported = given().get("/api/v1/reports/jobs/" + job + "/file")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("households-451088.xlsx"))
                .extract()
                .asByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "households-sample.xlsx"), exported);
        PrintedSheets.assertLaidOutForPrint(exported, "甲县农户名单（已脱贫）", "landscape");
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(exported))) {
            List<Row> all = read.getFirstSheet().read();
            List<Row> rows = all.subList(1, all.size());
            assertEquals(3, rows.size());
            assertEquals(
                    java.util.Set.of(h2, h3),
                    java.util.Set.of(rows.get(1).getCellText(10), rows.get(2).getCellText(10)));
            assertEquals(
                    java.util.Set.of("户主" + h2.substring(0, 4), "户主" + h3.substring(0, 4)),
                    java.util.Set.of(rows.get(1).getCellText(0), rows.get(2).getCellText(0)));
        }
        given().queryParam("division", "451088")
                .queryParam("riskState", "GONE")
                .post("/api/v1/reports/households/export-jobs")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("riskState"));
        given().queryParam("division", "459999")
                .get("/api/v1/reports/households/export")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("division", "451088")
                .queryParam("povertyStatus", "RICH")
                .get("/api/v1/reports/households")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("povertyStatus"))
                .body("errors[0].code", equalTo("NOT_ALLOWED"));
        given().queryParam("division", "451088102201")
                .get("/api/v1/reports/breakdown")
                .then()
                .statusCode(200)
                .body("total.households", equalTo(1))
                .body("rows", hasSize(0));
        given().queryParam("division", "45108")
                .get("/api/v1/reports/breakdown")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("division"));
        given().queryParam("division", "451088101")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("division.name", equalTo("一镇"))
                .body("households", equalTo(2))
                .body("members", equalTo(5))
                .body("householdsMeetingStandard", equalTo(1))
                .body("linkageFunds", nullValue());
        given().queryParam("division", "451088102201")
                .get("/api/v1/reports/overview")
                .then()
                .body("households", equalTo(1))
                .body("householdsMeetingStandard", equalTo(1));
    }

    @Test
    void unknownOrMalformedDivisionIsAProblem() {
        given().queryParam("division", "459999")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("division", "451")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("division"));
        // a province is a division like any other: one the suite does not know is not found
        given().queryParam("division", "46")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(404);
        given().get("/api/v1/reports/overview").then().statusCode(400);
    }

    private static List<String> cells(Row row) {
        return row.stream().map(cell -> cell == null ? null : cell.getText()).toList();
    }
}
