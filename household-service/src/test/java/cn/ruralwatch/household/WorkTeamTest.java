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
import cn.ruralwatch.testing.Rows;
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
 * 驻村工作队 and 第一书记 as a township runs them (seed 003 二(二)): a team per village with its members' phones masked by
 * role, the August rotation with who served when, the training of the rotated members, the monthly discipline
 * inspections with their 通报批评, the monthly guidance notices, and the villages left without a team or a 第一书记.
 */
@QuarkusTest
class WorkTeamTest {

    /** A township of its own, so that its lists hold exactly what this test records. */
    static final String TOWNSHIP = "450422130";

    static final String VILLAGE = "450422130201";
    static final String OTHER_VILLAGE = "450422130202";
    static final String THIRD_VILLAGE = "450422130203";

    /** The township of the uncovered-villages list. */
    static final String LIST_TOWNSHIP = "450422133";

    static final String ELSEWHERE = "450422132201";

    static final String PHONE = "13912345678";

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
        Fixtures.division(admin(), THIRD_VILLAGE, "测试三村", "VILLAGE", TOWNSHIP);
        Fixtures.village(admin(), ELSEWHERE);
        Fixtures.village(admin(), LIST_TOWNSHIP + "201");
        Fixtures.division(admin(), LIST_TOWNSHIP + "202", "测试二村", "VILLAGE", LIST_TOWNSHIP);
        Fixtures.division(admin(), LIST_TOWNSHIP + "203", "测试三村", "VILLAGE", LIST_TOWNSHIP);
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void aTeamIsSentWithPhonesMaskedAndItsFirstSecretaryRotatesWithHistoryKept() throws Exception {
        at(2023, 3, 1);
        Response formed = township()
                .body(team(
                        VILLAGE,
                        "2023-03-01",
                        member("陈某某", PHONE, "FIRST_SECRETARY"),
                        member("李某", "13712345678", "MEMBER")))
                .post("/api/v1/work-teams");
        formed.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/work-teams/"))
                .header("ETag", "\"0\"")
                .body("villageCode", equalTo(VILLAGE))
                .body("villageName", equalTo("测试村"))
                .body("dispatchingUnit", equalTo("市财政局"))
                .body("formedOn", equalTo("2023-03-01"))
                .body("firstSecretaryName", equalTo("陈某某"))
                .body("current.size()", equalTo(2))
                .body("current.find { it.role == 'FIRST_SECRETARY' }.roleLabel", equalTo("第一书记"))
                // a township officer sees phones masked, as the cadres'
                .body("current.find { it.role == 'FIRST_SECRETARY' }.phone", equalTo("139****5678"))
                .body("current.find { it.role == 'FIRST_SECRETARY' }.joinsOn", equalTo("2023-03-01"));
        String team = formed.path("id");
        String secretary = formed.path("current.find { it.role == 'FIRST_SECRETARY' }.id");

        // encrypted at rest
        String cipher =
                Rows.text(dataSource, "select phone_cipher from work_team_member where id = '" + secretary + "'");
        assertFalse(cipher.contains(PHONE), cipher);
        assertEquals(2, count("select count(*) from work_team_member where team_id = '" + team + "'"));

        JsonNode formedEvent = Outboxes.events(dataSource, mapper, team, EventTypes.WORK_TEAM_FORMED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.WORK_TEAM_FORMED, formedEvent.toString());
        assertEquals(2, formedEvent.get("members").asInt());
        assertTrue(formedEvent.get("firstSecretary").asBoolean());
        assertFalse(
                formedEvent.toString().contains("陈某某") || formedEvent.toString().contains("5678"));
        assertEquals(1, auditEntries(team, "CREATE"));
        assertEquals(
                1,
                count("select count(*) from outbox_event where topic = 'audit-events' and payload ->> 'entityId' = '"
                        + team + "' and payload::text like '%139****5678%' and payload::text not like '%" + PHONE
                        + "%'"));

        // the county sees phones in full, and the read is audited; an auditor sees them masked
        admin().get("/api/v1/work-teams/" + team)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("current.find { it.role == 'FIRST_SECRETARY' }.phone", equalTo(PHONE));
        assertEquals(1, auditEntries(team, "READ_UNMASKED"));
        Tokens.as(Roles.AUDITOR, TOWNSHIP)
                .get("/api/v1/work-teams/" + team)
                .then()
                .statusCode(200)
                .body("current.find { it.role == 'FIRST_SECRETARY' }.phone", equalTo("139****5678"));
        Tokens.as(Roles.VILLAGE_CLERK, OTHER_VILLAGE)
                .get("/api/v1/work-teams/" + team)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Tokens.as(Roles.OPERATOR, TOWNSHIP)
                .get("/api/v1/work-teams/" + team)
                .then()
                .statusCode(403);

        // one team per village; bad input refused and nothing stored
        township()
                .body(team(VILLAGE, "2023-03-01", member("张某", PHONE, "MEMBER")))
                .post("/api/v1/work-teams")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        long teams = count("select count(*) from work_team");
        refused(township().body(team(TOWNSHIP, "2023-03-01", member("张某", PHONE, "MEMBER"))), "villageCode", null);
        refused(
                township().body(team(TOWNSHIP + "299", "2023-03-01", member("张某", PHONE, "MEMBER"))),
                "villageCode",
                "UNKNOWN");
        refused(
                township()
                        .body(team(
                                OTHER_VILLAGE,
                                "2023-03-01",
                                member("张某", PHONE, "FIRST_SECRETARY"),
                                member("王某", PHONE, "FIRST_SECRETARY"))),
                "members[1].role",
                "DUPLICATE_ROLE");
        refused(
                township().body(team(OTHER_VILLAGE, "2023-03-01", member("张某", "139-1234", "MEMBER"))),
                "members[0].phone",
                null);
        refused(
                township().body(team(OTHER_VILLAGE, "2023-03-02", member("张某", PHONE, "MEMBER"))),
                "formedOn",
                "FUTURE");
        township()
                .body(team(ELSEWHERE, "2023-03-01", member("张某", PHONE, "MEMBER")))
                .post("/api/v1/work-teams")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertEquals(teams, count("select count(*) from work_team"));

        // August: the first secretary rotates out, the successor joins the same day (seed 003: 8月份组织了轮换)
        at(2023, 8, 15);
        String rotation = """
                {"memberId":"%s","leftOn":"2023-08-15","reason":"派驻期满轮换","successor":%s}""".formatted(secretary, member("黄某", "13612345678", "FIRST_SECRETARY"));
        township()
                .body(rotation)
                .post("/api/v1/work-teams/" + team + "/rotations")
                .then()
                .statusCode(428);
        township()
                .header("If-Match", "\"5\"")
                .body(rotation)
                .post("/api/v1/work-teams/" + team + "/rotations")
                .then()
                .statusCode(412);
        Response rotated =
                township().header("If-Match", "\"0\"").body(rotation).post("/api/v1/work-teams/" + team + "/rotations");
        rotated.then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("firstSecretaryName", equalTo("黄某"))
                .body("current.size()", equalTo(2))
                .body("history.size()", equalTo(3))
                .body("history.find { it.id == '" + secretary + "' }.leavesOn", equalTo("2023-08-15"))
                .body("history.find { it.id == '" + secretary + "' }.leaveReason", equalTo("派驻期满轮换"))
                .body("history.find { it.id == '" + secretary + "' }.current", equalTo(false))
                .body("current.find { it.role == 'FIRST_SECRETARY' }.predecessorId", equalTo(secretary))
                .body("current.find { it.role == 'FIRST_SECRETARY' }.joinsOn", equalTo("2023-08-15"));
        String successor = rotated.path("current.find { it.role == 'FIRST_SECRETARY' }.id");
        assertEquals(
                1,
                count("select count(*) from work_team_member where id = '" + secretary
                        + "' and leaves_on = '2023-08-15'"));
        JsonNode rotatedEvent = Outboxes.events(dataSource, mapper, team, EventTypes.WORK_TEAM_MEMBER_ROTATED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.WORK_TEAM_MEMBER_ROTATED, rotatedEvent.toString());
        assertEquals(secretary, rotatedEvent.get("memberId").asText());
        assertEquals(successor, rotatedEvent.get("successorId").asText());
        assertFalse(rotatedEvent.toString().contains("黄某"));
        assertEquals(1, auditEntries(successor, "CREATE"));
        assertEquals(1, auditEntries(secretary, "UPDATE"));

        // refusals: the member who left, one unknown, a day before they joined; a second 第一书记
        rotationRefused(team, "\"1\"", secretary, "2023-08-15", "memberId", "NOT_CURRENT");
        rotationRefused(team, "\"1\"", UUID.randomUUID().toString(), "2023-08-15", "memberId", "UNKNOWN");
        rotationRefused(team, "\"1\"", successor, "2023-08-14", "leftOn", "BEFORE_JOINING");
        township()
                .header("If-Match", "\"1\"")
                .body("{\"member\":%s,\"joinsOn\":\"2023-08-15\"}".formatted(member("韦某", PHONE, "FIRST_SECRETARY")))
                .post("/api/v1/work-teams/" + team + "/members")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        township()
                .header("If-Match", "\"1\"")
                .body("{\"member\":%s,\"joinsOn\":\"2023-02-28\"}".formatted(member("韦某", PHONE, "LEADER")))
                .post("/api/v1/work-teams/" + team + "/members")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("joinsOn"))
                .body("errors[0].code", equalTo("BEFORE_FORMED"));
        township()
                .header("If-Match", "\"1\"")
                .body("{\"member\":%s,\"joinsOn\":\"2023-08-01\"}".formatted(member("韦某", PHONE, "LEADER")))
                .post("/api/v1/work-teams/" + team + "/members")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/work-teams/" + team))
                .header("ETag", "\"2\"")
                .body("current.size()", equalTo(3))
                .body("current.find { it.role == 'LEADER' }.roleLabel", equalTo("队长"));
        EventSchemas.assertValid(
                EventTypes.WORK_TEAM_MEMBER_JOINED,
                Outboxes.events(dataSource, mapper, team, EventTypes.WORK_TEAM_MEMBER_JOINED)
                        .getFirst()
                        .toString());

