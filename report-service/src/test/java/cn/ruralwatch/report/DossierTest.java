package cn.ruralwatch.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 一户一册: the dossier drawn from household-service's and project-fund-service's records (as {@link SourceCountsStub}
 * answers for them, with the caller's token), laid out as an official document, its download audited, and the
 * sources' refusals passed on as problems.
 */
@QuarkusTest
class DossierTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    TestClock clock;

    @BeforeEach
    void authenticate() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, DossierRecords.COUNTY);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        RestAssured.requestSpecification = null;
    }

    @Test
    void theDossierHoldsTheHouseholdsFactsMembersHistoryMeasuresBenefitsAndVisitsAsAnOfficialDocument()
            throws Exception {
        ReportEvents.division(DossierRecords.COUNTY, "丁县", "COUNTY", null);
        ReportEvents.division(DossierRecords.TOWNSHIP, "一镇", "TOWNSHIP", DossierRecords.COUNTY);
        ReportEvents.division(DossierRecords.VILLAGE, "大梳村", "VILLAGE", DossierRecords.TOWNSHIP);
        // 1 o'clock on 26 November in Beijing is still the 25th in UTC: the dossier is dated the 26th
        clock.set(ZonedDateTime.of(LocalDateTime.of(2026, 11, 26, 1, 0), cn.ruralwatch.time.ChinaTime.ZONE));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("division", DossierRecords.VILLAGE)
                        .get("/api/v1/reports/overview")
                        .then()
                        .statusCode(200)
                        .body("division.name", equalTo("大梳村")));

        ExtractableResponse<Response> answer = given().get("/api/v1/dossiers/{id}", DossierRecords.HOUSEHOLD)
                .then()
                .statusCode(200)
                .contentType(DOCX)
                .header(
                        "Content-Disposition",
                        startsWith("attachment; filename=\"")) // the name in full, URL-encoded UTF-8
                .header(
                        "Content-Disposition",
                        containsString("filename*=UTF-8''"
                                + java.net.URLEncoder.encode("丁县一镇大梳村程海源户一户一册.docx", StandardCharsets.UTF_8)))
                .extract();
        byte[] docx = answer.asByteArray();
        Files.createDirectories(java.nio.file.Path.of("target"));
        Files.write(java.nio.file.Path.of("target", "dossier-sample.docx"), docx);

        Map<String, String> parts = parts(docx);
        String body = parts.get("word/document.xml");
        // GB/T 9704 as the work report: A4, 37/35/28/26 mm, 22 lines, 仿宋_GB2312 三号, "— PAGE —" at the foot
        assertTrue(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
        for (String margin : List.of("w:top=\"2098\"", "w:bottom=\"1984\"", "w:left=\"1587\"", "w:right=\"1474\"")) {
            assertTrue(body.contains(margin), "margins 37/35/28/26 mm");
        }
        assertTrue(body.contains("w:linePitch=\"579\""), "22 lines a page");
        assertTrue(body.contains("w:eastAsia=\"仿宋_GB2312\"") && body.contains("<w:sz w:val=\"32\"/>"), "三号 仿宋");
        assertTrue(body.contains("w:eastAsia=\"方正小标宋简体\""), "the title's font");
        assertTrue(parts.entrySet().stream()
                .filter(e -> e.getKey().startsWith("word/footer"))
                .allMatch(e -> e.getValue().contains("PAGE") && e.getValue().contains("— </w:t>")));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = document.getParagraphs().stream()
                    .map(p -> p.getText())
                    .filter(t -> !t.isBlank())
                    .toList();
            assertEquals("丁县一镇大梳村程海源户一户一册", paragraphs.getFirst());
            List<String> headings = List.of("一、家庭基本情况", "二、家庭成员", "三、监测帮扶历程", "四、帮扶措施", "五、享受政策和收益", "六、帮扶责任人和走访记录");
            int previous = -1;
            for (String heading : headings) {
                int at = paragraphs.indexOf(heading);
                assertTrue(at > previous, heading + " after the one before: " + paragraphs);
                previous = at;
            }
            String text = String.join("\n", paragraphs);
            assertTrue(text.contains("1.2021年6月12日纳入监测（脱贫不稳定户，因灾），2022年11月30日风险消除。"), text);
            assertTrue(text.contains("2.2024年3月20日纳入监测（边缘易致贫户，因病、因学），现风险未消除。"), text);
            assertTrue(text.contains("（一）识别纳入监测对象（边缘易致贫户，因病、因学）"), text);
            assertTrue(text.contains("共4笔，合计7410.84元，其中光伏收益奖励补助1200.00元。"), text);
            assertTrue(text.contains("小额信贷：程海源贷款50000.00元，县农村商业银行，2024年3月1日放款，到期日2027年3月1日，在贷。"), text);
            assertTrue(text.contains("共走访2次，最近一次2024年10月15日。"), text);
            assertTrue(text.contains("生成日期：2026年11月26日"), "the day in China: " + text);
            assertFalse(text.matches("(?s).*[A-Z]{2,}_[A-Z]{2,}.*"), "no code in the text");

            Map<String, List<List<String>>> tables = new HashMap<>();
            for (XWPFTable table : document.getTables()) {
                List<List<String>> rows = table.getRows().stream()
                        .map(r ->
                                r.getTableCells().stream().map(c -> c.getText()).toList())
                        .toList();
                tables.put(String.join("|", rows.getFirst()), rows);
            }
            List<List<String>> facts = tables.get("项目|情况|项目|情况");
            assertTrue(facts.contains(List.of("户主", "程海源", "家庭人口", "在户2人（登记成员3人）")), facts.toString());
            assertTrue(facts.contains(List.of("户类型", "已脱贫（2019年脱贫）", "监测对象", "边缘易致贫户，2024年识别，风险未消除")));
            assertTrue(facts.contains(List.of("住房安全", "B级，人均32.50平方米", "危房改造", "已完成改造（维修加固，2020年，已完成）")));

            List<List<String>> members = tables.get("姓名|与户主关系|性别|出生日期|身份证号|在户情况");
            assertEquals(List.of("程海源", "户主", "男", "1980年3月15日", DossierRecords.HEAD_ID_NUMBER, "在户"), members.get(1));
            assertEquals(
                    List.of("韦秀英", "之母", "女", "1952年1月2日", "459388195201020028", "2023年5月6日死亡，已减员"), members.get(3));
            List<List<String>> situation = tables.get("姓名|劳动能力|健康状况|学段和在校情况|参保情况|务工就业");
            assertEquals(
                    List.of("程海源", "普通劳动力", "健康", "初中", "医保已参保，养老已参保", "外出务工（省外）8个月，月收入4500.00元"), situation.get(1));
            assertEquals("残疾（2级）", situation.get(3).get(2));

            List<List<String>> steps = tables.get("环节|办理日期|结果|情况说明");
            assertTrue(steps.contains(List.of("村级公示", "2024年3月6日", "通过", "公示2024年3月6日至2024年3月11日")), steps.toString());

            List<List<String>> measures = tables.get("类型|措施内容|起止日期|金额（元）|帮扶责任人");
            assertEquals(
                    List.of("产业帮扶", "发放桑蚕产业奖补，扩种桑园2亩", "2024年4月1日至2024年12月31日", "3000.00", "李建国（县农业农村局 驻村第一书记）"),
                    measures.get(1),
                    "the measures in the order they started");

            List<List<String>> benefits = tables.get("年度|项目|享受人|金额（元）|兑现日期|说明");
            assertTrue(benefits.contains(List.of("2024年", "产业奖补", "全户", "3000.00", "2024年9月20日", "2024年桑蚕产业奖补")));
            assertTrue(benefits.contains(
                    List.of("2025年", "光伏收益奖励补助", "程海源", "1200.00", "2025年1月15日", "大梳村光伏收益分配：公益性岗位奖励")));
            assertTrue(benefits.stream()
                    .anyMatch(r -> r.get(1).equals("小额信贷贴息") && r.get(3).equals("1461.46")));
            assertEquals(List.of("合计", "", "", "7410.84", "", ""), benefits.getLast());

            List<List<String>> cadres = tables.get("类别|姓名|工作单位和职务|联系电话|结对时间|结对情况");
            assertEquals(List.of("帮扶责任人", "李建国", "县农业农村局 驻村第一书记", "138****5678", "2024年6月1日起", "现结对"), cadres.get(1));
            assertEquals("调整为他人", cadres.get(2).get(5));
            List<List<String>> visits = tables.get("走访日期|走访人|走访情况");
            assertEquals(List.of("2024年3月18日", "黄丽", "入户核实因病支出，登记医疗费用票据"), visits.get(1));
            assertEquals(List.of("2024年10月15日", "李建国", "了解程小明就学情况，宣讲雨露计划"), visits.get(2));
            // the neighbour's case is not this household's
            assertFalse(text.contains("突发严重困难户"), text);
        }

        // the file left the suite: an EXPORT entry on the household, saying the ID numbers were printed in full
        RestAssured.requestSpecification = null;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Tokens.as(Roles.AUDITOR, DossierRecords.COUNTY)
                .queryParam("entityId", DossierRecords.HOUSEHOLD.toString())
                .queryParam("actor", "test-" + Roles.COUNTY_ADMIN)
                .queryParam("action", "EXPORT")
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].service", equalTo("report-service"))
                .body("items[0].entityType", equalTo("household"))
                .body("items[0].entityDivision", equalTo(DossierRecords.VILLAGE))
                .body("items[0].roles", hasItem(Roles.COUNTY_ADMIN))
                .body("items[0].changes.field", hasItem("members.idNumber"))
                .body("items[0].changes.find { it.field == 'members.idNumber' }.newValue", equalTo("FULL"))
                .body("items[0].changes.find { it.field == 'cadres.phone' }.newValue", equalTo("MASKED"))
                .body("items[0].changes.find { it.field == 'document' }.newValue", equalTo("一户一册（docx）")));
    }

    @Test
    void aTownshipOfficerGetsTheIdNumbersAndPhoneMaskedAsHouseholdServiceShowsThem() throws Exception {
        RestAssured.requestSpecification = null;
        byte[] docx = Tokens.as(Roles.TOWNSHIP_OFFICER, DossierRecords.TOWNSHIP)
                .get("/api/v1/dossiers/{id}", DossierRecords.HOUSEHOLD)
                .then()
                .statusCode(200)
                .contentType(DOCX)
                .extract()
                .asByteArray();
        String body = parts(docx).get("word/document.xml");
        assertTrue(body.contains(DossierRecords.mask(DossierRecords.HEAD_ID_NUMBER)), "the head's ID number masked");
        assertTrue(body.contains("138****5678"), "the phone masked");
        assertFalse(body.contains(DossierRecords.HEAD_ID_NUMBER), "no ID number in full");
        assertFalse(body.contains("13812345678"), "no phone in full");
        assertFalse(body.contains("6228"), "never the bank account");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Tokens.as(Roles.AUDITOR, DossierRecords.COUNTY)
                .queryParam("entityId", DossierRecords.HOUSEHOLD.toString())
                .queryParam("actor", "test-" + Roles.TOWNSHIP_OFFICER)
                .queryParam("action", "EXPORT")
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].changes.find { it.field == 'members.idNumber' }.newValue", equalTo("MASKED"))
                .body("items[0].changes.find { it.field == 'phone' }.newValue", equalTo("MASKED")));
    }

    @Test
    void aHouseholdTheSourceDoesNotKnowIs404AndOneItRefusesIs403AsProblems() {
        UUID unknown = UUID.randomUUID();
        given().get("/api/v1/dossiers/{id}", unknown)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("农户 " + unknown + " 不存在或不在本人辖区"));
        given().get("/api/v1/dossiers/{id}", DossierRecords.REFUSED)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", equalTo("household-service 拒绝了本次查阅：本户已转入档案封存，仅县级管理员可以查阅"));
        given().get("/api/v1/dossiers/not-a-household").then().statusCode(404).contentType("application/problem+json");
        // the operator runs the deployment and reads no household's dossier
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.OPERATOR, DossierRecords.COUNTY)
                .get("/api/v1/dossiers/{id}", DossierRecords.HOUSEHOLD)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private static Map<String, String> parts(byte[] docx) throws Exception {
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }
}
