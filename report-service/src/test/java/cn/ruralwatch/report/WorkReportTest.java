package cn.ruralwatch.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.time.ChinaTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkReportTest {

    private static final String COUNTY = "457088";
    private static final String VILLAGE = "457088101201";

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
    void theReportOfANewYearIsTakenFromMidnightInBeijingAndDatedThatDay() {
        ReportEvents.division(COUNTY, "丁县", "COUNTY", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", COUNTY)
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200));
        // half past midnight on New Year's Day in Beijing, still the old year in UTC
        clock.set(ZonedDateTime.of(2022, 1, 1, 0, 30, 0, 0, ChinaTime.ZONE));
        given().contentType(ContentType.JSON)
                .body("""
                        {"division":"457088","year":2023}""")
                .post("/api/v1/reports/work-reports")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"division":"457088","year":2022}""")
                .post("/api/v1/reports/work-reports")
                .then()
                .statusCode(202)
                .body("parameters.year", equalTo(2022))
                .body("parameters.asOf", equalTo("2022-01-01"));
    }

    /** What a reader sees: every paragraph, and every table as rows of cells joined by " | ". */
    private record Read(List<String> paragraphs, List<List<String>> tables) {
        boolean has(String text) {
            return paragraphs.stream().anyMatch(p -> p.contains(text));
        }

        boolean hasRow(String row) {
            return tables.stream().anyMatch(t -> t.contains(row));
        }
    }

    private static Read read(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = document.getParagraphs().stream()
                    .map(XWPFParagraph::getText)
                    .toList();
            List<List<String>> tables = new ArrayList<>();
            for (XWPFTable table : document.getTables()) {
                tables.add(table.getRows().stream()
                        .map(row -> String.join(
                                " | ",
                                row.getTableCells().stream()
                                        .map(c -> c.getText())
                                        .toList()))
                        .toList());
            }
            return new Read(paragraphs, tables);
        }
    }

    private static byte[] drawn(String body) {
        String location = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/reports/work-reports")
                .then()
                .statusCode(202)
                .body("kind", equalTo("WORK_REPORT"))
                .extract()
                .header("Location");
        Jobs.done(location);
        return given().get(location + "/file")
                .then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .header("Content-Disposition", containsString(".docx"))
                .extract()
                .asByteArray();
    }

    @Test
    void theWorkReportHoldsTheFiguresTheNamedListsAndTheUsersText() throws Exception {
        ReportEvents.division(COUNTY, "丁县", "COUNTY", null);
        ReportEvents.division("457088101", "一镇", "TOWNSHIP", COUNTY);
        ReportEvents.division(VILLAGE, "朝阳村", "VILLAGE", "457088101");
        String exited = ReportEvents.household(VILLAGE, 3, "EXITED", null);
        String monitored = ReportEvents.household(
                VILLAGE,
                2,
                "NOT_POOR",
                new HouseholdState.Monitoring(
                        "EDGE_AT_RISK", List.of("ILLNESS"), "AT_RISK", 2023, LocalDate.of(2023, 6, 1), null));
        ReportEvents.household(
                VILLAGE,
                4,
                "EXITED",
                new HouseholdState.Monitoring(
                        "SUDDEN_HARDSHIP",
                        List.of("ACCIDENT"),
                        "ELIMINATED",
                        2022,
                        LocalDate.of(2022, 3, 1),
                        LocalDate.of(2023, 3, 1)));
        ReportEvents.evaluation(
                exited, VILLAGE, true, "2026-03-01T00:00:00Z", UUID.randomUUID().toString());
        ReportEvents.evaluation(
                monitored,
                VILLAGE,
                false,
                "2026-03-01T00:00:00Z",
                UUID.randomUUID().toString());
        ReportEvents.fundBatch(COUNTY, 2023, 1, "3577000.00");
        ReportEvents.benefitTotals(exited, VILLAGE, 1, "{\"INDUSTRY_REWARD\":1540.00,\"PV_REWARD\":500.00}", "2040.00");
        // seed 003's PV revenue: 16万元 a year, 11.6万元 for the wages of 15 jobs, 4.4万元 small public works; a
        // correction of January recorded earlier than the figure it would replace arrives late and changes nothing
        String station = ReportEvents.pvStation(VILLAGE, "100.00");
        ReportEvents.pvOutput(station, VILLAGE, 1, "80000.00", "2023-02-03T00:00:00Z");
        ReportEvents.pvOutput(station, VILLAGE, 1, "1.00", "2023-02-02T00:00:00Z");
        ReportEvents.pvOutput(station, VILLAGE, 2, "80000.00", "2023-03-02T00:00:00Z");
        ReportEvents.pvPlan("457088101", "160000.00", "116000.00", "44000.00", "12000.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", COUNTY)
                .queryParam("year", 2023)
                .get("/api/v1/reports/overview")
                .then()
                .body("households", equalTo(3))
                .body("evaluatedHouseholds", equalTo(2))
                .body("linkageFunds.amount", equalTo(3577000.00f))
                .body("householdBenefits.total", equalTo(2040.00f))
                .body("pvRevenue.stations", equalTo(1))
                .body("pvRevenue.capacityKw", equalTo(100.00f))
                .body("pvRevenue.generationKwh", equalTo(20000.00f))
                .body("pvRevenue.revenue", equalTo(160000.00f))
                .body("pvRevenue.plans", equalTo(1))
                .body("pvRevenue.jobHolders", equalTo(15))
                .body("pvRevenue.wages", equalTo(116000.00f))
                .body("pvRevenue.works", equalTo(44000.00f)));

        byte[] docx = drawn("""
                {"division":"457088","year":2023,"asOf":"2023-11-14",
                 "narrative":{"problems":"产业带动率需进一步提升。","nextSteps":"加强产业谋划和发展。"}}""");
        Read report = read(docx);
        setAsAnOfficialDocument(docx, "丁县人民政府");
        // the title, longer than a line, broken before the words it ends with (GB/T 9704: 词意完整、排列对称)
        assertEquals("丁县2023年巩固拓展脱贫攻坚成果\n工作情况汇报", report.paragraphs().getFirst());
        assertTrue(
                report.has("丁县共有1个乡镇、1个行政村，在册农户3户9人。其中已脱贫户2户7人（2019年脱贫2户7人）；纳入监测对象2户6人，" + "已消除风险1户4人，现有风险未消除监测户1户2人。"),
                report.paragraphs().toString());
        assertTrue(report.hasRow("边缘易致贫户 | 1 | 2 | 1 | 2"), report.tables().toString());
        assertTrue(report.hasRow("突发严重困难户 | 1 | 4 | 0 | 0"));
        assertTrue(report.hasRow("合计 | 2 | 6 | 1 | 2"));
        assertTrue(
                report.has("按识别年度：2022年识别1户4人，2023年识别1户2人。"),
                report.paragraphs().toString());
        assertTrue(report.hasRow("因病 | 1 | 2 | 1 | 2"), report.tables().toString());
        assertTrue(report.hasRow("因意外事故 | 1 | 4 | 0 | 0"));
        // the rate from what each household adds (3 of 3, 2 of 3), with the names indicator-service gives
        assertTrue(
                report.has("（一）2023年两不愁三保障及饮水安全、收入监测（全国）完成情况"),
                report.paragraphs().toString());
        assertTrue(
                report.has("1.基本医疗有保障。应评6人，已达标5人，达标率83.33%。未达标1人，涉及1户：1.一镇朝阳村户主" + monitored.substring(0, 4)
                        + "户（1人未参保）。"),
                report.paragraphs().toString());
        assertFalse(
                report.paragraphs().toString().contains("户主" + exited.substring(0, 4)),
                "a household meeting the standard is not listed");
        assertTrue(report.has("2023年到户帮扶共惠及1户，金额0.20万元。"));
        assertTrue(report.hasRow("产业奖补 | 1 | 0.15"));
        assertTrue(report.has("2023年全县下达衔接资金357.70万元，已拨付0.00万元，支出进度0.00%。"));
        assertTrue(report.hasRow("中央 | 1 | 357.70"));
        assertTrue(report.has("光伏收益奖励补助0.05万元（1户）"));
        assertTrue(
                report.has("丁县共有村级光伏电站1座，装机容量100.00千瓦，2023年发电20000.00千瓦时，收益16.00万元。"
                        + "已制定并公示光伏收益分配方案1个，分配收益16.00万元，用于15人光伏公益性岗位工资11.60万元，"
                        + "投入小型公益事业4.40万元（其中劳务费用1.20万元），奖励补助0.00万元（0户），岗位工资和劳务费用占80.00%。"),
                report.paragraphs().toString());
        assertTrue(report.hasRow("一镇 | 2023年3月15日 | 保安镇〔2023〕12号 | 16.00 | 15 | 11.60 | 4.40 | 0.00"));
        assertTrue(report.has("产业带动率需进一步提升。"));
        assertTrue(report.has("加强产业谋划和发展。"));
        assertTrue(
                report.has("（请填写帮扶措施落实情况。）"),
                "a section the user did not write shows the template's default, without what the suite counted");
        // the screening household-service counts (asked with the caller's token when the report was asked for), in
        // seed 003's words
        assertTrue(
                report.has("一是开展预警线索摸排。1—11月共收到预警线索830条，排查预警线索819条，识别监测对象2户9人，其中边缘易致贫户1户5人，"
                        + "突发严重困难户1户4人；二是开展集中排查。2023年5月（5月集中排查）对全县8892户农户进行了全面摸排，"
                        + "发现预警线索12条，识别监测对象5户10人，其中脱贫不稳定户1户3人，边缘易致贫户2户4人，突发严重困难户2户3人；"
                        + "三是落实驻村帮扶。全县派驻驻村工作队2支，在岗第一书记1名，开展队员培训1次，印发每月工作提示3期；"
                        + "四是开展动态管理。2023年新识别监测对象1户2人，其中边缘易致贫户1户2人；消除风险1户4人，其中突发严重困难户1户4人。"),
                report.paragraphs().toString());
        assertTrue(
                report.has("问题整改方面，省级后评估认领3个方面13个问题，均已完成整改；国家后评估认领9个问题，均已完成整改。"),
                report.paragraphs().toString());
        assertEquals("丁县人民政府", report.paragraphs().get(report.paragraphs().size() - 2));
        assertEquals("2023年11月14日", report.paragraphs().getLast());

        // a county's own template, saved without a new build, is checked against the county's figures first
        given().contentType(ContentType.JSON)
                .body("""
                        {"title":"{division.name}简报","body":"在册农户{basic.households}户。{#for x in}"}""")
                .put("/api/v1/reports/work-report-templates/brief")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].code", equalTo("TEMPLATE"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"title":"{division.name}简报","body":"在册农户{basic.households}户，{basic.nothing}。"}""")
                .put("/api/v1/reports/work-report-templates/brief")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"title":"{division.name}{year}年简报",
                         "body":"# 概况\\n\\n在册农户{basic.households}户，监测户{monitoring.total.households}户。{narrative.problems}\\n"}""")
                .put("/api/v1/reports/work-report-templates/brief")
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        given().get("/api/v1/reports/work-report-templates")
                .then()
                .statusCode(200)
                .body("name", hasItem("brief"))
                .body("name", hasItem("default"));
        Read brief = read(drawn("""
                {"division":"457088101","year":2023,"template":"brief","narrative":{"problems":"无。"}}"""));
        assertEquals("一镇2023年简报", brief.paragraphs().getFirst());
        assertTrue(brief.has("在册农户3户，监测户2户。无。"), brief.paragraphs().toString());

        given().contentType(ContentType.JSON)
                .body("""
                        {"division":"457088","year":2012,"template":"missing","narrative":{"bad key":"x"}}""")
                .post("/api/v1/reports/work-reports")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("year"))
                .body("errors.field", hasItem("template"))
                .body("errors.field", hasItem("narrative.bad key"));
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.TOWNSHIP_OFFICER, "457088101")
                .contentType(ContentType.JSON)
                .body("""
                        {"title":"x","body":"y"}""")
                .put("/api/v1/reports/work-report-templates/brief")
                .then()
                .statusCode(403);
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
    }

    /**
     * GB/T 9704-2012 as Word stores it: A4 (11906 × 16838 twips), margins 37/35/28/26 mm, 22 lines of 28.95 points,
     * the title in 方正小标宋简体 二号, the text in 仿宋_GB2312 三号 declared for East Asian text, "— PAGE —" in 四号 宋体
     * at the foot of odd (right) and even (left) pages, and the issuing office and date right-aligned at the end.
     */
    private static void setAsAnOfficialDocument(byte[] docx, String issuer) throws Exception {
        java.util.Map<String, String> parts = new java.util.HashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        String body = parts.get("word/document.xml");
        assertTrue(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
        String margins = body.substring(body.indexOf("<w:pgMar"), body.indexOf("/>", body.indexOf("<w:pgMar")));
        for (String margin : List.of("w:top=\"2098\"", "w:bottom=\"1984\"", "w:left=\"1587\"", "w:right=\"1474\"")) {
            assertTrue(margins.contains(margin), "margins 37/35/28/26 mm: " + margins);
        }
        assertTrue(body.contains("w:linePitch=\"579\""), "22 lines a page");
        assertTrue(body.contains("w:line=\"579\" w:lineRule=\"exact\""), "fixed 28.95-point lines");
        assertTrue(body.contains("w:eastAsia=\"方正小标宋简体\""), "the title's font");
        assertTrue(body.contains("<w:sz w:val=\"44\"/>"), "the title in 二号");
        assertTrue(body.contains("w:eastAsia=\"仿宋_GB2312\""), "the text's font");
        assertTrue(body.contains("<w:sz w:val=\"32\"/>"), "the text in 三号");
        assertTrue(body.contains("w:eastAsia=\"黑体\""), "first-level headings");
        assertTrue(body.contains("w:firstLine=\"640\""), "two characters' indent");
        assertTrue(body.contains("<w:footerReference w:type=\"default\""), "odd pages' footer");
        assertTrue(body.contains("<w:footerReference w:type=\"even\""), "even pages' footer");
        assertTrue(parts.get("word/settings.xml").contains("<w:evenAndOddHeaders"), "odd and even pages differ");
        List<String> footers = parts.entrySet().stream()
                .filter(e -> e.getKey().startsWith("word/footer"))
                .map(java.util.Map.Entry::getValue)
                .toList();
        assertEquals(2, footers.size());
        for (String footer : footers) {
            assertTrue(footer.contains("PAGE"), footer);
            assertTrue(footer.contains("— </w:t>") && footer.contains("> —</w:t>"), footer);
            assertTrue(footer.contains("w:eastAsia=\"宋体\"") && footer.contains("<w:sz w:val=\"28\"/>"), footer);
        }
        assertTrue(footers.stream().anyMatch(f -> f.contains("<w:jc w:val=\"right\"/>")), "odd pages: right");
        assertTrue(footers.stream().anyMatch(f -> f.contains("<w:jc w:val=\"left\"/>")), "even pages: left");
        // tables: fixed columns fitted to their text over the type area, 小四 off the text's grid, rows whole
        assertTrue(body.contains("<w:tblLayout w:type=\"fixed\"/>"), "fixed column widths");
        assertTrue(body.contains("<w:gridCol w:w="), "columns given widths from their text");
        assertTrue(body.contains("<w:snapToGrid w:val=\"false\"/>"), "table lines not snapped to the 22-line grid");
        assertTrue(body.contains("<w:cantSplit w:val=\"on\"/>"), "rows stay whole");
        assertTrue(body.contains("<w:sz w:val=\"24\"/>"), "tables in 小四");
        int signature = body.lastIndexOf(issuer);
        String signed = body.substring(body.lastIndexOf("<w:p>", signature), signature);
        assertTrue(signed.contains("<w:jc w:val=\"right\"/>"), "the issuer right-aligned: " + signed);
    }
}