        // the team's term, with If-Match; forming after its first member joined is refused
        String update = "{\"dispatchingUnit\":\"市财政局\",\"formedOn\":\"%s\",\"termEndsOn\":\"2026-02-28\"}";
        township()
                .header("If-Match", "\"2\"")
                .body(update.formatted("2023-03-02"))
                .put("/api/v1/work-teams/" + team)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("formedOn"))
                .body("errors[0].code", equalTo("AFTER_FIRST_MEMBER"));
        township()
                .header("If-Match", "\"2\"")
                .body(update.formatted("2023-03-01"))
                .put("/api/v1/work-teams/" + team)
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("termEndsOn", equalTo("2026-02-28"));
        EventSchemas.assertValid(
                EventTypes.WORK_TEAM_CHANGED,
                Outboxes.events(dataSource, mapper, team, EventTypes.WORK_TEAM_CHANGED)
                        .getFirst()
                        .toString());
        // a village clerk may read the team but not change it
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"3\"")
                .body(update.formatted("2023-03-01"))
                .put("/api/v1/work-teams/" + team)
                .then()
                .statusCode(403);
    }

    @Test
    void villagesWithoutATeamOrAFirstSecretaryAreListed() {
        at(2023, 3, 1);
        String covered = LIST_TOWNSHIP + "201";
        String noSecretary = LIST_TOWNSHIP + "202";
        String noTeam = LIST_TOWNSHIP + "203";
        officer(LIST_TOWNSHIP)
                .body(team(covered, "2023-03-01", member("陈某", PHONE, "FIRST_SECRETARY")))
                .post("/api/v1/work-teams")
                .then()
                .statusCode(201);
        String team = officer(LIST_TOWNSHIP)
                .body(team(noSecretary, "2023-03-01", member("李某", PHONE, "MEMBER")))
                .post("/api/v1/work-teams")
                .then()
                .statusCode(201)
                .body("firstSecretaryName", nullValue())
                .extract()
                .path("id");

        officer(LIST_TOWNSHIP)
                .queryParam("division", LIST_TOWNSHIP)
                .get("/api/v1/work-teams/uncovered-villages")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].villageCode", equalTo(noSecretary))
                .body("items[0].lacking", equalTo("FIRST_SECRETARY"))
                .body("items[0].teamId", equalTo(team))
                .body("items[1].villageCode", equalTo(noTeam))
                .body("items[1].villageName", equalTo("测试三村"))
                .body("items[1].lacking", equalTo("TEAM"))
                .body("items[1].teamId", nullValue());
        officer(LIST_TOWNSHIP)
                .queryParam("division", LIST_TOWNSHIP)
                .queryParam("lacking", "TEAM")
                .get("/api/v1/work-teams/uncovered-villages")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].villageCode", equalTo(noTeam));
        officer(LIST_TOWNSHIP)
                .queryParam("division", LIST_TOWNSHIP)
                .queryParam("povertyVillagesOnly", true)
                .get("/api/v1/work-teams/uncovered-villages")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        officer(LIST_TOWNSHIP)
                .queryParam("lacking", "MAYOR")
                .get("/api/v1/work-teams/uncovered-villages")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lacking"));

        // a 第一书记 sent to the team: the village is covered
        officer(LIST_TOWNSHIP)
                .header("If-Match", "\"0\"")
                .body("{\"member\":%s,\"joinsOn\":\"2023-03-01\"}".formatted(member("黄某", PHONE, "FIRST_SECRETARY")))
                .post("/api/v1/work-teams/" + team + "/members")
                .then()
                .statusCode(201)
                .body("firstSecretaryName", equalTo("黄某"));
        officer(LIST_TOWNSHIP)
                .queryParam("division", LIST_TOWNSHIP)
                .get("/api/v1/work-teams/uncovered-villages")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].villageCode", equalTo(noTeam));

        // the roster of the township's teams, without phones
        officer(LIST_TOWNSHIP)
                .queryParam("division", LIST_TOWNSHIP)
                .get("/api/v1/work-teams")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].villageCode", equalTo(covered))
                .body("items[0].firstSecretaryName", equalTo("陈某"))
                .body("items[0].currentMembers", equalTo(1))
                .body("items[1].firstSecretaryName", equalTo("黄某"))
                .body("items[1].currentMembers", equalTo(2))
                .body("items[1].inspections", equalTo(0))
                .body("items[1].version", equalTo(1))
                .body("items[0].phone", nullValue());
        officer(LIST_TOWNSHIP)
                .queryParam("division", "450422132")
                .get("/api/v1/work-teams")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void trainingsInspectionsAndMonthlyGuidanceNoticesAreRecorded() throws Exception {
        at(2023, 3, 1);
        Response formed = township()
                .body(team(THIRD_VILLAGE, "2023-03-01", member("覃某", PHONE, "FIRST_SECRETARY")))
                .post("/api/v1/work-teams");
        String team = formed.then().statusCode(201).extract().path("id");
        String secretary = formed.path("current[0].id");
        String outsider = Tokens.as(Roles.COUNTY_ADMIN, "450422")
                .contentType(ContentType.JSON)
                .body(team(ELSEWHERE, "2023-03-01", member("蒙某", PHONE, "FIRST_SECRETARY")))
                .post("/api/v1/work-teams")
                .then()
                .statusCode(201)
                .extract()
                .path("current[0].id");

        // the training of the rotated members (seed 003: 对轮换人员进行了培训)
        at(2023, 8, 20);
        String training = """
                {"regionCode":"%s","heldOn":"2023-08-20","topic":"防止返贫动态监测和帮扶政策业务培训","hours":%s,
                 "organizer":"镇乡村振兴办公室","memberIds":["%s"]}""";
        Response trained =
                township().body(training.formatted(TOWNSHIP, "3.5", secretary)).post("/api/v1/work-team-trainings");
        trained.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/work-team-trainings/"))
                .body("regionName", equalTo("测试镇"))
                .body("hours", equalTo(3.5f))
                .body("attendeeCount", equalTo(1))
                .body("attendees[0].memberId", equalTo(secretary))
                .body("attendees[0].name", equalTo("覃某"))
                .body("attendees[0].teamId", equalTo(team));
        String trainingId = trained.path("id");
        JsonNode trainedEvent = Outboxes.events(dataSource, mapper, trainingId, EventTypes.WORK_TEAM_TRAINED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.WORK_TEAM_TRAINED, trainedEvent.toString());
        assertEquals(team, trainedEvent.get("teamIds").get(0).asText());
        assertFalse(trainedEvent.toString().contains("覃某")
                || trainedEvent.toString().contains("培训"));
        assertEquals(
                1, count("select count(*) from work_team_training_attendee where training_id = '" + trainingId + "'"));
        township()
                .get("/api/v1/work-teams/" + team)
                .then()
                .statusCode(200)
                .body("current[0].trainings", equalTo(1))
                .body("current[0].trainingHours", equalTo(3.5f));
        Tokens.as(Roles.VILLAGE_CLERK, THIRD_VILLAGE)
                .get("/api/v1/work-team-trainings/" + trainingId)
                .then()
                .statusCode(200)
                .body("topic", equalTo("防止返贫动态监测和帮扶政策业务培训"))
                .body("attendees[0].memberId", equalTo(secretary));
        Tokens.as(Roles.VILLAGE_CLERK, ELSEWHERE)
                .get("/api/v1/work-team-trainings/" + trainingId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        township()
                .queryParam("from", "2023-08-01")
                .queryParam("to", "2023-08-31")
                .get("/api/v1/work-team-trainings")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(trainingId));
        // a member of another township's team, too few hours, a village as organiser
        trainingRefused(training.formatted(TOWNSHIP, "3.5", outsider), "memberIds", "UNKNOWN");
        trainingRefused(training.formatted(TOWNSHIP, "0.2", secretary), "hours", null);
        trainingRefused(training.formatted(VILLAGE, "3.5", secretary), "regionCode", null);

        // a discipline inspection with 通报批评 (seed 003: 开展了12次工作队纪律督查)
        at(2023, 9, 12);
        String inspection = """
                {"inspectedOn":"2023-09-12","kind":"SUPERVISION","inspectingBody":"镇乡村振兴办公室",
                 "findings":%s,"outcome":"%s"%s}""";
        Response inspected = township()
                .body(inspection.formatted("[\"驻村考勤记录不全\",\"走访台账未及时更新\"]", "CRITICIZED", ""))
                .post("/api/v1/work-teams/" + team + "/inspections");
        inspected
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/work-team-inspections/"))
                .body("teamId", equalTo(team))
                .body("villageCode", equalTo(THIRD_VILLAGE))
                .body("kindLabel", equalTo("督查"))
                .body("outcome", equalTo("CRITICIZED"))
                .body("outcomeLabel", equalTo("通报批评"))
                .body("findings", equalTo(List.of("驻村考勤记录不全", "走访台账未及时更新")));
        String inspectionId = inspected.path("id");
        JsonNode inspectedEvent = Outboxes.events(dataSource, mapper, team, EventTypes.WORK_TEAM_INSPECTED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.WORK_TEAM_INSPECTED, inspectedEvent.toString());
        assertEquals(2, inspectedEvent.get("findings").asInt());
        assertFalse(inspectedEvent.toString().contains("考勤"));
        assertEquals(1, auditEntries(inspectionId, "CREATE"));
        inspectionRefused(team, inspection.formatted("[]", "CRITICIZED", ""), "findings", "REQUIRED");
        inspectionRefused(
                team, inspection.formatted("[\"x\"]", "NO_ISSUES", ""), "findings", "FINDINGS_WITHOUT_ISSUES");
        inspectionRefused(team, inspection.formatted("[\"擅自离岗\"]", "RECALLED", ""), "memberId", "REQUIRED");
        inspectionRefused(
                team,
                inspection.formatted("[\"擅自离岗\"]", "RECALLED", ",\"memberId\":\"" + outsider + "\""),
                "memberId",
                "UNKNOWN");
        township()
                .queryParam("division", TOWNSHIP)
                .queryParam("outcome", "CRITICIZED")
                .get("/api/v1/work-team-inspections")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(inspectionId));
        Tokens.as(Roles.VILLAGE_CLERK, THIRD_VILLAGE)
                .get("/api/v1/work-team-inspections/" + inspectionId)
                .then()
                .statusCode(200)
                .body("inspectingBody", equalTo("镇乡村振兴办公室"));
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE)
                .get("/api/v1/work-team-inspections/" + inspectionId)
                .then()
                .statusCode(404);

        // the month's guidance notice, seen by the township's villages
        String notice = """
                {"regionCode":"%s","month":"%s","issuedOn":"2023-09-01","issuingOffice":"镇乡村振兴办公室",
                 "title":"9月份巩固拓展脱贫攻坚成果工作提示","items":["完成驻村工作队轮换交接","开展防返贫监测月度排查"]}""";
        Response issued = township().body(notice.formatted(TOWNSHIP, "2023-09")).post("/api/v1/guidance-notices");
        issued.then()
                .statusCode(201)
                .body("month", equalTo("2023-09"))
                .body("regionName", equalTo("测试镇"))
                .body("items.size()", equalTo(2));
        String noticeId = issued.path("id");
        JsonNode issuedEvent = Outboxes.events(dataSource, mapper, noticeId, EventTypes.GUIDANCE_NOTICE_ISSUED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.GUIDANCE_NOTICE_ISSUED, issuedEvent.toString());
        assertEquals(2, issuedEvent.get("items").asInt());
        township()
                .body(notice.formatted(TOWNSHIP, "2023-09"))
                .post("/api/v1/guidance-notices")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        township()
                .body(notice.formatted(TOWNSHIP, "2023-13"))
                .post("/api/v1/guidance-notices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
        Tokens.as(Roles.VILLAGE_CLERK, THIRD_VILLAGE)
                .queryParam("from", "2023-01")
                .queryParam("to", "2023-12")
                .get("/api/v1/guidance-notices")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(noticeId));
        township()
                .queryParam("from", "2023-10")
                .queryParam("to", "2023-09")
                .get("/api/v1/guidance-notices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Tokens.as(Roles.VILLAGE_CLERK, ELSEWHERE)
                .get("/api/v1/guidance-notices/" + noticeId)
                .then()
                .statusCode(404);
    }

    @Test
    void everyEndpointIsDocumentedWithItsExamples() {
        ValidatableResponse doc = RestAssured.given()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/work-teams'.post.operationId", equalTo("formWorkTeam"))
                .body("paths.'/api/v1/work-teams'.get.operationId", equalTo("listWorkTeams"))
                .body("paths.'/api/v1/work-teams/{id}'.get.operationId", equalTo("getWorkTeam"))
                .body("paths.'/api/v1/work-teams/{id}'.put.operationId", equalTo("updateWorkTeam"))
                .body("paths.'/api/v1/work-teams/{id}/members'.post.operationId", equalTo("addWorkTeamMember"))
                .body("paths.'/api/v1/work-teams/{id}/rotations'.post.operationId", equalTo("rotateWorkTeamMember"))
                .body("paths.'/api/v1/work-teams/{id}/inspections'.post.operationId", equalTo("inspectWorkTeam"))
                .body(
                        "paths.'/api/v1/work-teams/uncovered-villages'.get.operationId",
                        equalTo("listVillagesWithoutWorkTeam"))
                .body("paths.'/api/v1/work-team-trainings'.post.operationId", equalTo("recordWorkTeamTraining"))
                .body("paths.'/api/v1/work-team-trainings'.get.operationId", equalTo("listWorkTeamTrainings"))
                .body("paths.'/api/v1/work-team-trainings/{id}'.get.operationId", equalTo("getWorkTeamTraining"))
                .body("paths.'/api/v1/work-team-inspections'.get.operationId", equalTo("listWorkTeamInspections"))
                .body("paths.'/api/v1/work-team-inspections/{id}'.get.operationId", equalTo("getWorkTeamInspection"))
                .body("paths.'/api/v1/guidance-notices'.post.operationId", equalTo("issueGuidanceNotice"))
                .body("paths.'/api/v1/guidance-notices'.get.operationId", equalTo("listGuidanceNotices"))
                .body("paths.'/api/v1/guidance-notices/{id}'.get.operationId", equalTo("getGuidanceNotice"));
        for (String path : List.of(
                "'/api/v1/work-teams'.post",
                "'/api/v1/work-teams/{id}'.put",
                "'/api/v1/work-teams/{id}/members'.post",
                "'/api/v1/work-teams/{id}/rotations'.post",
                "'/api/v1/work-teams/{id}/inspections'.post",
                "'/api/v1/work-team-trainings'.post",
                "'/api/v1/guidance-notices'.post")) {
            doc.body("paths." + path + ".requestBody.content.'application/json'.examples", not(nullValue()));
        }
    }

    private void at(int year, int month, int day) {
        clock.at(ZonedDateTime.of(LocalDate.of(year, month, day), LocalTime.of(9, 0), ChinaTime.ZONE));
    }

    private void rotationRefused(String team, String etag, String memberId, String leftOn, String field, String code) {
        township()
                .header("If-Match", etag)
                .body("""
                        {"memberId":"%s","leftOn":"%s","reason":"轮换","successor":%s}""".formatted(memberId, leftOn, member("某某", PHONE, "MEMBER")))
                .post("/api/v1/work-teams/" + team + "/rotations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(code));
    }

    private void trainingRefused(String body, String field, String code) throws Exception {
        long before = count("select count(*) from work_team_training");
        var response = township()
                .body(body)
                .post("/api/v1/work-team-trainings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
        if (code != null) {
            response.body("errors[0].code", equalTo(code));
        }
        assertEquals(before, count("select count(*) from work_team_training"));
    }

    private void inspectionRefused(String team, String body, String field, String code) {
        township()
                .body(body)
                .post("/api/v1/work-teams/" + team + "/inspections")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.code", hasItem(code));
    }

    private void refused(RequestSpecification request, String field, String code) {
        var response =
                request.post("/api/v1/work-teams").then().statusCode(400).contentType("application/problem+json");
        response.body("errors[0].field", equalTo(field));
        if (code != null) {
            response.body("errors[0].code", equalTo(code));
        }
    }

    static String member(String name, String phone, String role) {
        return """
                {"name":"%s","unit":"市财政局","phone":"%s","role":"%s"}""".formatted(name, phone, role);
    }

    static String team(String village, String formedOn, String... members) {
        return """
                {"villageCode":"%s","dispatchingUnit":"市财政局","formedOn":"%s","members":[%s]}""".formatted(village, formedOn, String.join(",", members));
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
        return officer(TOWNSHIP);
    }

    private static RequestSpecification officer(String township) {
        return Tokens.as(Roles.TOWNSHIP_OFFICER, township).contentType(ContentType.JSON);
    }
}
