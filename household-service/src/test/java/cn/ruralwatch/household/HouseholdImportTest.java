package cn.ruralwatch.household;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.household.importing.HouseholdImportWorker;
import cn.ruralwatch.synthetic.SyntheticCounty;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Bulk import of households (批量导入): a synthetic county's file with one household in ten broken in a different way
 * each; the good ones stored with history, events and audit entries, every bad one reported at its row; the same file
 * again changes nothing; a later file updates by ID number.
 */
@QuarkusTest
@DependsOnCryptoMode
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HouseholdImportTest {

    static final String COUNTY = "450431";
    static final SyntheticCounty.Settings SETTINGS = new SyntheticCounty.Settings(
            COUNTY, "导入县", 300, 11, Fixtures.today().getYear() - 1, Fixtures.today());
    static final List<String> COLUMNS = SyntheticCounty.HOUSEHOLD_COLUMNS;

    /** What each broken household should be reported for: its row, column and code. */
    static final List<String> expectedErrors = new ArrayList<>();

    static List<List<String>> rows;
    static int goodRows;
    static String file;
    static String jobId;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void countyAndFile() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (file != null) {
            return;
        }
        StringWriter divisions = new StringWriter();
        new SyntheticCounty(SETTINGS).writeDivisions(divisions);
        RestAssured.given()
                .contentType("text/csv; charset=UTF-8")
                .body(divisions.toString())
                .post("/api/v1/divisions/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(4));
        StringWriter households = new StringWriter();
        new SyntheticCounty(SETTINGS).writeHouseholds(households);
        rows = new ArrayList<>();
        households.toString().lines().skip(1).forEach(line -> rows.add(new ArrayList<>(List.of(line.split(",", -1)))));
        Map<String, List<Integer>> byHousehold = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byHousehold
                    .computeIfAbsent(rows.get(i).getFirst(), h -> new ArrayList<>())
                    .add(i);
        }
        List<String> firstHead = rows.getFirst();
        int n = 0;
        int badRows = 0;
        for (List<Integer> household : byHousehold.values()) {
            if (n++ % 10 != 3) {
                continue;
            }
            int index = household.getLast();
            List<String> row = rows.get(index);
            int fileRow = index + 2;
            switch ((n / 10) % 6) {
                case 0 -> {
                    String id = row.get(col("证件号码"));
                    char check = id.charAt(17) == '1' ? '2' : '1';
                    row.set(col("证件号码"), id.substring(0, 17) + check);
                    expect(fileRow, "证件号码", "CHECK_DIGIT");
                }
                case 1 -> {
                    row.set(col("与户主关系"), row.get(col("与户主关系")).equals("户主") ? "户长" : "表哥");
                    expect(fileRow, "与户主关系", "UNKNOWN_VALUE");
                }
                case 2 -> {
                    row.set(col("务工月数"), "十二");
                    expect(fileRow, "务工月数", "NOT_AN_INTEGER");
                }
                case 3 -> {
                    row.set(col("健康状况"), "残疾");
                    row.set(col("残疾等级"), "");
                    expect(fileRow, "残疾等级", "REQUIRED");
                }
                case 4 -> {
                    // the head of the file's first household once more
                    row.set(col("证件号码"), firstHead.get(col("证件号码")));
                    row.set(col("姓名"), firstHead.get(col("姓名")));
                    expect(fileRow, "证件号码", "DUPLICATE_IN_FILE");
                }
                default -> {
                    row.set(col("姓名"), "");
                    expect(fileRow, "姓名", "NotBlank");
                }
            }
            badRows += household.size();
        }
        goodRows = rows.size() - badRows;
        file = csv(rows);
    }

    @Test
    @Order(1)
    void storesTheGoodHouseholdsAndReportsEachBadRow() throws Exception {
        Response accepted = submit(file, "2025年度导入.csv");
        accepted.then()
                .statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/household-imports/" + accepted.path("id")))
                .body("fileName", equalTo("2025年度导入.csv"))
                .body("format", equalTo("CSV"))
                .body("division", equalTo(COUNTY));
        jobId = accepted.path("id");
        JsonPath job = awaitCompleted(jobId);
        assertEquals(rows.size(), job.getInt("totalRows"));
        assertEquals(rows.size(), job.getInt("processedRows"));
        assertEquals(270, job.getInt("householdsCreated"));
        assertEquals(30, job.getInt("householdsRejected"));
        assertEquals(rows.size() - goodRows, job.getInt("rowsRejected"));
        assertEquals(goodRows, job.getInt("membersStored"));
        assertEquals("test-county-admin", job.getString("requestedBy"));

        // each bad row at its row, column and reason; nothing else
        JsonPath errors = RestAssured.given()
                .queryParam("size", 100)
                .get("/api/v1/household-imports/" + jobId + "/errors")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(30, errors.getInt("totalItems"));
        List<String> reported = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            reported.add(errors.getInt("items[" + i + "].row") + "|" + errors.getString("items[" + i + "].column") + "|"
                    + errors.getString("items[" + i + "].code"));
            assertTrue(errors.getString("items[" + i + "].message").length() > 2);
        }
        assertEquals(expectedErrors, reported);
        String report = RestAssured.given()
                .get("/api/v1/household-imports/" + jobId + "/errors.csv")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        assertEquals("\uFEFF行号,户编号,列名,字段,错误代码,错误说明", report.lines().findFirst().orElseThrow());
        assertEquals(31, report.lines().count());
        assertTrue(report.contains(",CHECK_DIGIT,"));

        // stored as registrations are: rows, history by the submitter, events and audit entries
        assertEquals(270, count("select count(*) from household where village_code like '" + COUNTY + "%'"));
        assertEquals(
                goodRows,
                count("select count(*) from member m join household h on h.id = m.household_id"
                        + " where h.village_code like '" + COUNTY + "%'"));
        assertEquals(
                270,
                count("select count(*) from household_revision r join household h on h.id = r.household_id"
                        + " where h.village_code like '" + COUNTY + "%' and r.operation = 'IMPORT'"
                        + " and r.actor = 'test-county-admin' and r.reason = '批量导入：2025年度导入.csv'"));
        assertEquals(
                270,
                count("select count(*) from outbox_event e join household h on h.id::text = e.aggregate_id"
                        + " where h.village_code like '" + COUNTY + "%' and e.event_type = '"
                        + EventTypes.HOUSEHOLD_REGISTERED
                        + "'"));
        assertEquals(
                270,
                count("select count(*) from outbox_event e join household h on h.id::text = e.aggregate_id"
                        + " where h.village_code like '" + COUNTY + "%' and e.event_type = '"
                        + EventTypes.AUDIT_RECORDED
                        + "' and e.payload ->> 'actor' = 'test-county-admin' and e.payload ->> 'action' = 'CREATE'"
                        // naming the revision that holds the household, not copying it
                        + " and (e.payload ->> 'revision')::bigint = h.version"
                        + " and json_array_length(e.payload -> 'changes') = 0"));
        // the job's events are bulk: published as fast as their consumers keep up, after those a person waits for
        assertEquals(
                0,
                count("select count(*) from outbox_event e join household h on h.id::text = e.aggregate_id"
                        + " where h.village_code like '" + COUNTY + "%' and not e.bulk"));
        // a stored household reads as registered: monitoring data, incomes per capita, members
        String head = rows.getFirst().get(col("证件号码"));
        RestAssured.given()
                .contentType("application/json")
                .body("{\"idNumber\":\"" + head + "\"}")
                .post("/api/v1/households/search")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].headName", equalTo(rows.getFirst().get(col("姓名"))));
    }

    @Test
    @Order(2)
    void theSameFileAgainIsTheSameJobAndChangesNothing() throws Exception {
        long events = count("select count(*) from outbox_event");
        submit(file, "again.csv")
                .then()
                .statusCode(200)
                .body("id", equalTo(jobId))
                .body("status", equalTo("COMPLETED"));
        assertEquals(270, count("select count(*) from household where village_code like '" + COUNTY + "%'"));
        assertEquals(events, count("select count(*) from outbox_event"));
    }

    @Test
    @Order(3)
    void aLaterFileUpdatesByIdNumberAndLeavesTheUnchangedAlone() throws Exception {
        // the first 20 good households again, 10 of them with a new wage income and labour ability of the head
        List<List<String>> later = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        String current = null;
        int households = 0;
        for (List<String> row : rows) {
            if (!row.getFirst().equals(current)) {
                current = row.getFirst();
                households++;
            }
            if (households > 22) {
                break;
            }
            if (households == 4 || households == 14) {
                continue; // broken ones (the 4th and 14th)
            }
            List<String> copy = new ArrayList<>(row);
            if (households % 2 == 0) {
                copy.set(col("工资性收入"), "99999.00");
                if (!changed.contains(copy.getFirst())) {
                    changed.add(copy.getFirst());
                }
            }
            later.add(copy);
        }
        String laterFile = csv(later).replace("户编号", "户号"); // another name of the column
        Response accepted = submit(laterFile, "later.csv");
        accepted.then().statusCode(202);
        JsonPath job = awaitCompleted(accepted.path("id"));
        assertEquals(changed.size(), job.getInt("householdsUpdated"));
        assertEquals(20 - changed.size(), job.getInt("householdsUnchanged"));
        assertEquals(0, job.getInt("householdsCreated"));
        assertEquals(0, job.getInt("householdsRejected"));
        assertEquals(
                changed.size(),
                count("select count(*) from household_revision r"
                        + " join household h on h.id = r.household_id where h.village_code like '" + COUNTY + "%'"
                        + " and r.operation = 'IMPORT' and r.version = 1"));
        assertEquals(
                changed.size(),
                count("select count(*) from outbox_event e join household h"
                        + " on h.id::text = e.aggregate_id where h.village_code like '" + COUNTY
                        + "%' and e.event_type = '"
                        + EventTypes.HOUSEHOLD_CHANGED + "' and e.payload ->> 'operation' = 'IMPORT'"
                        + " and e.payload ->> 'changedFields' like '%incomes%'"));
    }

    @Test
    @Order(4)
    void importsTheFirstSheetOfAnExcelWorkbook() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("农户");
            List<String> header =
                    List.of("户编号", "行政村代码", "姓名", "证件号码", "与户主关系", "健康状况", "纳入监测日期", "监测对象类别", "风险类型", "风险状态", "识别年度");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            String village = SETTINGS.villageCode(0);
            Object[][] data = {
                {
                    "X1",
                    village,
                    "韦表甲",
                    Fixtures.idNumber("19700101", true),
                    "户主",
                    "患有大病",
                    LocalDate.of(2023, 5, 6),
                    "边缘易致贫户",
                    "因病",
                    "未消除风险",
                    2023
                },
                {"X1", village, "黄表乙", Fixtures.idNumber("19720202", false), "配偶", "健康", null, null, null, null, null},
                {
                    "X2",
                    village,
                    "覃表丙",
                    Fixtures.idNumber("19800303", true),
                    "HEAD",
                    "HEALTHY",
                    null,
                    null,
                    null,
                    null,
                    null
                }
            };
            for (int r = 0; r < data.length; r++) {
                for (int c = 0; c < data[r].length; c++) {
                    Object value = data[r][c];
                    if (value instanceof LocalDate date) {
                        sheet.value(r + 1, c, date);
                    } else if (value instanceof Integer number) {
                        sheet.value(r + 1, c, number);
                    } else if (value != null) {
                        sheet.value(r + 1, c, (String) value);
                    }
                }
            }
        }
        Response accepted = RestAssured.given()
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("fileName", "表格.xlsx")
                .body(bytes.toByteArray())
                .post("/api/v1/household-imports");
        accepted.then().statusCode(202).body("format", equalTo("XLSX"));
        JsonPath job = awaitCompleted(accepted.path("id"));
        assertEquals(2, job.getInt("householdsCreated"), job.prettify());
        assertEquals(3, job.getInt("membersStored"));
        assertEquals(
                1,
                count("select count(*) from household where monitoring_category = 'EDGE_AT_RISK'"
                        + " and monitored_since = date '2023-05-06' and identified_year = 2023 and village_code = '"
                        + SETTINGS.villageCode(0) + "'"));
    }

    @Test
    @Order(5)
    void refusesAFileItCannotTake() throws Exception {
        long jobs = count("select count(*) from household_import");
        submit("户编号,行政村代码,姓名,身份证,与户主关系\nA,450431101201,韦某,450431197001010011,户主\n", "bad.csv")
                .then()
                .statusCode(400)
                .body("errors.code", containsInAnyOrder("UNKNOWN_COLUMN", "MISSING_COLUMN"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("身份证")));
        submit("", "empty.csv").then().statusCode(400).body("errors[0].code", equalTo("EMPTY"));
        RestAssured.given()
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body("not a workbook".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/household-imports")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("UNREADABLE"));
        RestAssured.given()
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/household-imports")
                .then()
                .statusCode(415);
        RestAssured.given().get("/api/v1/household-imports/not-an-id").then().statusCode(404);
        assertEquals(jobs, count("select count(*) from household_import"));
    }

    @Test
    @Order(6)
    void aVillageClerkImportsIntoTheirVillageOnly() throws Exception {
        String own = SETTINGS.villageCode(0);
        String other = SETTINGS.villageCode(1);
        String content = String.join(",", "户编号", "行政村代码", "姓名", "证件号码", "与户主关系") + "\n"
                + String.join(",", "V1", own, "蒙村甲", Fixtures.idNumber("19650505", true), "户主") + "\n"
                + String.join(",", "V2", other, "蒙村乙", Fixtures.idNumber("19660606", true), "户主") + "\n";
        RestAssured.requestSpecification = null;
        Response accepted = Tokens.as(Roles.VILLAGE_CLERK, own)
                .contentType("text/csv")
                .body(content.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/household-imports");
        accepted.then().statusCode(202).body("division", equalTo(own));
        String id = accepted.path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED"
                .equals(Tokens.as(Roles.VILLAGE_CLERK, own)
                        .get("/api/v1/household-imports/" + id)
                        .path("status")));
        Tokens.as(Roles.VILLAGE_CLERK, own)
                .get("/api/v1/household-imports/" + id + "/errors")
                .then()
                .body("items.code", containsInAnyOrder("UNKNOWN_VILLAGE"))
                .body("items[0].row", equalTo(3))
                .body("items[0].column", equalTo("行政村代码"));
        // the county sees the clerk's job; another village's clerk does not
        Tokens.as(Roles.COUNTY_ADMIN, COUNTY)
                .get("/api/v1/household-imports/" + id)
                .then()
                .statusCode(200);
        Tokens.as(Roles.VILLAGE_CLERK, other)
                .get("/api/v1/household-imports/" + id)
                .then()
                .statusCode(404);

        // a file with nothing to store completes with every household reported
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", Tokens.bearer(Roles.VILLAGE_CLERK, own))
                .build();
        JsonPath nothing = awaitCompleted(submit(
                        String.join(",", "户编号", "行政村代码", "姓名", "证件号码", "与户主关系") + "\n"
                                + String.join(",", "W1", other, "蒙村丙", Fixtures.idNumber("19670707", true), "户主")
                                + "\n",
                        "others.csv")
                .then()
                .statusCode(202)
                .extract()
                .path("id"));
        assertEquals(1, nothing.getInt("householdsRejected"));
        assertEquals(0, nothing.getInt("householdsCreated"));
    }

    @Test
    @Order(7)
    void takesTheDayEachIncomeWasAssessed() throws Exception {
        String village = SETTINGS.villageCode(0);
        int year = Fixtures.today().getYear() - 1;
        String content = String.join(",", "户编号", "行政村代码", "姓名", "证件号码", "与户主关系", "收入年度", "工资性收入", "收入核定日期")
                + "\n"
                + String.join(
                        ",",
                        "D1",
                        village,
                        "韦核甲",
                        Fixtures.idNumber("19710101", true),
                        "户主",
                        "" + year,
                        "20000",
                        year + "/12/20")
                + "\n"
                + String.join(
                        ",",
                        "D2",
                        village,
                        "韦核乙",
                        Fixtures.idNumber("19720101", true),
                        "户主",
                        "" + year,
                        "20000",
                        (year - 1) + "-12-31")
                + "\n";
        JsonPath job = awaitCompleted(
                submit(content, "核定.csv").then().statusCode(202).extract().path("id"));
        assertEquals(1, job.getInt("householdsCreated"));
        assertEquals(1, job.getInt("householdsRejected"));
        RestAssured.given()
                .get("/api/v1/household-imports/" + job.getString("id") + "/errors")
                .then()
                .body("items[0].row", equalTo(3))
                .body("items[0].column", equalTo("收入核定日期"))
                .body("items[0].code", equalTo("BEFORE_YEAR"));
        assertEquals(
                1,
                count("select count(*) from household_income i join member m on m.household_id = i.household_id"
                        + " where m.name = '韦核甲' and i.year = " + year + " and i.assessed_on = date '" + year
                        + "-12-20'"));
    }

    @Test
    @Order(10)
    void theFileIsKeptEncryptedOnlyWhileItsJobNeedsItAndAJobCanBeCancelled() throws Exception {
        String village = COUNTY + "101201";
        String head = Fixtures.idNumber("19700101", true);
        String content = String.join(",", "户编号", "行政村代码", "姓名", "证件号码", "与户主关系") + "\n"
                + String.join(",", "C1", village, "覃某甲", head, "户主") + "\n"
                + String.join(",", "C2", village, "覃某乙", Fixtures.idNumber("19710101", false), "户主") + "\n";
        String running;
        String cancelled;
        // the worker stops where it stores the households of a chunk, while the test holds that table
        try (java.sql.Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table household in share mode");
            running =
                    submit(content, "held.csv").then().statusCode(202).extract().path("id");
            cancelled = submit(content.replace("C2", "C3"), "cancelled.csv")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> count("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                                    + " where c.relname = 'household' and not l.granted")
                            > 0);
            // stored, but never as it came: compressed, in blocks, each encrypted
            assertTrue(
                    count("select count(*) from household_import_file_block where import_id = '" + running + "'") > 0);
            assertEquals(
                    0,
                    count("select count(*) from household_import_file_block where position(convert_to('" + head
                            + "', 'UTF8') in content) > 0 or position(convert_to('覃某甲', 'UTF8') in content) > 0"));
            // queued behind the county's running import: cancelled at once
            RestAssured.given()
                    .post("/api/v1/household-imports/" + cancelled + "/cancel")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CANCELLED"));
            holder.rollback();
        }
        awaitCompleted(running);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED"
                .equals(RestAssured.given()
                        .get("/api/v1/household-imports/" + cancelled)
                        .path("status")));
        RestAssured.given()
                .post("/api/v1/household-imports/" + cancelled + "/cancel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // once a job ended, nothing of its file or of the people it met is left
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from household_import_file_block where import_id in ('" + running
                                + "', '" + cancelled + "')")
                        == 0);
        assertEquals(
                0,
                count("select count(*) from household_import_person p join household_import i"
                        + " on i.job_id = p.job_id where i.id in ('" + running + "', '" + cancelled + "')"));
    }

    @Test
    @Order(11)
    void errorsBeyondTheListedOnesAreCounted() throws Exception {
        String village = COUNTY + "101201";
        StringBuilder content = new StringBuilder(String.join(",", "户编号", "行政村代码", "姓名", "证件号码", "与户主关系")).append('\n');
        for (int i = 0; i < 60; i++) {
            // each household's head lacks a name: one error a household
            content.append(String.join(",", "E" + i, village, "", Fixtures.idNumber("19800101", i % 2 == 0), "户主"))
                    .append('\n');
        }
        JsonPath job = awaitCompleted(submit(content.toString(), "broken.csv")
                .then()
                .statusCode(202)
                .extract()
                .path("id"));
        assertEquals(60, job.getInt("householdsRejected"));
        // the test profile lists 40 (ruralwatch.household-import.max-listed-errors)
        assertEquals(20, job.getInt("errorsNotListed"));
        RestAssured.given()
                .get("/api/v1/household-imports/" + job.getString("id") + "/errors")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(40));
    }

    @Test
    @Order(12)
    void aWorkbookOverItsLimitIsRefusedBeforeAnythingIsStored() throws Exception {
        long imports = count("select count(*) from household_import");
        RestAssured.given()
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("fileName", "huge.xlsx")
                .body(new byte[2 * 1024 * 1024])
                .post("/api/v1/household-imports")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("CSV"));
        assertEquals(imports, count("select count(*) from household_import"));
    }

    @Test
    @Order(13)
    void aHouseholdTheDatabaseRefusesIsReportedAndTheRestOfItsChunkIsStored() throws Exception {
        String village = COUNTY + "101201";
        String content = String.join(",", "户编号", "行政村代码", "姓名", "证件号码", "与户主关系") + "\n"
                + String.join(",", "R1", village, "入库甲", Fixtures.idNumber("19710101", true), "户主") + "\n"
                + String.join(",", "R2", village, "拒收户主", Fixtures.idNumber("19720202", false), "户主") + "\n"
                + String.join(",", "R3", village, "入库丙", Fixtures.idNumber("19730303", true), "户主") + "\n";
        // the database refuses one member: the chunk's transaction fails as a whole, and its households are checked
        // and stored again one by one
        execute("""
                create function refuse_one_member() returns trigger language plpgsql as $$
                begin
                    if new.name = '拒收户主' then
                        raise exception 'refused by the test';
                    end if;
                    return new;
                end $$;
                create trigger refuse_one_member before insert on member
                    for each row execute function refuse_one_member();""");
        List<LogRecord> logged;
        JsonPath job;
        try (CapturedLog worker = CapturedLog.of(HouseholdImportWorker.class.getName())) {
            logged = worker.records();
            job = awaitCompleted(submit(content, "refused.csv")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id"));
        } finally {
            execute("drop trigger refuse_one_member on member; drop function refuse_one_member();");
        }
        // the failure is logged with the statement and the database's reason, not the member's values (the driver's
        // logServerErrorDetail=false): no name, ciphertext or look-up hash reaches the log
        LogRecord failure = logged.stream()
                .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() && r.getThrown() != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no error logged: " + logged));
        String text = failure.getMessage() + " " + causes(failure.getThrown());
        assertTrue(text.contains("refused by the test"), text);
        for (String personal : List.of("拒收户主", "aes256gcm:", "sm4gcm:", "hmac-")) {
            assertTrue(!text.contains(personal), personal + " in the log: " + text);
        }
        assertEquals(2, job.getInt("householdsCreated"), job.prettify());
        assertEquals(1, job.getInt("householdsRejected"), job.prettify());
        assertEquals(2, job.getInt("membersStored"), job.prettify());
        RestAssured.given()
                .get("/api/v1/household-imports/" + job.getString("id") + "/errors")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].row", equalTo(3))
                .body("items[0].code", equalTo("NOT_STORED"));
        assertEquals(
                2,
                count("select count(*) from member m join household_revision r on r.household_id = m.household_id"
                        + " where m.name in ('入库甲', '入库丙') and r.reason = '批量导入：refused.csv'"));
        assertEquals(0, count("select count(*) from member where name = '拒收户主'"));
    }

    /** The messages of a throwable, its causes, suppressed exceptions and the next exceptions of SQL exceptions. */
    private static String causes(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(thrown));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            text.append(next).append('\n');
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                pending.push(sql.getNextException());
            }
        }
        return text.toString();
    }

    void execute(String sql) throws Exception {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static void expect(int row, String column, String code) {
        expectedErrors.add(row + "|" + column + "|" + code);
    }

    static int col(String name) {
        return COLUMNS.indexOf(name);
    }

    static String csv(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        rows.forEach(row -> csv.append(String.join(",", row)).append('\n'));
        return csv.toString();
    }

    static Response submit(String content, String fileName) {
        return RestAssured.given()
                .contentType("text/csv")
                .queryParam("fileName", fileName)
                .body(content.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/household-imports");
    }

    static JsonPath awaitCompleted(String id) {
        return awaitCompleted(id, RestAssured::given);
    }

    /** The import once it completed, as the caller sees it. */
    static JsonPath awaitCompleted(String id, Supplier<RequestSpecification> caller) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !List.of("QUEUED", "RUNNING")
                        .contains(caller.get()
                                .get("/api/v1/household-imports/" + id)
                                .path("status")));
        JsonPath job = caller.get()
                .get("/api/v1/household-imports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        return job;
    }

    long count(String sql) throws Exception {
        return Outboxes.count(dataSource, sql);
    }
}
