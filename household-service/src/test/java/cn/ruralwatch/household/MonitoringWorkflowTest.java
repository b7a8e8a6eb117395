package cn.ruralwatch.household;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicWriter;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monitoring workflow as officials run it: clues from the API and from other systems' topic, identification
 * through every review step to the county's decision, assistance, and risk elimination refused with its reasons until
 * the criteria are met.
 */
@QuarkusTest
class MonitoringWorkflowTest {

    static final String VILLAGE = "450422103201";
    static final String TOWNSHIP = "450422103";
    static final String[] PREPARATION = {"HOME_VERIFICATION", "COMMITMENT", "DATA_CROSS_CHECK", "DEMOCRATIC_REVIEW"};

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    TestClock clock;

    @BeforeEach
    void divisionsAndLines() throws Exception {
        clock.reset();
        RestAssured.requestSpecification = null;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.village(admin(), VILLAGE);
        MonitoringLineEvents.countyLines(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void cluesAreDeduplicatedAndTriaged() {
        String id = register(Fixtures.household(VILLAGE, Fixtures.idNumber("19640808", true)));
        String first = clue(id, "CADRE_VISIT", "ILLNESS", null)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // the same risk of the same household again within 30 days: kept, marked as a duplicate of the first
        clue(id, "SELF_REPORT", "ILLNESS", null)
                .then()
                .statusCode(201)
                .body("status", equalTo("DUPLICATE"))
                .body("duplicateOf", equalTo(first));
        clue(id, "SELF_REPORT", "DISASTER", null).then().body("status", equalTo("NEW"));
        // the sender's own reference twice is one clue
        String referenced = clue(id, "DEPARTMENT", "EDUCATION", "JY-2026-0042").path("id");
        assertEquals(
                referenced, clue(id, "DEPARTMENT", "EDUCATION", "JY-2026-0042").path("id"));

        clerk().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"decision\":\"DISMISS\"}")
                .post("/api/v1/warning-clues/" + referenced + "/triage")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        clerk().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"decision\":\"DISMISS\",\"note\":\"核实后已复学\"}")
                .post("/api/v1/warning-clues/" + referenced + "/triage")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISMISSED"))
                .body("triagedBy", equalTo("test-village-clerk"));
        clerk().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("{\"decision\":\"DISMISS\",\"note\":\"再次排除\"}")
                .post("/api/v1/warning-clues/" + referenced + "/triage")
                .then()
                .statusCode(409);
        admin().queryParam("householdId", id)
                .get("/api/v1/warning-clues")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(4));
    }

    @Test
    @DependsOnCryptoMode
    void departmentCluesArriveThroughTheIntakeTopic() throws Exception {
        String member = Fixtures.idNumber("19900909", false);
        String id = register(Fixtures.household(VILLAGE, Fixtures.idNumber("19620202", true), member));
        String reference = "YB-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = """
                {"externalRef":"%s","department":"县医疗保障局","idNumber":"%s","riskTypes":["ILLNESS"],
                 "description":"年度医疗自付费用 3.2 万元，超过预警线","reportedOn":"2026-11-01","extra":"ignored"}""".formatted(reference, member);
        EventSchemas.assertValid(Topics.CLUE_REPORTED, data.replace(",\"extra\":\"ignored\"", ""));
        send(reference, eventId, data);
        send(reference, eventId, data);
        String bad = "bad-" + UUID.randomUUID();
        send(bad, UUID.randomUUID().toString(), """
                {"externalRef":"%s","idNumber":"4504221990010112","riskTypes":["ILLNESS"],"description":"x","reportedOn":"2026-11-01"}""".formatted(bad));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from warning_clue where external_ref = '" + reference + "'") == 1);
        admin().queryParam("householdId", id)
                .get("/api/v1/warning-clues")
                .then()
                .body("items[0].source", equalTo("DEPARTMENT"))
                .body("items[0].department", equalTo("县医疗保障局"))
                .body("items[0].idNumber", equalTo(member.substring(0, 6) + "********" + member.substring(14)))
                .body("items[0].recordedBy", equalTo("clue-intake:/medical-insurance"));
        String reason = await().atMost(Duration.ofSeconds(30)).until(() -> parkedReason(bad), r -> r != null);
        assertTrue(reason.contains("idNumber"), reason);
        assertEquals(0, count("select count(*) from warning_clue where external_ref = '" + bad + "'"));
    }

    @Test
    void risksDetectedByTheIndicatorsBecomeCluesOnTheHousehold() throws Exception {
        String id = register(Fixtures.household(VILLAGE, Fixtures.idNumber("19580303", true)));
        String eventId = UUID.randomUUID().toString();
        String data = """
                {"householdId":"%s","villageCode":"%s","standardCode":"NATIONAL_HOUSEHOLD_2021","riskTypes":["HOUSING","OTHER"],
                 "indicators":[{"code":"HOUSING_SECURITY","name":"住房安全有保障","reasons":["safetyGrade=C"]},
                               {"code":"INCOME_ABOVE_THRESHOLD","name":"年人均纯收入不低于防返贫监测范围",
                                "reasons":["netIncomePerCapita=5200","monitoringThreshold=6000"]}],
                 "detectedAt":"2026-11-20T02:00:00Z"}""".formatted(id, VILLAGE);
        EventSchemas.assertValid(EventTypes.RISK_DETECTED, data);
        sendDetected(id, eventId, data);
        sendDetected(id, eventId, data);
        String unknown = UUID.randomUUID().toString();
        sendDetected(unknown, UUID.randomUUID().toString(), data.replace(id, unknown));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from warning_clue where external_ref = '" + eventId + "'") == 1);
        admin().queryParam("householdId", id)
                .get("/api/v1/warning-clues")
                .then()
                .body("totalItems", equalTo(1))
                .body("items[0].source", equalTo("INDICATOR_ALERT"))
                .body("items[0].status", equalTo("NEW"))
                .body("items[0].riskTypes", contains("HOUSING", "OTHER"))
                .body("items[0].reportedOn", equalTo("2026-11-20"))
                .body("items[0].description", containsString("住房安全有保障未达标（safetyGrade=C）"))
                .body("items[0].description", containsString("netIncomePerCapita=5200"));
        String reason = await().atMost(Duration.ofSeconds(30)).until(() -> parkedReason(unknown), r -> r != null);
        assertTrue(reason.contains("not registered"), reason);
    }

    @Test
    void identificationWalksEveryStepToTheCountyDecision() throws Exception {
        // the afternoon of today, so that the notice's days can be counted to the hour
        clock.at(ZonedDateTime.of(today(), LocalTime.of(15, 0), ChinaTime.ZONE));
        String head = Fixtures.idNumber("19660606", true);
        String id = register("""
                {"villageCode":"%s","attributes":{"phone":"13812345678"},"members":[
                  {"name":"蒙某福","idNumber":"%s","relation":"HEAD","attributes":{"health":"SERIOUS_ILLNESS"}},
                  {"name":"蒙某英","idNumber":"%s","relation":"SPOUSE"}]}""".formatted(VILLAGE, head, Fixtures.idNumber("19680707", false)));
        String clue = clue(id, "CADRE_VISIT", "ILLNESS", null).path("id");
        Response opened = clerk().contentType(ContentType.JSON)
                .body("""
                        {"category":"SUDDEN_HARDSHIP","riskTypes":["ILLNESS"],"clueIds":["%s"],"reason":"干部排查"}""".formatted(clue))
                .post("/api/v1/households/" + id + "/identification-cases");
        opened.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/monitoring-cases/"))
                .body("status", equalTo("OPEN"))
                .body("nextStep", equalTo("HOME_VERIFICATION"))
                .body("deadline", equalTo(today().plusDays(15).toString()));
        String caseId = opened.path("id");
        admin().get("/api/v1/warning-clues/" + clue)
                .then()
                .body("status", equalTo("ESCALATED"))
                .body("caseId", equalTo(caseId));
        // one open case per household
        clerk().contentType(ContentType.JSON)
                .body("{\"category\":\"EDGE_AT_RISK\",\"riskTypes\":[\"ILLNESS\"]}")
                .post("/api/v1/households/" + id + "/identification-cases")
                .then()
                .statusCode(409);

        // skipping a step is refused and changes nothing; no step precedes the case
        step(clerk(), caseId, 0, "DEMOCRATIC_REVIEW", "PASSED", "")
                .then()
                .statusCode(409)
                // the steps in words, no code inside the Chinese sentence
                .body("detail", equalTo("环节必须按顺序办理：现在应办理“入户核实”，不能办理“村民主评议”"));
        step(clerk(), caseId, 0, "HOME_VERIFICATION", "PASSED", "", today().minusDays(1))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("performedOn"))
                .body("errors[0].code", equalTo("BEFORE_CASE"))
                .body("errors[0].message", containsString(today().minusDays(1).toString()))
                .body("errors[0].message", containsString(today().toString()));
        int version = 0;
        for (String step : PREPARATION) {
            step(clerk(), caseId, version++, step, "PASSED", "")
                    .then()
                    .statusCode(200)
                    .body("steps[-1].step", equalTo(step))
                    .body("steps[-1].actor", equalTo("test-village-clerk"));
        }
        // the notice names the head and the household's size, nothing personal beyond that; it runs from the day it
        // is published, not from a day already past
        clerk().queryParam("from", today().minusDays(5).toString())
                .get("/api/v1/monitoring-cases/" + caseId + "/notice")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].code", equalTo("BEFORE_PUBLICATION"));
        String notice = clerk().get("/api/v1/monitoring-cases/" + caseId + "/notice")
                .then()
                .statusCode(200)
                .body("title", containsString("拟识别纳入防止返贫监测对象"))
                .body("text", containsString("户主：蒙某福；家庭人口：2人；拟识别类别：突发严重困难户"))
                .body("noticeFrom", equalTo(today().toString()))
                .extract()
                .path("text");
        for (String secret : List.of(head, "13812345678", "大病", "因病")) {
            assertFalse(notice.contains(secret), "the notice shows " + secret);
        }
        LocalDate published = today();
        step(clerk(), caseId, version, "PUBLIC_NOTICE", "PASSED", notice(published, published.plusDays(3)))
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("NOTICE_TOO_SHORT"));
        // five days typed in the past do not make a notice: it starts when it is published (recorded)
        step(
                        clerk(),
                        caseId,
                        version,
                        "PUBLIC_NOTICE",
                        "PASSED",
                        notice(published.minusDays(5), published.minusDays(1)))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("noticeFrom"))
                .body("errors[0].code", equalTo("BEFORE_PUBLICATION"))
                .body("errors[0].message", containsString(published.minusDays(5).toString()))
                .body("errors[0].message", containsString(published.toString()));
        step(clerk(), caseId, version++, "PUBLIC_NOTICE", "PASSED", notice(published, published.plusDays(4)))
                .then()
                .statusCode(200);
        clerk().get("/api/v1/monitoring-cases/" + caseId + "/notice")
                .then()
                .body("noticeFrom", equalTo(published.toString()))
                .body("noticeTo", equalTo(published.plusDays(4).toString()));
        // the township cannot review before the notice has run: not now, not with a date typed after it
        RequestSpecification township = Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP);
        step(township, caseId, version, "TOWNSHIP_REVIEW", "PASSED", "")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("performedOn"))
                .body("errors[0].code", equalTo("NOTICE_NOT_OVER"))
                .body("errors[0].message", containsString(published.plusDays(5).toString()));
        step(township, caseId, version, "TOWNSHIP_REVIEW", "PASSED", "", published.plusDays(5))
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("FUTURE"));
        // five days on by the calendar, but not yet five days since it was published at three in the afternoon
        clock.at(ZonedDateTime.of(published.plusDays(5), LocalTime.of(9, 0), ChinaTime.ZONE));
        step(township, caseId, version, "TOWNSHIP_REVIEW", "PASSED", "")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("NOTICE_NOT_OVER"))
                .body("errors[0].message", containsString(published.plusDays(5) + " 15:0"));
        clock.advance(Duration.ofHours(7));
        // the township reviews, the county decides
        step(clerk(), caseId, version, "TOWNSHIP_REVIEW", "PASSED", "").then().statusCode(403);
        step(township, caseId, version++, "TOWNSHIP_REVIEW", "PASSED", "")
                .then()
                .statusCode(200);
        step(admin(), caseId, version, "COUNTY_DECISION", "PASSED", "", today().minusDays(1))
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("BEFORE_PREVIOUS_STEP"))
                .body("errors[0].message", containsString("（乡镇审核）"));
        step(Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP), caseId, version, "COUNTY_DECISION", "PASSED", "")
                .then()
                .statusCode(403);
        step(admin(), caseId, version, "COUNTY_DECISION", "PASSED", "")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("steps.step", hasItems("HOME_VERIFICATION", "COUNTY_DECISION"));

        admin().get("/api/v1/households/" + id)
                .then()
                .body("monitoring.category", equalTo("SUDDEN_HARDSHIP"))
                .body("monitoring.riskTypes", hasItem("ILLNESS"))
                .body("monitoring.riskState", equalTo("AT_RISK"))
                .body("monitoring.identifiedYear", equalTo(today().getYear()))
                .body("monitoring.monitoredSince", equalTo(today().toString()));
        JsonNode changed = events(id, EventTypes.HOUSEHOLD_CATEGORY_CHANGED).getFirst();
        EventSchemas.assertValid(EventTypes.HOUSEHOLD_CATEGORY_CHANGED, changed.toString());
        assertEquals(
                "SUDDEN_HARDSHIP",
                changed.get("household").get("monitoring").get("category").asText());
        JsonNode decided = events(id, EventTypes.MONITORING_CASE_DECIDED).getFirst();
        EventSchemas.assertValid(EventTypes.MONITORING_CASE_DECIDED, decided.toString());
        assertEquals("APPROVED", decided.get("status").asText());
        EventSchemas.assertValid(
                EventTypes.MONITORING_CASE_OPENED,
                events(id, EventTypes.MONITORING_CASE_OPENED).getFirst().toString());

        // a decided case takes no more steps; a monitored household is not identified twice
        step(admin(), caseId, version + 1, "COUNTY_DECISION", "PASSED", "")
                .then()
                .statusCode(409);
        clerk().contentType(ContentType.JSON)
                .body("{\"category\":\"EDGE_AT_RISK\",\"riskTypes\":[\"ILLNESS\"]}")
                .post("/api/v1/households/" + id + "/identification-cases")
                .then()
                .statusCode(409);
    }

    @Test
    void failedStepEndsTheCaseAndOverdueCasesAreListed() throws Exception {
        String id = register(Fixtures.household(VILLAGE, Fixtures.idNumber("19700101", true)));
        String caseId = clerk().contentType(ContentType.JSON)
                .body("{\"category\":\"EDGE_AT_RISK\",\"riskTypes\":[\"UNSTABLE_EMPLOYMENT\"]}")
                .post("/api/v1/households/" + id + "/identification-cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        execute("update monitoring_case set deadline = current_date - 1 where id = '" + caseId + "'");
        admin().queryParam("overdue", true)
                .queryParam("division", TOWNSHIP)
                .queryParam("size", 500)
                .get("/api/v1/monitoring-cases")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(caseId))
                .body("items.find { it.id == '" + caseId + "' }.overdue", equalTo(true));
        step(clerk(), caseId, 0, "HOME_VERIFICATION", "FAILED", ",\"note\":\"核实后收入稳定，不符合条件\"")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        admin().queryParam("overdue", true)
                .queryParam("division", TOWNSHIP)
                .queryParam("size", 500)
                .get("/api/v1/monitoring-cases")
                .then()
                .body("items.id", not(hasItem(caseId)));
        assertEquals(
                "HOME_VERIFICATION",
                events(id, EventTypes.MONITORING_CASE_DECIDED)
                        .getFirst()
                        .get("failedStep")
                        .asText());
        admin().get("/api/v1/households/" + id).then().body("monitoring", equalTo(null));
    }

    @Test
    void riskEliminationIsRefusedWithReasonsUntilTheCriteriaHold() throws Exception {
        // monitored since this month, nothing verified: every criterion fails
        String fresh =
                register("""
                {"villageCode":"%s","monitoring":{"category":"EDGE_AT_RISK","riskTypes":["ILLNESS"],"riskState":"AT_RISK",
                 "identifiedYear":%d,"monitoredSince":"%s"},
                 "members":[{"name":"甲","idNumber":"%s","relation":"HEAD"}]}""".formatted(VILLAGE, today().getYear(), today(), Fixtures.idNumber("19550505", true)));
        clerk().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/households/" + fresh + "/elimination-cases")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "errors.code",
                        hasItems(
                                "MONITORED_TOO_SHORT",
                                "NO_INCOME_RECORD",
                                "NO_MEASURE",
                                "NOT_INSURED",
                                "HOUSING_UNSAFE",
                                "WATER_NOT_SECURED",
                                "NO_LABOR"));
        assertEquals(0, count("select count(*) from monitoring_case where household_id = '" + fresh + "'"));

        // monitored since January 2025, its 2025 income assessed in June 2025 above the line, everything secured
        String id = register(
                """
                {"villageCode":"%s",
                 "attributes":{"housingSafetyGrade":"B","drinkingWater":{"quantity":true,"quality":true,"convenience":true,"supplyGuarantee":true}},
                 "monitoring":{"category":"UNSTABLE_EXITED","riskTypes":["ILLNESS"],"riskState":"AT_RISK","identifiedYear":2025,"monitoredSince":"2025-01-15"},
                 "incomes":[{"year":2025,"wage":30000,"transfer":2000,"assessedOn":"2025-06-30"}],
                 "members":[{"name":"乙","idNumber":"%s","relation":"HEAD","attributes":{"laborAbility":"ORDINARY","medicalInsurance":"ENROLLED"}},
                            {"name":"丙","idNumber":"%s","relation":"SPOUSE","attributes":{"laborAbility":"WEAK","medicalInsurance":"ENROLLED"}}]}""".formatted(VILLAGE, Fixtures.idNumber("19700303", true), Fixtures.idNumber("19720404", false)));
        admin().get("/api/v1/households/" + id + "/elimination-check")
                .then()
                .statusCode(200)
                .body("met", equalTo(false))
                .body("unmet.code", equalTo(List.of("NO_MEASURE")));
        clerk().contentType(ContentType.JSON)
                .body("""
                        {"type":"EMPLOYMENT","description":"推荐到县内工业园区务工","responsibleCadres":[{"name":"李某","position":"驻村第一书记"}],
                         "startedOn":"%s"}""".formatted(today()))
                .post("/api/v1/households/" + id + "/measures")
                .then()
                .statusCode(201)
                .body("type", equalTo("EMPLOYMENT"));
        EventSchemas.assertValid(
                EventTypes.ASSISTANCE_MEASURE_ADDED,
                events(id, EventTypes.ASSISTANCE_MEASURE_ADDED).getFirst().toString());
        clerk().contentType(ContentType.JSON)
                .body("{\"cadreName\":\"李某\",\"visitedOn\":\"%s\",\"note\":\"了解务工收入\"}".formatted(today()))
                .post("/api/v1/households/" + id + "/visits")
                .then()
                .statusCode(201);
        admin().get("/api/v1/households/" + id + "/elimination-check").then().body("met", equalTo(true));

        String caseId = clerk().contentType(ContentType.JSON)
                .body("{\"reason\":\"务工收入稳定\"}")
                .post("/api/v1/households/" + id + "/elimination-cases")
                .then()
                .statusCode(201)
                .body("kind", equalTo("RISK_ELIMINATION"))
                .extract()
                .path("id");
        int version = 0;
        for (String step : PREPARATION) {
            step(clerk(), caseId, version++, step, "PASSED", "").then().statusCode(200);
        }
        String notice =
                clerk().get("/api/v1/monitoring-cases/" + caseId + "/notice").path("title");
        assertEquals("关于拟标注防止返贫监测对象风险消除的公示", notice);
        step(clerk(), caseId, version++, "PUBLIC_NOTICE", "PASSED", notice(today(), today().plusDays(5)))
                .then()
                .statusCode(200);
        clock.advance(Duration.ofDays(6));
        step(Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP), caseId, version++, "TOWNSHIP_REVIEW", "PASSED", "")
                .then()
                .statusCode(200);
        // the criteria are checked again at the decision: a member's insurance has lapsed meanwhile
        String spouse = admin().get("/api/v1/households/" + id).path("members[1].id");
        String householdVersion = admin().get("/api/v1/households/" + id).header("ETag");
        admin().contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", householdVersion)
                .body("{\"attributes\":{\"medicalInsurance\":\"NOT_ENROLLED\"}}")
                .patch("/api/v1/households/" + id + "/members/" + spouse)
                .then()
                .statusCode(200);
        step(admin(), caseId, version, "COUNTY_DECISION", "PASSED", "")
                .then()
                .statusCode(409)
                .body("errors[0].code", equalTo("NOT_INSURED"));
        admin().get("/api/v1/monitoring-cases/" + caseId).then().body("status", equalTo("OPEN"));
        householdVersion = admin().get("/api/v1/households/" + id).header("ETag");
        admin().contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", householdVersion)
                .body("{\"attributes\":{\"medicalInsurance\":\"ENROLLED\"},\"reason\":\"已补缴\"}")
                .patch("/api/v1/households/" + id + "/members/" + spouse)
                .then()
                .statusCode(200);
        step(admin(), caseId, version, "COUNTY_DECISION", "PASSED", "")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));

        admin().get("/api/v1/households/" + id)
                .then()
                .body("monitoring.riskState", equalTo("ELIMINATED"))
                .body("monitoring.riskEliminatedOn", equalTo(today().toString()))
                .body("monitoring.category", equalTo("UNSTABLE_EXITED"));
        JsonNode eliminated = events(id, EventTypes.RISK_ELIMINATED).getFirst();
        EventSchemas.assertValid(EventTypes.RISK_ELIMINATED, eliminated.toString());
        assertEquals(caseId, eliminated.get("caseId").asText());
        // eliminated, the household is no longer at risk: no second elimination
        clerk().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/households/" + id + "/elimination-cases")
                .then()
                .statusCode(409);
    }

    @Test
    void datesOfMonitoringAssistanceAndCluesLieNeitherAheadNorBeforeTheirRecord() throws Exception {
        long households = count("select count(*) from household");
        String monitoring = """
                {"villageCode":"%s","monitoring":{"category":"EDGE_AT_RISK","riskTypes":["ILLNESS"],"riskState":"%s",
                 "identifiedYear":2024,"monitoredSince":"%s"%s},
                 "members":[{"name":"壬","idNumber":"%s","relation":"HEAD"}]}""";
        // monitored since before the year it was identified in; eliminated before it was monitored
        admin().contentType(ContentType.JSON)
                .body(monitoring.formatted(VILLAGE, "AT_RISK", "2023-12-31", "", Fixtures.idNumber("19660101", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("monitoring.monitoredSince"))
                .body("errors[0].code", equalTo("BEFORE_YEAR"))
                .body("errors[0].message", containsString("2023-12-31"))
                .body("errors[0].message", containsString("2024-01-01"));
        admin().contentType(ContentType.JSON)
                .body(monitoring.formatted(
                        VILLAGE,
                        "ELIMINATED",
                        "2024-05-01",
                        ",\"riskEliminatedOn\":\"2024-04-30\"",
                        Fixtures.idNumber("19660202", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("monitoring.riskEliminatedOn"))
                .body("errors[0].code", equalTo("BEFORE_MONITORING"));
        assertEquals(households, count("select count(*) from household"));

        // measures and visits of a household registered today cannot have started before it, nor lie ahead
        String id = register(Fixtures.household(VILLAGE, Fixtures.idNumber("19660303", true)));
        String measure = """
                {"type":"HEALTH","description":"大病救助","responsibleCadres":[{"name":"李某"}],"startedOn":"%s"%s}""";
        clerk().contentType(ContentType.JSON)
                .body(measure.formatted(today().minusDays(1), ""))
                .post("/api/v1/households/" + id + "/measures")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("startedOn"))
                .body("errors[0].code", equalTo("BEFORE_HOUSEHOLD"))
                .body("errors[0].message", containsString(today().minusDays(1).toString()))
                .body("errors[0].message", containsString(today().toString()));
        clerk().contentType(ContentType.JSON)
                .body(measure.formatted(today().plusDays(1), ""))
                .post("/api/v1/households/" + id + "/measures")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("FUTURE"));
        clerk().contentType(ContentType.JSON)
                .body(measure.formatted(today(), ",\"endedOn\":\"" + today().minusDays(1) + "\""))
                .post("/api/v1/households/" + id + "/measures")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endedOn"))
                .body("errors[0].code", equalTo("BEFORE_START"));
        clerk().contentType(ContentType.JSON)
                .body("{\"cadreName\":\"李某\",\"visitedOn\":\"%s\",\"note\":\"走访\"}".formatted(today().minusDays(1)))
                .post("/api/v1/households/" + id + "/visits")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("visitedOn"))
                .body("errors[0].code", equalTo("BEFORE_HOUSEHOLD"));
        assertEquals(0, count("select count(*) from assistance_measure where household_id = '" + id + "'"));
        assertEquals(0, count("select count(*) from assistance_visit where household_id = '" + id + "'"));

        // a clue reported tomorrow: refused through the API, parked from another system
        clerk().contentType(ContentType.JSON)
                .body("""
                        {"source":"CADRE_VISIT","householdId":"%s","riskTypes":["ILLNESS"],"description":"入户排查",
                         "reportedOn":"%s"}""".formatted(id, today().plusDays(1)))
                .post("/api/v1/warning-clues")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reportedOn"))
                .body("errors[0].code", equalTo("FUTURE"))
                .body("errors[0].message", containsString(today().toString()));
        String ahead = "ahead-" + UUID.randomUUID();
        send(ahead, UUID.randomUUID().toString(), """
                {"externalRef":"%s","department":"县民政局","villageCode":"%s","riskTypes":["ILLNESS"],"description":"x",
                 "reportedOn":"%s"}""".formatted(ahead, VILLAGE, today().plusDays(1)));
        String reason = await().atMost(Duration.ofSeconds(30)).until(() -> parkedReason(ahead), r -> r != null);
        assertTrue(reason.contains("reportedOn " + today().plusDays(1) + " is later than today"), reason);
    }

    @Test
    void anOpenCaseAndItsCluesMoveWithTheHousehold() {
        String newVillage = "450422103202";
        Fixtures.division(admin(), newVillage, "新村", "VILLAGE", TOWNSHIP);
        String id = register(Fixtures.household(VILLAGE, Fixtures.idNumber("19770707", true)));
        String clue = clue(id, "CADRE_VISIT", "DISASTER", null).path("id");
        String caseId = clerk().contentType(ContentType.JSON)
                .body("{\"category\":\"SUDDEN_HARDSHIP\",\"riskTypes\":[\"DISASTER\"]}")
                .post("/api/v1/households/" + id + "/identification-cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        admin().contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"0\"")
                .body("{\"villageCode\":\"" + newVillage + "\",\"reason\":\"易地搬迁\"}")
                .patch("/api/v1/households/" + id)
                .then()
                .statusCode(200)
                .body("villageCode", equalTo(newVillage));
        admin().get("/api/v1/monitoring-cases/" + caseId).then().body("villageCode", equalTo(newVillage));
        admin().get("/api/v1/warning-clues/" + clue).then().body("villageCode", equalTo(newVillage));
        // the old village's clerk no longer sees them; the new village's does
        clerk().get("/api/v1/monitoring-cases/" + caseId).then().statusCode(404);
        Tokens.as(Roles.VILLAGE_CLERK, newVillage)
                .get("/api/v1/monitoring-cases/" + caseId)
                .then()
                .statusCode(200);
    }

    @Test
    void incomeMustHaveStayedAboveTheLineForSixMonths() throws Exception {
        String body = """
                {"villageCode":"%s",
                 "monitoring":{"category":"EDGE_AT_RISK","riskTypes":["UNSTABLE_EMPLOYMENT"],"riskState":"AT_RISK","identifiedYear":2025,"monitoredSince":"2025-02-01"},
                 "incomes":[{"year":2025,"wage":%d%s}],
                 "members":[{"name":"丁","idNumber":"%s","relation":"HEAD","attributes":{"laborAbility":"ORDINARY"}}]}""";
        // an income assessed only today proves nothing about the half year before
        String recent = register(body.formatted(VILLAGE, 20000, "", Fixtures.idNumber("19810101", true)));
        admin().get("/api/v1/households/" + recent + "/elimination-check")
                .then()
                .body("unmet.code", hasItem("NO_INCOME_RECORD"))
                .body("unmet.code", not(hasItem("MONITORED_TOO_SHORT")));
        // assessed long ago, but 7000 yuan is below the 2025 line of 7500
        String below = register(
                body.formatted(VILLAGE, 7000, ",\"assessedOn\":\"2025-06-01\"", Fixtures.idNumber("19820202", true)));
        admin().get("/api/v1/households/" + below + "/elimination-check")
                .then()
                .body("unmet.find { it.code == 'INCOME_BELOW_THRESHOLD' }.values[0]", equalTo(2025))
                .body("unmet.find { it.code == 'INCOME_BELOW_THRESHOLD' }.values[1]", equalTo("7000.00"))
                .body("unmet.find { it.code == 'INCOME_BELOW_THRESHOLD' }.values[2]", equalTo("7500"))
                .body("unmet.find { it.code == 'INCOME_BELOW_THRESHOLD' }.values[3]", equalTo("2025-06-01"));
    }

    @Test
    void aHouseholdEnteredWithItsHistoryIsJudgedOnTheDaysItsIncomesWereAssessed() throws Exception {
        LocalDate since = today().minusYears(1);
        LocalDate assessed = today().minusMonths(8);
        String body = """
                {"villageCode":"%s",
                 "attributes":{"housingSafetyGrade":"A","drinkingWater":{"quantity":true,"quality":true,"convenience":true,"supplyGuarantee":true}},
                 "monitoring":{"category":"EDGE_AT_RISK","riskTypes":["UNSTABLE_EMPLOYMENT"],"riskState":"AT_RISK","identifiedYear":%d,"monitoredSince":"%s"},
                 "incomes":[{"year":%d,"wage":36000,"transfer":1000,"assessedOn":"%s"}],
                 "members":[{"name":"庚","idNumber":"%s","relation":"HEAD","attributes":{"laborAbility":"ORDINARY","medicalInsurance":"ENROLLED"}},
                            {"name":"辛","idNumber":"%s","relation":"SPOUSE","attributes":{"laborAbility":"ORDINARY","medicalInsurance":"ENROLLED"}}]}""";
        // registered today, already monitored for a year, with an income assessed eight months ago above the line
        String id = register(body.formatted(
                VILLAGE,
                since.getYear(),
                since,
                assessed.getYear(),
                assessed,
                Fixtures.idNumber("19850505", true),
                Fixtures.idNumber("19860606", false)));
        admin().get("/api/v1/households/" + id)
                .then()
                .body("incomes[0].assessedOn", equalTo(assessed.toString()))
                .body("netIncomePerCapita", equalTo(18500.00f));
        measure(id);
        admin().get("/api/v1/households/" + id + "/elimination-check").then().body("met", equalTo(true));
        String caseId = clerk().contentType(ContentType.JSON)
                .body("{\"reason\":\"收入稳定\"}")
                .post("/api/v1/households/" + id + "/elimination-cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        walkToApproval(caseId);
        admin().get("/api/v1/households/" + id).then().body("monitoring.riskState", equalTo("ELIMINATED"));

        // the same household, but an income assessed two months ago is below the line: refused, naming its year
        String other = register(body.formatted(
                VILLAGE,
                since.getYear(),
                since,
                assessed.getYear(),
                assessed,
                Fixtures.idNumber("19870707", true),
                Fixtures.idNumber("19880808", false)));
        LocalDate recent = today().minusMonths(2);
        admin().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("""
                        {"income":{"year":%d,"wage":12000,"assessedOn":"%s"},"reason":"收入重新核定"}""".formatted(recent.getYear(), recent))
                .put("/api/v1/households/" + other + "/incomes/" + recent.getYear())
                .then()
                .statusCode(200);
        measure(other);
        admin().get("/api/v1/households/" + other + "/elimination-check")
                .then()
                .body("met", equalTo(false))
                .body("unmet.code", equalTo(List.of("INCOME_BELOW_THRESHOLD")))
                .body("unmet[0].values[0]", equalTo(recent.getYear()))
                .body("unmet[0].values[1]", equalTo("6000.00"))
                .body("unmet[0].values[3]", equalTo(recent.toString()));
        clerk().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/households/" + other + "/elimination-cases")
                .then()
                .statusCode(409)
                .body("errors[0].code", equalTo("INCOME_BELOW_THRESHOLD"))
                .body("errors[0].message", containsString(recent.getYear() + " 年人均纯收入 6000.00 元"));
        assertEquals(0, count("select count(*) from monitoring_case where household_id = '" + other + "'"));
    }

    @Test
    void eliminationJudgesIncomeAgainstTheLineIndicatorServiceSets() throws Exception {
        String village = "450422103203";
        Fixtures.division(admin(), village, "线村", "VILLAGE", TOWNSHIP);
        String body = """
                {"villageCode":"%s",
                 "monitoring":{"category":"EDGE_AT_RISK","riskTypes":["ILLNESS"],"riskState":"AT_RISK","identifiedYear":2025,"monitoredSince":"2025-02-01"},
                 "incomes":[{"year":%d,"wage":8500,"assessedOn":"%s"}],
                 "members":[{"name":"戊","idNumber":"%s","relation":"HEAD","attributes":{"laborAbility":"ORDINARY"}}]}""";
        String id = register(body.formatted(village, 2026, "2026-01-15", Fixtures.idNumber("19830303", true)));
        // 8500 a person in 2026 is above the county's line of 8000
        admin().get("/api/v1/households/" + id + "/elimination-check")
                .then()
                .body("unmet.criterion", not(hasItem("criteria.income")));

        // the village's own line of 2026 takes precedence over the county's
        MonitoringLineEvents.awaitTaken(
                dataSource, MonitoringLineEvents.send(village, 2026, "9000", Instant.parse("2026-03-01T00:00:00Z")));
        admin().get("/api/v1/households/" + id + "/elimination-check")
                .then()
                .body("unmet.find { it.code == 'INCOME_BELOW_THRESHOLD' }.values[0]", equalTo(2026))
                .body("unmet.find { it.code == 'INCOME_BELOW_THRESHOLD' }.values[1]", equalTo("8500.00"))
                .body("unmet.find { it.code == 'INCOME_BELOW_THRESHOLD' }.values[2]", equalTo("9000"));
        // set again for the same region and year, the later value replaces it, with when and by whom; an earlier
        // setting arriving late does not undo it
        MonitoringLineEvents.awaitTaken(
                dataSource, MonitoringLineEvents.send(village, 2026, "8400", Instant.parse("2026-04-01T00:00:00Z")));
        MonitoringLineEvents.awaitTaken(
                dataSource, MonitoringLineEvents.send(village, 2026, "9900", Instant.parse("2026-02-01T00:00:00Z")));
        assertEquals(
                1,
                count("select count(*) from monitoring_line where region_code = '" + village
                        + "' and year = 2026 and value = 8400 and set_at = '2026-04-01T00:00:00Z'"
                        + " and set_by = 'test-county-admin' and note = '测试用监测范围'"));
        admin().get("/api/v1/households/" + id + "/elimination-check")
                .then()
                .body("unmet.criterion", not(hasItem("criteria.income")));

        // no line applies to 2024 here: the reason names the region and the year and where the line is set
        String early = register(body.formatted(village, 2024, "2024-12-31", Fixtures.idNumber("19840404", true)));
        admin().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/households/" + early + "/elimination-cases")
                .then()
                .statusCode(409)
                .body("errors.find { it.code == 'NO_THRESHOLD' }.field", equalTo("criteria.income"))
                .body("errors.find { it.code == 'NO_THRESHOLD' }.message", containsString(village + " 2024 年"))
                .body("errors.find { it.code == 'NO_THRESHOLD' }.message", containsString("setStandardParameter"))
                .body("errors.find { it.code == 'NO_THRESHOLD' }.message", containsString("monitoringThreshold"));

        // a line that is not one is parked with the reason, and changes nothing
        String bad = MonitoringLineEvents.sendInvalid("4504", 2026, "8000");
        MonitoringLineEvents.awaitTaken(dataSource, bad);
        assertTrue(parkedReason("4504:2026").contains("not a division code prefix"));
        assertEquals(0, count("select count(*) from monitoring_line where region_code = '4504'"));
    }

    /** An assistance measure started today. */
    private void measure(String householdId) {
        clerk().contentType(ContentType.JSON)
                .body("""
                        {"type":"EMPLOYMENT","description":"推荐到县内工业园区务工","responsibleCadres":[{"name":"李某"}],
                         "startedOn":"%s"}""".formatted(today()))
                .post("/api/v1/households/" + householdId + "/measures")
                .then()
                .statusCode(201);
    }

    /** Every review step of an open case in order, each by the level that holds it, up to the county's approval. */
    private void walkToApproval(String caseId) {
        int version = 0;
        for (String step : PREPARATION) {
            step(clerk(), caseId, version++, step, "PASSED", "").then().statusCode(200);
        }
        step(clerk(), caseId, version++, "PUBLIC_NOTICE", "PASSED", notice(today(), today().plusDays(4)))
                .then()
                .statusCode(200);
        // the notice runs its five days
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        step(Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP), caseId, version++, "TOWNSHIP_REVIEW", "PASSED", "")
                .then()
                .statusCode(200);
        step(admin(), caseId, version, "COUNTY_DECISION", "PASSED", "")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    /** A step performed today. */
    private Response step(
            RequestSpecification caller, String caseId, int version, String step, String outcome, String extra) {
        return step(caller, caseId, version, step, outcome, extra, today());
    }

    private static Response step(
            RequestSpecification caller,
            String caseId,
            int version,
            String step,
            String outcome,
            String extra,
            LocalDate performedOn) {
        return caller.contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body("{\"step\":\"%s\",\"outcome\":\"%s\",\"performedOn\":\"%s\"%s}"
                        .formatted(step, outcome, performedOn, extra))
                .post("/api/v1/monitoring-cases/" + caseId + "/steps");
    }

    /** The period of a village notice, as a step's extra fields. */
    private static String notice(LocalDate from, LocalDate to) {
        return ",\"noticeFrom\":\"%s\",\"noticeTo\":\"%s\"".formatted(from, to);
    }

    private Response clue(String householdId, String source, String riskType, String reference) {
        return clerk().contentType(ContentType.JSON)
                .body("""
                        {"source":"%s","householdId":"%s","riskTypes":["%s"],"description":"入户排查发现风险",
                         "reportedOn":"%s"%s%s}""".formatted(
                                source,
                                householdId,
                                riskType,
                                today(),
                                reference == null ? "" : ",\"externalRef\":\"" + reference + "\"",
                                reference == null ? "" : ",\"department\":\"县教育局\""))
                .post("/api/v1/warning-clues");
    }

    private static String register(String body) {
        return admin().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static RequestSpecification admin() {
        return Tokens.as(Roles.COUNTY_ADMIN, "450422");
    }

    private static RequestSpecification clerk() {
        return Tokens.as(Roles.VILLAGE_CLERK, VILLAGE);
    }

    /** Today by the service's clock. */
    private LocalDate today() {
        return clock.today();
    }

    /** The reason an event of this key was parked as a dead letter, or null while it is not. */
    private String parkedReason(String key) throws Exception {
        try (var c = dataSource.getConnection();
                var q = c.prepareStatement(
                        "select reason from dead_letter where record_key = ? and state = 'PARKED'")) {
            q.setString(1, key);
            try (var rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void send(String key, String eventId, String data) {
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.CLUE_INTAKE,
                key,
                eventId,
                Topics.CLUE_REPORTED,
                "/medical-insurance",
                data);
    }

    private static void sendDetected(String key, String eventId, String data) {
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.INDICATOR_EVENTS,
                key,
                eventId,
                EventTypes.RISK_DETECTED,
                "/indicator-service",
                data);
    }

    private List<JsonNode> events(String householdId, String type) throws Exception {
        return Outboxes.events(dataSource, mapper, householdId, type);
    }

    private void execute(String sql) throws Exception {
        Outboxes.execute(dataSource, sql);
    }

    private long count(String sql) throws Exception {
        return Outboxes.count(dataSource, sql);
    }
}
