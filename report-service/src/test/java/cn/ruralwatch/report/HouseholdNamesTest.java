package cn.ruralwatch.report;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists, exports and the work report name households as officials do, by the head's name (户主姓名) and the village
 * (seed 000: "大梳村程海源户"), under the same data scope as every other read; the household number stays for machines.
 */
@QuarkusTest
class HouseholdNamesTest {

    private static final String COUNTY = "450588";
    private static final String TONGXIN = "450588101";
    private static final String DASHU = "450588101201";
    private static final String TONGXIN_VILLAGE = "450588101202";
    private static final String HEPING = "450588102";
    private static final String SHACUN = "450588102201";

    /** 程海源 of 大梳村, 黄惠强 and a household without a registered head in 同心村, 陈少欣 of 沙村 (another township). */
    private static String cheng;

    private static String huang;
    private static String headless;
    private static String chen;

    /** Each request carries its own token; the households are sent once for every test of the class. */
    @BeforeEach
    void seed000Households() {
        RestAssured.requestSpecification = null;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (cheng != null) {
            return;
        }
        ReportEvents.division(COUNTY, "藤县", "COUNTY", null);
        ReportEvents.division(TONGXIN, "同心镇", "TOWNSHIP", COUNTY);
        ReportEvents.division(HEPING, "和平镇", "TOWNSHIP", COUNTY);
        ReportEvents.division(DASHU, "大梳村", "VILLAGE", TONGXIN);
        ReportEvents.division(TONGXIN_VILLAGE, "同心村", "VILLAGE", TONGXIN);
        ReportEvents.division(SHACUN, "沙村", "VILLAGE", HEPING);
        cheng = ReportEvents.namedHousehold(DASHU, 4, "PLANNED_EXIT", null, "程海源");
        huang = ReportEvents.namedHousehold(TONGXIN_VILLAGE, 3, "PLANNED_EXIT", null, "黄惠强");
        headless = ReportEvents.namedHousehold(TONGXIN_VILLAGE, 2, "PLANNED_EXIT", null, null);
        chen = ReportEvents.namedHousehold(SHACUN, 5, "PLANNED_EXIT", null, "陈旧名");
        // a change of head: the newer state names the new head, an older one arriving late changes nothing
        ReportEvents.headChanged(chen, SHACUN, 2, "陈少欣");
        ReportEvents.headChanged(chen, SHACUN, 1, "陈旧名");
        String at = "2026-03-01T00:00:00Z";
        ReportEvents.evaluation(cheng, DASHU, false, at, UUID.randomUUID().toString());
        ReportEvents.evaluation(
                huang, TONGXIN_VILLAGE, true, at, UUID.randomUUID().toString());
        ReportEvents.evaluation(
                headless, TONGXIN_VILLAGE, false, at, UUID.randomUUID().toString());
        ReportEvents.evaluation(chen, SHACUN, false, at, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin().queryParam("division", COUNTY)
                .queryParam("evaluated", true)
                .get("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(4))
                .body("items.find { it.householdId == '" + chen + "' }.headName", equalTo("陈少欣")));
    }

    private static RequestSpecification admin() {
        return Tokens.as(Roles.COUNTY_ADMIN, COUNTY);
    }

    @Test
    void aHouseholdPublishedAgainAtItsVersionIsTakenWithWhatItNowCarries() {
        // household-service's operators publish unchanged households again (REPUBLISH) so that names reach households
        // projected before events carried them: the same version is taken, an older one is not
        ReportEvents.division("450589", "重发县", "COUNTY", null);
        ReportEvents.division("450589101", "重发镇", "TOWNSHIP", "450589");
        ReportEvents.division("450589101201", "重发村", "VILLAGE", "450589101");
        String republished = ReportEvents.namedHousehold("450589101201", 2, "EXITED", null, null);
        ReportEvents.headChanged(republished, "450589101201", 0, "覃显华");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Tokens.as(Roles.COUNTY_ADMIN, "450589")
                .queryParam("division", "450589101201")
                .get("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .body("items.find { it.householdId == '" + republished + "' }.headName", equalTo("覃显华")));
    }

    @Test
    void theListBehindAFigureNamesEachHouseholdByItsHeadVillageAndTownship() {
        JsonPath list = admin().queryParam("division", COUNTY)
                .get("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(4))
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> item : list.<Map<String, Object>>getList("items")) {
            byId.put((String) item.get("householdId"), item);
            // the household's number for machines, names for people, and no personal numbers at all
            assertEquals(
                    Set.of(
                            "householdId",
                            "headName",
                            "villageCode",
                            "villageName",
                            "townshipName",
                            "povertyStatus",
                            "exitYear",
                            "monitoringCategory",
                            "riskState",
                            "identifiedYear",
                            "riskTypes",
                            "members"),
                    item.keySet());
        }
        assertEquals("程海源", byId.get(cheng).get("headName"));
        assertEquals("大梳村", byId.get(cheng).get("villageName"));
        assertEquals("同心镇", byId.get(cheng).get("townshipName"));
        assertEquals(DASHU, byId.get(cheng).get("villageCode"));
        assertEquals("黄惠强", byId.get(huang).get("headName"));
        assertEquals("同心村", byId.get(huang).get("villageName"));
        assertNull(byId.get(headless).get("headName"), "a household without a registered head");
        assertEquals("同心村", byId.get(headless).get("villageName"));
        assertEquals("陈少欣", byId.get(chen).get("headName"), "the newest head");
        assertEquals("沙村", byId.get(chen).get("villageName"));
        assertEquals("和平镇", byId.get(chen).get("townshipName"));
    }

    @Test
    void theExportsNameEachHouseholdTheTownshipOnlyWhereTheListSpansTownships() throws Exception {
        byte[] county = admin().queryParam("division", COUNTY)
                .get("/api/v1/reports/households/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        List<List<String>> rows = rows(county);
        assertEquals(
                List.of("户主姓名", "乡镇", "行政村", "贫困状态", "脱贫年度", "监测类别", "风险状态", "纳入监测年度", "风险类型", "在户人口", "农户编号"),
                rows.getFirst());
        Map<String, List<String>> byId = byNumber(rows, 10);
        assertEquals(List.of("程海源", "同心镇", "大梳村", "预脱贫"), byId.get(cheng).subList(0, 4));
        assertEquals("4", byId.get(cheng).get(9));
        assertEquals(List.of("（户主未登记）", "同心镇", "同心村"), byId.get(headless).subList(0, 3));
        assertEquals(List.of("陈少欣", "和平镇", "沙村"), byId.get(chen).subList(0, 3));
        withoutPersonalNumbers(rows, 10);

        // a township's list stays within the township: no township column
        byte[] township = admin().queryParam("division", TONGXIN)
                .get("/api/v1/reports/households/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        rows = rows(township);
        assertEquals(List.of("户主姓名", "行政村", "贫困状态"), rows.getFirst().subList(0, 3));
        assertEquals("农户编号", rows.getFirst().get(9));
        byId = byNumber(rows, 9);
        assertEquals(Set.of(cheng, huang, headless), byId.keySet());
        assertEquals(List.of("程海源", "大梳村"), byId.get(cheng).subList(0, 2));
        assertEquals(List.of("（户主未登记）", "同心村"), byId.get(headless).subList(0, 2));

        // the same from a background export
        String location = admin().queryParam("division", COUNTY)
                .queryParam("evaluated", true)
                .post("/api/v1/reports/households/export-jobs")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        Jobs.done(location);
        RestAssured.requestSpecification = null;
        rows = rows(
                admin().get(location + "/file").then().statusCode(200).extract().asByteArray());
        byId = byNumber(rows, 10);
        assertEquals(Set.of(cheng, huang, headless, chen), byId.keySet());
        assertEquals(List.of("黄惠强", "同心镇", "同心村"), byId.get(huang).subList(0, 3));
        assertEquals(List.of("陈少欣", "和平镇", "沙村"), byId.get(chen).subList(0, 3));
        // another township's officer does not see the county's export, nor its file
        Tokens.as(Roles.TOWNSHIP_OFFICER, TONGXIN).get(location).then().statusCode(404);
        Tokens.as(Roles.TOWNSHIP_OFFICER, TONGXIN)
                .get(location + "/file")
                .then()
                .statusCode(404);
    }

    @Test
    void namesAreShownOnlyWithinTheCallersArea() throws Exception {
        Tokens.as(Roles.TOWNSHIP_OFFICER, TONGXIN)
                .queryParam("division", TONGXIN)
                .get("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.headName", containsInAnyOrder("程海源", null, "黄惠强"))
                .body("items.villageName", equalTo(List.of("大梳村", "同心村", "同心村")));
        Tokens.as(Roles.VILLAGE_CLERK, DASHU)
                .queryParam("division", DASHU)
                .get("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .body("items.headName", equalTo(List.of("程海源")));
        // another township, or the county above: not found, whether listed, exported, exported later or reported on
        for (String outside : List.of(HEPING, SHACUN, COUNTY)) {
            Tokens.as(Roles.TOWNSHIP_OFFICER, TONGXIN)
                    .queryParam("division", outside)
                    .get("/api/v1/reports/households")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            Tokens.as(Roles.TOWNSHIP_OFFICER, TONGXIN)
                    .queryParam("division", outside)
                    .get("/api/v1/reports/households/export")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            Tokens.as(Roles.TOWNSHIP_OFFICER, TONGXIN)
                    .queryParam("division", outside)
                    .post("/api/v1/reports/households/export-jobs")
                    .then()
                    .statusCode(404);
            Tokens.as(Roles.TOWNSHIP_OFFICER, TONGXIN)
                    .contentType(ContentType.JSON)
                    .body("{\"division\":\"" + outside + "\",\"year\":2023}")
                    .post("/api/v1/reports/work-reports")
                    .then()
                    .statusCode(404);
        }
        Tokens.as(Roles.VILLAGE_CLERK, DASHU)
                .queryParam("division", TONGXIN_VILLAGE)
                .get("/api/v1/reports/households")
                .then()
                .statusCode(404);
    }

    @Test
    void theWorkReportNamesTheHouseholdsItListsByHeadAndVillage() throws Exception {
        // a county's report: 乡镇村名户主姓名户, as the reports write it (seed 000: 大梳村程海源户)
        String county = documentXml(drawn(Roles.COUNTY_ADMIN, COUNTY));
        assertTrue(county.contains("同心镇大梳村程海源户"), county);
        assertTrue(county.contains("同心镇同心村（户主未登记）户"));
        assertTrue(county.contains("和平镇沙村陈少欣户"));
        assertFalse(county.contains("黄惠强"), "a household meeting the standard is not listed");
        assertFalse(county.contains("陈旧名"), "the former head");
        for (String id : List.of(cheng, huang, headless, chen)) {
            assertFalse(county.contains(id), "no household numbers in a document for people");
        }
        // a township's report: 村名户主姓名户, and only its own households
        String township = documentXml(drawn(Roles.TOWNSHIP_OFFICER, TONGXIN));
        assertTrue(township.contains("大梳村程海源户"), township);
        assertFalse(township.contains("同心镇大梳村程海源户"), "a township's report does not repeat the township");
        assertTrue(township.contains("同心村（户主未登记）户"));
        assertFalse(township.contains("陈少欣"), "another township's household");
    }

    /** The work report of a division as a caller there draws it. */
    private static byte[] drawn(String role, String division) {
        String location = Tokens.as(role, division)
                .contentType(ContentType.JSON)
                .body("{\"division\":\"" + division + "\",\"year\":2023,\"asOf\":\"2023-11-14\"}")
                .post("/api/v1/reports/work-reports")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        Tokens.authenticateAs(role, division);
        try {
            Jobs.done(location);
            return RestAssured.given()
                    .get(location + "/file")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
        } finally {
            RestAssured.requestSpecification = null;
        }
    }

    /** The document's body as Word stores it ({@code word/document.xml}). */
    private static String documentXml(byte[] docx) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no word/document.xml in the document");
    }

    /** Every row of the first sheet's table (below its title) as the texts of its cells. */
    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = workbook.getFirstSheet().read().stream()
                    .map(HouseholdNamesTest::cells)
                    .toList();
            // the title row above the table names the division
            assertTrue(
                    rows.getFirst().getFirst().contains("农户名单"), rows.getFirst().toString());
            return rows.subList(1, rows.size());
        }
    }

    private static List<String> cells(Row row) {
        return row.stream().map(cell -> cell == null ? "" : cell.getText()).toList();
    }

    /** The rows below the header by the household number in the given column. */
    private static Map<String, List<String>> byNumber(List<List<String>> rows, int column) {
        Map<String, List<String>> byId = new HashMap<>();
        rows.subList(1, rows.size()).forEach(row -> byId.put(row.get(column), row));
        return byId;
    }

    /** No cell but the household number holds a run of digits as long as an ID, phone or bank number. */
    private static void withoutPersonalNumbers(List<List<String>> rows, int numberColumn) {
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (c != numberColumn) {
                    assertFalse(row.get(c).matches(".*[0-9]{11,}.*"), row.toString());
                }
            }
        }
    }
}
