package cn.ruralwatch.household;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 问题整改 as seed 003 reports it: the township claims the problems the provincial post-assessment fed back (认领3个方面13个
 * 问题, here 2 aspects and 3 problems) and those of the national one, rectifies them with evidence, lists those past
 * their deadline, and sums them up per source in the report's words; a problem found in a work team inspection is
 * registered against the inspection.
 */
@QuarkusTest
class RectificationTest {

    /** A township of its own, so that its lists and summary hold exactly what this test records. */
    static final String TOWNSHIP = "450422131";

    static final String VILLAGE = "450422131201";
    static final String OTHER_VILLAGE = "450422131202";

    /** The township of the inspection's problems. */
    static final String TEAM_TOWNSHIP = "450422134";

    static final String TEAM_VILLAGE = "450422134201";
    static final String TEAM_OTHER_VILLAGE = "450422134202";

    static final String PROVINCIAL_DOCUMENT = "冶农组发〔2023〕2号";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    TestClock clock;

    @BeforeEach
    void divisions() {
        clock.reset();
        RestAssured.requestSpecification = null;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.village(admin(), VILLAGE);
        Fixtures.division(admin(), OTHER_VILLAGE, "测试二村", "VILLAGE", TOWNSHIP);
        Fixtures.village(admin(), TEAM_VILLAGE);
        Fixtures.division(admin(), TEAM_OTHER_VILLAGE, "测试二村", "VILLAGE", TEAM_TOWNSHIP);
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void problemsAreClaimedClosedWithEvidenceListedWhenOverdueAndSummedUpBySource() throws Exception {
        at(2023, 5, 10);
        Response claimed = township()
                .body(problem(TOWNSHIP, "PROVINCIAL_POST_ASSESSMENT", PROVINCIAL_DOCUMENT, "“三保障”和饮水安全", null))
                .post("/api/v1/rectifications");
        claimed.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/rectifications/"))
                .header("ETag", "\"0\"")
                .body("regionCode", equalTo(TOWNSHIP))
                .body("regionName", equalTo("测试镇"))
                .body("source", equalTo("PROVINCIAL_POST_ASSESSMENT"))
                .body("sourceLabel", equalTo("省级后评估"))
                .body("sourceDocument", equalTo(PROVINCIAL_DOCUMENT))
                .body("description", equalTo("部分监测户帮扶措施针对性不强"))
                .body("ownerUnit", equalTo("镇乡村振兴办公室"))
                .body("ownerPerson", equalTo("王某"))
                .body("deadline", equalTo("2023-06-30"))
                .body("status", equalTo("OPEN"))
                .body("statusLabel", equalTo("未整改"))
                .body("overdue", equalTo(false));
        String first = claimed.path("id");
        String second = claim(TOWNSHIP, "PROVINCIAL_POST_ASSESSMENT", PROVINCIAL_DOCUMENT, "“三保障”和饮水安全");
        String third = claim(VILLAGE, "PROVINCIAL_POST_ASSESSMENT", PROVINCIAL_DOCUMENT, "产业和就业帮扶");
        String national = claim(TOWNSHIP, "NATIONAL_POST_ASSESSMENT", "国家考核评估反馈问题整改方案", null);
        String nationalToo = claim(VILLAGE, "NATIONAL_POST_ASSESSMENT", "国家考核评估反馈问题整改方案", null);
        assertEquals(
                1,
                count("select count(*) from rectification where id = '" + first
                        + "' and status = 'OPEN' and region_code = '" + TOWNSHIP + "'"));
        JsonNode registered = Outboxes.events(dataSource, mapper, first, EventTypes.RECTIFICATION_REGISTERED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.RECTIFICATION_REGISTERED, registered.toString());
        assertEquals("PROVINCIAL_POST_ASSESSMENT", registered.get("source").asText());
        assertFalse(
                registered.toString().contains("监测户") || registered.toString().contains("王某"));
        assertEquals(1, auditEntries(first, "CREATE"));

        // bad input is refused and nothing stored
        long before = count("select count(*) from rectification");
        refused(township().body(problem(TOWNSHIP + "299", "SELF_CHECK", "自查", null, null)), "regionCode", "UNKNOWN");
        refused(township().body(problem("4504221", "SELF_CHECK", "自查", null, null)), "regionCode", null);
        refused(township().body(problem(TOWNSHIP, "GOSSIP", "自查", null, null)), null, null);
        refused(
                township()
                        .body(problem(TOWNSHIP, "SELF_CHECK", "自查", null, null).replace("2023-06-30", "2023-05-09")),
                "deadline",
                "BEFORE_FOUND");
        refused(
                township()
                        .body(problem(TOWNSHIP, "SELF_CHECK", "自查", null, null).replace("2023-05-10", "2023-05-11")),
                "foundOn",
                "FUTURE");
        township()
                .body(problem("450422130", "SELF_CHECK", "自查", null, null))
                .post("/api/v1/rectifications")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertEquals(before, count("select count(*) from rectification"));

        // rectification starts on one national problem, with If-Match; RECTIFIED only through the closure
        String update = """
                {"description":"部分监测户帮扶措施针对性不强","ownerUnit":"镇乡村振兴办公室","ownerPerson":"王某",
                 "deadline":"%s","measures":"逐户核实，调整帮扶措施","status":"%s"}""";
        township()
                .body(update.formatted("2023-06-30", "IN_PROGRESS"))
                .put("/api/v1/rectifications/" + national)
                .then()
                .statusCode(428);
        township()
                .header("If-Match", "\"3\"")
                .body(update.formatted("2023-06-30", "IN_PROGRESS"))
                .put("/api/v1/rectifications/" + national)
                .then()
                .statusCode(412);
        updateRefused(national, update.formatted("2023-06-30", "RECTIFIED"), "status", "CLOSURE_REQUIRED");
        updateRefused(national, update.formatted("2023-05-01", "IN_PROGRESS"), "deadline", "BEFORE_FOUND");
        township()
                .header("If-Match", "\"0\"")
                .body(update.formatted("2023-06-30", "IN_PROGRESS"))
                .put("/api/v1/rectifications/" + national)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("IN_PROGRESS"))
                .body("statusLabel", equalTo("整改中"))
                .body("measures", equalTo("逐户核实，调整帮扶措施"));
        EventSchemas.assertValid(
                EventTypes.RECTIFICATION_CHANGED,
                Outboxes.events(dataSource, mapper, national, EventTypes.RECTIFICATION_CHANGED)
                        .getFirst()
                        .toString());
        assertEquals(1, auditEntries(national, "UPDATE"));

        // June: the provincial problems are closed with evidence
        at(2023, 6, 20);
        String closure = "{\"rectifiedOn\":\"%s\",\"evidence\":%s}";
        closureRefused(first, closure.formatted("2023-06-20", "\"\""), "evidence");
        closureRefused(first, closure.formatted("2023-06-20", "null"), "evidence");
        closureRefused(first, closure.formatted("2023-06-21", "\"见台账\""), "rectifiedOn");
        closureRefused(first, closure.formatted("2023-05-09", "\"见台账\""), "rectifiedOn");
        for (String id : List.of(first, second, third)) {
            township()
                    .header("If-Match", "\"0\"")
                    .body(closure.formatted("2023-06-20", "\"已逐户核实，调整帮扶措施 12 项，见镇整改台账\""))
                    .post("/api/v1/rectifications/" + id + "/closure")
                    .then()
                    .statusCode(200)
                    .header("ETag", "\"1\"")
                    .body("status", equalTo("RECTIFIED"))
                    .body("statusLabel", equalTo("已完成整改"))
                    .body("rectifiedOn", equalTo("2023-06-20"))
                    .body("evidence", equalTo("已逐户核实，调整帮扶措施 12 项，见镇整改台账"));
        }
        JsonNode closed = Outboxes.events(dataSource, mapper, first, EventTypes.RECTIFICATION_CLOSED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.RECTIFICATION_CLOSED, closed.toString());
        assertTrue(closed.get("onTime").asBoolean());
        assertFalse(closed.toString().contains("台账"));
        assertEquals(
                1,
                count("select count(*) from rectification where id = '" + first
                        + "' and status = 'RECTIFIED' and rectified_on = '2023-06-20' and evidence like '%台账%'"));
        township()
                .header("If-Match", "\"1\"")
                .body(closure.formatted("2023-06-20", "\"again\""))
                .post("/api/v1/rectifications/" + first + "/closure")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        township()
                .header("If-Match", "\"1\"")
                .body(update.formatted("2023-06-30", "OPEN"))
                .put("/api/v1/rectifications/" + first)
                .then()
                .statusCode(409);
        // a village clerk reads the township's problems but closes only the village's own
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(closure.formatted("2023-06-20", "\"见台账\""))
                .post("/api/v1/rectifications/" + national + "/closure")
                .then()
                .statusCode(403);
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE)
                .queryParam("status", "RECTIFIED")
                .get("/api/v1/rectifications")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3));
        Tokens.as(Roles.VILLAGE_CLERK, OTHER_VILLAGE)
                .get("/api/v1/rectifications/" + third)
                .then()
                .statusCode(404);

        // 5 July: both national problems are past their deadline of 30 June
        at(2023, 7, 5);
        township()
                .queryParam("division", TOWNSHIP)
                .get("/api/v1/rectifications/overdue")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", equalTo(List.of(national, nationalToo)))
                .body("items[0].daysOverdue", equalTo(5))
                .body("items[0].sourceLabel", equalTo("国家后评估"))
                .body("items[0].status", equalTo("IN_PROGRESS"));
        township()
                .get("/api/v1/rectifications/" + nationalToo)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("overdue", equalTo(true));
        township()
                .queryParam("asOf", "2023-06-30")
                .get("/api/v1/rectifications/overdue")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        township()
                .queryParam("asOf", "2023-07-06")
                .get("/api/v1/rectifications/overdue")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));

        // the report's sentence (seed 003: 认领3个方面13个问题…均已完成整改)
        township()
                .queryParam("division", TOWNSHIP)
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2023-12-31")
                .get("/api/v1/rectifications/summary")
                .then()
                .statusCode(200)
                .body("regionName", equalTo("测试镇"))
                .body("asOf", equalTo("2023-07-05"))
                .body("sources.size()", equalTo(2))
                .body("sources[0].source", equalTo("PROVINCIAL_POST_ASSESSMENT"))
                .body("sources[0].documents", equalTo(1))
                .body("sources[0].aspects", equalTo(2))
                .body("sources[0].problems", equalTo(3))
                .body("sources[0].rectified", equalTo(3))
                .body("sources[1].source", equalTo("NATIONAL_POST_ASSESSMENT"))
                .body("sources[1].problems", equalTo(2))
                .body("sources[1].inProgress", equalTo(1))
                .body("sources[1].open", equalTo(1))
                .body("sources[1].overdue", equalTo(2))
                .body("total.problems", equalTo(5))
                .body("total.rectified", equalTo(3))
                .body("total.documents", equalTo(2))
                .body("text", equalTo("省级后评估认领2个方面3个问题，均已完成整改；" + "国家后评估认领2个问题，已完成整改0个，整改中1个，未整改1个，其中逾期2个。"));
        // a village's summary counts its own problems only
        Tokens.as(Roles.AUDITOR, VILLAGE)
                .get("/api/v1/rectifications/summary")
                .then()
                .statusCode(200)
                .body("total.problems", equalTo(2))
                .body("text", equalTo("省级后评估认领1个方面1个问题，均已完成整改；国家后评估认领1个问题，已完成整改0个，未整改1个，其中逾期1个。"));
        township()
                .queryParam("from", "2023-12-31")
                .queryParam("to", "2023-01-01")
                .get("/api/v1/rectifications/summary")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        township()
                .queryParam("source", "GOSSIP")
                .get("/api/v1/rectifications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("source"));
        Tokens.as(Roles.OPERATOR, TOWNSHIP)
                .get("/api/v1/rectifications/summary")
                .then()
                .statusCode(403);
    }

    @Test
    void aProblemFoundInAWorkTeamInspectionIsRegisteredAgainstIt() throws Exception {
        at(2023, 9, 12);
        RequestSpecification officer = Tokens.as(Roles.TOWNSHIP_OFFICER, TEAM_TOWNSHIP);
        String team = officer.contentType(ContentType.JSON)
                .body(WorkTeamTest.team(
                        TEAM_VILLAGE, "2023-03-01", WorkTeamTest.member("覃某", "13912345678", "FIRST_SECRETARY")))
                .post("/api/v1/work-teams")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String inspection = Tokens.as(Roles.TOWNSHIP_OFFICER, TEAM_TOWNSHIP)
                .contentType(ContentType.JSON)
                .body("""
                        {"inspectedOn":"2023-09-12","kind":"SPOT_CHECK","inspectingBody":"镇乡村振兴办公室",
                         "findings":["驻村考勤记录不全"],"outcome":"ADMONISHED"}""")
                .post("/api/v1/work-teams/" + team + "/inspections")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String linked = "\"inspectionId\":\"%s\"";
        Response registered = teamTownship()
                .body(problem(TEAM_VILLAGE, "INSPECTION", "镇督查通报", null, linked.formatted(inspection)))
                .post("/api/v1/rectifications");
        registered
                .then()
                .statusCode(201)
                .body("inspectionId", equalTo(inspection))
                .body("sourceLabel", equalTo("督查"));
        String id = registered.path("id");
        JsonNode event = Outboxes.events(dataSource, mapper, id, EventTypes.RECTIFICATION_REGISTERED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.RECTIFICATION_REGISTERED, event.toString());
        assertEquals(inspection, event.get("inspectionId").asText());
        teamTownship()
                .queryParam("inspectionId", inspection)
                .get("/api/v1/rectifications")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(id));

        // the source must be the inspection, the inspection known and within the region claiming the problem
        long before = count("select count(*) from rectification");
        refused(
                teamTownship().body(problem(TEAM_VILLAGE, "SELF_CHECK", "镇督查通报", null, linked.formatted(inspection))),
                "source",
                "NOT_INSPECTION");
        refused(
                teamTownship()
                        .body(problem(TEAM_VILLAGE, "INSPECTION", "镇督查通报", null, linked.formatted(UUID.randomUUID()))),
                "inspectionId",
                "UNKNOWN");
        refused(
                teamTownship()
                        .body(problem(TEAM_OTHER_VILLAGE, "INSPECTION", "镇督查通报", null, linked.formatted(inspection))),
                "inspectionId",
                "OUTSIDE_REGION");
        // an inspection of another township is unknown to this one
        refused(
                township().body(problem(TOWNSHIP, "INSPECTION", "镇督查通报", null, linked.formatted(inspection))),
                "inspectionId",
                "UNKNOWN");
        assertEquals(before, count("select count(*) from rectification"));
    }

    @Test
    void everyEndpointIsDocumentedWithItsExamples() {
        ValidatableResponse doc = RestAssured.given()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/rectifications'.post.operationId", equalTo("registerRectification"))
                .body("paths.'/api/v1/rectifications'.get.operationId", equalTo("listRectifications"))
                .body("paths.'/api/v1/rectifications/{id}'.get.operationId", equalTo("getRectification"))
                .body("paths.'/api/v1/rectifications/{id}'.put.operationId", equalTo("updateRectification"))
                .body("paths.'/api/v1/rectifications/{id}/closure'.post.operationId", equalTo("closeRectification"))
                .body("paths.'/api/v1/rectifications/overdue'.get.operationId", equalTo("listOverdueRectifications"))
                .body("paths.'/api/v1/rectifications/summary'.get.operationId", equalTo("getRectificationSummary"));
        for (String path : List.of(
                "'/api/v1/rectifications'.post",
                "'/api/v1/rectifications/{id}'.put",
                "'/api/v1/rectifications/{id}/closure'.post")) {
            doc.body("paths." + path + ".requestBody.content.'application/json'.examples", not(nullValue()));
        }
    }

    private void at(int year, int month, int day) {
        clock.at(ZonedDateTime.of(LocalDate.of(year, month, day), LocalTime.of(9, 0), ChinaTime.ZONE));
    }

    private String claim(String region, String source, String document, String aspect) {
        return township()
                .body(problem(region, source, document, aspect, null))
                .post("/api/v1/rectifications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String problem(String region, String source, String document, String aspect, String extra) {
        return """
                {"regionCode":"%s","source":"%s","sourceDocument":"%s",%s"description":"部分监测户帮扶措施针对性不强",
                 "ownerUnit":"镇乡村振兴办公室","ownerPerson":"王某","foundOn":"2023-05-10","deadline":"2023-06-30",
                 "measures":"逐户核实"%s}""".formatted(
                        region,
                        source,
                        document,
                        aspect == null ? "" : "\"aspect\":\"" + aspect.replace("\"", "\\\"") + "\",",
                        extra == null ? "" : "," + extra);
    }

    private void refused(RequestSpecification request, String field, String code) {
        var response =
                request.post("/api/v1/rectifications").then().statusCode(400).contentType("application/problem+json");
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
        if (code != null) {
            response.body("errors.code", hasItem(code));
        }
    }

    private void updateRefused(String id, String body, String field, String code) {
        township()
                .header("If-Match", "\"0\"")
                .body(body)
                .put("/api/v1/rectifications/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(code));
    }

    private void closureRefused(String id, String body, String field) {
        township()
                .header("If-Match", "\"0\"")
                .body(body)
                .post("/api/v1/rectifications/" + id + "/closure")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private long auditEntries(String entityId, String action) throws Exception {
        return count("select count(*) from outbox_event where topic = 'audit-events' and payload ->> 'entityId' = '"
                + entityId + "' and payload ->> 'action' = '" + action + "'");
    }

    private long count(String sql) throws Exception {
        return Outboxes.count(dataSource, sql);
    }

    private static RequestSpecification admin() {
        return Tokens.as(Roles.COUNTY_ADMIN, "450422");
    }

    private static RequestSpecification township() {
        return Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP).contentType(ContentType.JSON);
    }

    private static RequestSpecification teamTownship() {
        return Tokens.as(Roles.TOWNSHIP_OFFICER, TEAM_TOWNSHIP).contentType(ContentType.JSON);
    }
}
