package cn.ruralwatch.household;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 预警线索摸排 and 集中排查 as a township office reports them (seed 003, 金山店镇 2023): a campaign over the township in May,
 * the clues found in it and in routine screening, the households identified from them by category with their people,
 * and the figures the work report prints counted back from the data.
 */
@QuarkusTest
class ScreeningTest {

    /** A township of its own, so that its figures are exactly those this test records. */
    static final String TOWNSHIP = "450422107";

    static final String VILLAGE = "450422107201";
    static final String OTHER_VILLAGE = "450422107202";

    /** The township the refusals are tried in, apart from the one whose figures are counted. */
    static final String REFUSALS_TOWNSHIP = "450422106";

    static final String REFUSALS_VILLAGE = "450422106201";

    static final String[] PREPARATION = {"HOME_VERIFICATION", "COMMITMENT", "DATA_CROSS_CHECK", "DEMOCRATIC_REVIEW"};

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
        Fixtures.village(admin(), REFUSALS_VILLAGE);
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void aCampaignAndRoutineScreeningGiveTheReportsFiguresByCategory() throws Exception {
        clock.at(ZonedDateTime.of(LocalDate.of(2023, 5, 8), LocalTime.of(10, 0), ChinaTime.ZONE));
        // the households the campaign finds (seed 003: 突发严重困难户2户3人，脱贫不稳定户1户3人，边缘易致贫户2户4人)
        String sudden1 = register(VILLAGE, 1);
        String sudden2 = register(OTHER_VILLAGE, 2);
        String unstable = register(VILLAGE, 3);
        String edge1 = register(VILLAGE, 2);
        String edge2 = register(OTHER_VILLAGE, 2);
        // and routine screening (seed 003: 突发严重困难户1户4人，边缘易致贫户1户5人)
        String routineSudden = register(VILLAGE, 4);
        String routineEdge = register(OTHER_VILLAGE, 5);
        // a household whose clues are dismissed or only linked
        String notIdentified = register(VILLAGE, 1);
        // identified this year without a clue: registered as monitored since March, and an episode entered as history
        String registeredMonitored = registerMonitored(VILLAGE, 2, LocalDate.of(2023, 3, 1));
        String pastEpisode = register(VILLAGE, 1);
        township()
                .header("If-Match", etag(pastEpisode))
                .body("""
                        {"category":"UNSTABLE_EXITED","riskTypes":["UNSTABLE_EMPLOYMENT"],"identifiedOn":"2023-02-01",
                         "eliminatedOn":"2023-04-30","reason":"2023 年 2 月识别、4 月消除的档案"}""")
                .post("/api/v1/households/" + pastEpisode + "/monitoring-history")
                .then()
                .statusCode(200);

        Response created = township().body("""
                        {"regionCode":"%s","name":"2023年5月集中排查","startsOn":"2023-05-01","endsOn":"2023-05-31",
                         "householdsCovered":8892,"note":"全镇村农村户籍人口全面摸排"}""".formatted(TOWNSHIP)).post("/api/v1/screening-campaigns");
        created.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/screening-campaigns/"))
                .header("ETag", "\"0\"")
                .body("regionCode", equalTo(TOWNSHIP))
                .body("regionName", equalTo("测试镇"))
                .body("status", equalTo("OPEN"))
                .body("householdsCovered", equalTo(8892))
                // the ten households registered above, each with an agricultural head
                .body("registeredHouseholds", equalTo(10))
                .body("createdBy", equalTo("test-township-officer"));
        String campaign = created.path("id");
        assertEquals(
                1,
                count("select count(*) from screening_campaign where id = '" + campaign
                        + "' and households_covered = 8892 and registered_households = 10 and status = 'OPEN'"));
        JsonNode opened = Outboxes.events(dataSource, mapper, campaign, EventTypes.SCREENING_CAMPAIGN_OPENED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.SCREENING_CAMPAIGN_OPENED, opened.toString());
        assertEquals(8892, opened.get("householdsCovered").asInt());
        assertEquals(10, opened.get("registeredHouseholds").asInt());
        // the region, the period and the counts: no text an official typed, which may name a person
        assertFalse(opened.has("name") || opened.has("note"), opened.toString());

        LocalDate found = LocalDate.of(2023, 5, 6);
        String c1 = clue(sudden1, "ACCIDENT", campaign, found).path("id");
        String c2 = clue(sudden2, "DISASTER", campaign, found).path("id");
        String c3 = clue(unstable, "ILLNESS", campaign, found).path("id");
        String c4 = clue(edge1, "EDUCATION", campaign, found).path("id");
        String c5 = clue(edge2, "ILLNESS", campaign, found).path("id");
        String dismissed = clue(notIdentified, "HOUSING", campaign, found).path("id");
        // the same risk of the same household again: kept as a duplicate, and not escalated
        clue(sudden1, "ACCIDENT", campaign, found).then().body("status", equalTo("DUPLICATE"));
        // a person not yet linked to a household, found in the village
        String unlinked = township()
                .body("""
                        {"source":"CADRE_VISIT","villageCode":"%s","riskTypes":["HOUSING"],"description":"入户摸排发现住房裂缝",
                         "reportedOn":"%s","campaignId":"%s"}""".formatted(VILLAGE, found, campaign))
                .post("/api/v1/warning-clues")
                .then()
                .statusCode(201)
                .body("campaignId", equalTo(campaign))
                .extract()
                .path("id");
        LocalDate routine = LocalDate.of(2023, 5, 7);
        String r1 =
                clue(routineSudden, "DISASTER", null, routine, "SELF_REPORT").path("id");
        String r2 = clue(routineEdge, "ILLNESS", null, routine, "DEPARTMENT").path("id");
        String r3 = clue(notIdentified, "EDUCATION", null, routine).path("id");
        admin().queryParam("campaignId", campaign)
                .get("/api/v1/warning-clues")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(8));

        triage(dismissed, "{\"decision\":\"DISMISS\",\"note\":\"核实后收入稳定\"}");
        triage(r3, "{\"decision\":\"DISMISS\",\"note\":\"已复学\"}");
        triage(unlinked, "{\"decision\":\"LINK\",\"householdId\":\"%s\"}".formatted(notIdentified));

        List<String> cases = new ArrayList<>();
        cases.add(identify(sudden1, "SUDDEN_HARDSHIP", "ACCIDENT", c1));
        cases.add(identify(sudden2, "SUDDEN_HARDSHIP", "DISASTER", c2));
        cases.add(identify(unstable, "UNSTABLE_EXITED", "ILLNESS", c3));
        cases.add(identify(edge1, "EDGE_AT_RISK", "EDUCATION", c4));
        cases.add(identify(edge2, "EDGE_AT_RISK", "ILLNESS", c5));
        cases.add(identify(routineSudden, "SUDDEN_HARDSHIP", "DISASTER", r1));
        cases.add(identify(routineEdge, "EDGE_AT_RISK", "ILLNESS", r2));
        // under review, nobody is identified yet
        township()
                .get("/api/v1/screening-campaigns/" + campaign + "/results")
                .then()
                .statusCode(200)
                .body("identificationsUnderReview", equalTo(5))
                .body("identified.total.households", equalTo(0));

        walkToApproval(cases);
        // a child born after the decision: the people identified stay those the county decided on
        String baby = Fixtures.idNumber(clock.today(), true);
        township()
                .header("If-Match", etag(sudden2))
                .body("""
                        {"change":"BIRTH","effectiveOn":"%s","member":{"name":"新生儿","idNumber":"%s","relation":"GRANDSON"}}""".formatted(clock.today(), baby))
                .post("/api/v1/households/" + sudden2 + "/member-changes")
                .then()
                .statusCode(200)
                .body("memberCount", equalTo(3));

        ValidatableResponse results = township()
                .get("/api/v1/screening-campaigns/" + campaign + "/results")
                .then()
                .statusCode(200)
                .body("householdsCovered", equalTo(8892))
                .body("registeredHouseholds", equalTo(10))
                .body("coveredMinusRegistered", equalTo(8882))
                .body("cluesFound", equalTo(8))
                .body("cluesByStatus.NEW", equalTo(1))
                .body("cluesByStatus.DUPLICATE", equalTo(1))
                .body("cluesByStatus.DISMISSED", equalTo(1))
                .body("cluesByStatus.ESCALATED", equalTo(5))
                .body("identificationsUnderReview", equalTo(0));
        // 识别监测对象5户10人，其中突发严重困难户2户3人，脱贫不稳定户1户3人，边缘易致贫户2户4人
        assertCounts(results, "identified", 5, 10, 2, 3, 1, 3, 2, 4);

        ValidatableResponse statistics = admin().queryParam("region", TOWNSHIP)
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2023-12-31")
                .get("/api/v1/screening-statistics")
                .then()
                .statusCode(200)
                .body("region", equalTo(TOWNSHIP))
                .body("cluesReceived", equalTo(11))
                .body("cluesBySource.CADRE_VISIT", equalTo(9))
                .body("cluesBySource.SELF_REPORT", equalTo(1))
                .body("cluesBySource.DEPARTMENT", equalTo(1))
                .body("cluesBySource.INDICATOR_ALERT", equalTo(0))
                .body("cluesFromCampaigns", equalTo(8))
                .body("cluesScreened", equalTo(10))
                .body("cluesScreenedByOutcome.DISMISSED", equalTo(2))
                .body("cluesScreenedByOutcome.ESCALATED", equalTo(7))
                .body("cluesScreenedByOutcome.LINKED", equalTo(1));
        // from clues 7户19人 = the campaign's 5户10人 + routine screening's 2户9人 (突发1户4人，边缘1户5人)
        assertCounts(statistics, "identifiedFromClues", 7, 19, 3, 7, 1, 3, 3, 9);
        assertCounts(statistics, "identifiedFromCampaigns", 5, 10, 2, 3, 1, 3, 2, 4);
        assertCounts(statistics, "identifiedFromRoutineScreening", 2, 9, 1, 4, 0, 0, 1, 5);
        // in total also the household registered as monitored (边缘 2人) and the episode entered as history (脱贫不稳定 1人)
        assertCounts(statistics, "identified", 9, 22, 3, 7, 2, 4, 4, 11);
        assertCounts(statistics, "riskEliminated", 1, 1, 0, 0, 1, 1, 0, 0);
        // the township's own officer sees the same; a month without any of it counts nothing
        township()
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2023-12-31")
                .get("/api/v1/screening-statistics")
                .then()
                .statusCode(200)
                .body("region", equalTo(TOWNSHIP))
                .body("identified.total.people", equalTo(22));
        ValidatableResponse june = township()
                .queryParam("from", "2023-06-01")
                .queryParam("to", "2023-06-30")
                .get("/api/v1/screening-statistics")
                .then()
                .statusCode(200)
                .body("cluesReceived", equalTo(0));
        assertCounts(june, "identified", 0, 0, 0, 0, 0, 0, 0, 0);
        assertFalse(registeredMonitored.isEmpty());

        // the campaign closes once its last day has passed, with the figure the office reports
        township()
                .header("If-Match", "\"0\"")
                .body("{\"closedOn\":\"2023-05-31\"}")
                .post("/api/v1/screening-campaigns/" + campaign + "/closure")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("closedOn"))
                .body("errors[0].code", equalTo("FUTURE"));
        clock.at(ZonedDateTime.of(LocalDate.of(2023, 6, 2), LocalTime.of(9, 0), ChinaTime.ZONE));
        township()
                .body("{\"closedOn\":\"2023-05-31\"}")
                .post("/api/v1/screening-campaigns/" + campaign + "/closure")
                .then()
                .statusCode(428);
        township()
                .header("If-Match", "\"0\"")
                .body("{\"closedOn\":\"2023-05-31\",\"householdsCovered\":8890}")
                .post("/api/v1/screening-campaigns/" + campaign + "/closure")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("CLOSED"))
                .body("closedOn", equalTo("2023-05-31"))
                .body("householdsCovered", equalTo(8890))
                .body("closedBy", equalTo("test-township-officer"));
        township()
                .header("If-Match", "\"1\"")
                .body("{\"closedOn\":\"2023-06-01\"}")
                .post("/api/v1/screening-campaigns/" + campaign + "/closure")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertEquals(
                1,
                count("select count(*) from screening_campaign where id = '" + campaign
                        + "' and status = 'CLOSED' and closed_on = date '2023-05-31' and households_covered = 8890"));
        List<JsonNode> closed = Outboxes.events(dataSource, mapper, campaign, EventTypes.SCREENING_CAMPAIGN_CLOSED);
        assertEquals(1, closed.size());
        EventSchemas.assertValid(
                EventTypes.SCREENING_CAMPAIGN_CLOSED, closed.getFirst().toString());
        assertEquals(8, closed.getFirst().get("cluesFound").asInt());
        // created and closed, each an audit entry
        assertEquals(
                2,
                count("select count(*) from outbox_event where topic = 'audit-events'"
                        + " and payload ->> 'entityType' = 'screening-campaign' and payload ->> 'entityId' = '"
                        + campaign + "'"));
        assertEquals("2023-05-31", closed.getFirst().get("closedOn").asText());

        // listed for the township and the county, by year and status
        admin().queryParam("region", TOWNSHIP)
                .queryParam("year", 2023)
                .get("/api/v1/screening-campaigns")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(campaign))
                .body("items[0].status", equalTo("CLOSED"));
        township()
                .queryParam("year", 2022)
                .get("/api/v1/screening-campaigns")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        township()
                .get("/api/v1/screening-campaigns/" + campaign)
                .then()
                .statusCode(200)
                .body("name", equalTo("2023年5月集中排查"))
                .body("version", equalTo(1));
    }

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothing() throws Exception {
        RequestSpecification officer = Tokens.as(Roles.TOWNSHIP_OFFICER, REFUSALS_TOWNSHIP);
        LocalDate today = clock.today();
        String name = "排查-" + UUID.randomUUID();
        String body = """
                {"regionCode":"%s","name":"%s","startsOn":"%s","endsOn":"%s","householdsCovered":120}""";
        // another township than the officer's
        Tokens.as(Roles.TOWNSHIP_OFFICER, REFUSALS_TOWNSHIP)
                .contentType(ContentType.JSON)
                .body(body.formatted(TOWNSHIP, name, today.minusDays(3), today))
                .post("/api/v1/screening-campaigns")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        campaignRefused(
                body.formatted(REFUSALS_TOWNSHIP, name, today.plusDays(1), today.plusDays(9)), "startsOn", "FUTURE");
        campaignRefused(
                body.formatted(REFUSALS_TOWNSHIP, name, today.minusDays(3), today.minusDays(4)),
                "endsOn",
                "BEFORE_START");
        campaignRefused(body.formatted(REFUSALS_VILLAGE, name, today.minusDays(3), today), "regionCode", null);
        campaignRefused(body.formatted("450422177", name, today.minusDays(3), today), "regionCode", "UNKNOWN");
        campaignRefused(
                body.formatted(REFUSALS_TOWNSHIP, name, today.minusDays(3), today)
                        .replace("\"householdsCovered\":120", "\"householdsCovered\":-1"),
                "householdsCovered",
                null);
        campaignRefused(body.formatted(REFUSALS_TOWNSHIP, name, "2023-02-30", today), "startsOn", null);
        assertEquals(0, count("select count(*) from screening_campaign where name = '" + name + "'"));

        String campaign = officer.contentType(ContentType.JSON)
                .body(body.formatted(REFUSALS_TOWNSHIP, name, today.minusDays(3), today.plusDays(10)))
                .post("/api/v1/screening-campaigns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // unknown, malformed or elsewhere: 404
        Tokens.as(Roles.TOWNSHIP_OFFICER, REFUSALS_TOWNSHIP)
                .get("/api/v1/screening-campaigns/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Tokens.as(Roles.TOWNSHIP_OFFICER, REFUSALS_TOWNSHIP)
                .get("/api/v1/screening-campaigns/not-an-id/results")
                .then()
                .statusCode(404);
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP)
                .get("/api/v1/screening-campaigns/" + campaign)
                .then()
                .statusCode(404);
        Tokens.as(Roles.TOWNSHIP_OFFICER, REFUSALS_TOWNSHIP)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"closedOn\":\"%s\"}".formatted(today.minusDays(4)))
                .post("/api/v1/screening-campaigns/" + campaign + "/closure")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("closedOn"))
                .body("errors[0].code", equalTo("BEFORE_START"));
        Tokens.as(Roles.OPERATOR, "450422")
                .get("/api/v1/screening-campaigns/" + campaign)
                .then()
                .statusCode(403);

        // clues that cannot have been found in the campaign
        String household = register(REFUSALS_VILLAGE, 1);
        String elsewhere = register(VILLAGE, 1);
        String clue = """
                {"source":"CADRE_VISIT","householdId":"%s","riskTypes":["ILLNESS"],"description":"集中排查发现",
                 "reportedOn":"%s","campaignId":"%s"}""";
        clueRefused(clue.formatted(household, today, UUID.randomUUID()), "campaignId", "UNKNOWN");
        clueRefused(clue.formatted(elsewhere, today, campaign), "campaignId", "OUTSIDE_CAMPAIGN_REGION");
        clueRefused(clue.formatted(household, today.minusDays(4), campaign), "reportedOn", "OUTSIDE_CAMPAIGN_PERIOD");
        clueRefused(clue.formatted(household, today, "not-a-uuid"), "campaignId", null);
        assertEquals(
                0,
                count("select count(*) from warning_clue where household_id in ('" + household + "', '" + elsewhere
                        + "')"));
        admin().contentType(ContentType.JSON)
                .body(clue.formatted(household, today, campaign))
                .post("/api/v1/warning-clues")
                .then()
                .statusCode(201)
                .body("campaignId", equalTo(campaign));

        // the statistics' period and region
        statisticsRefused(null, today.toString(), "from", "REQUIRED");
        statisticsRefused("2023-13-01", today.toString(), "from", "INVALID_DATE");
        statisticsRefused("2023-05-01", "2023-04-30", "to", "BEFORE_FROM");
        Tokens.as(Roles.TOWNSHIP_OFFICER, REFUSALS_TOWNSHIP)
                .queryParam("region", TOWNSHIP)
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2023-12-31")
                .get("/api/v1/screening-statistics")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        admin().queryParam("region", "450422188")
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2023-12-31")
                .get("/api/v1/screening-statistics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("region"));
        admin().queryParam("status", "FINISHED")
                .get("/api/v1/screening-campaigns")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        admin().queryParam("year", 99999)
                .get("/api/v1/screening-campaigns")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
        assertEquals(
                1,
                Outboxes.events(dataSource, mapper, campaign, EventTypes.SCREENING_CAMPAIGN_OPENED)
                        .size());
        assertEquals(
                0,
                Outboxes.events(dataSource, mapper, campaign, EventTypes.SCREENING_CAMPAIGN_CLOSED)
                        .size());
    }

    /** Refused to the county, whose region holds every township. */
    private static void campaignRefused(String body, String field, String code) {
        ValidatableResponse refused = admin().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screening-campaigns")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        if (code != null) {
            refused.body("errors[0].code", equalTo(code));
        }
    }

    /** Refused to the county, which may report a clue anywhere in it. */
    private static void clueRefused(String body, String field, String code) {
        ValidatableResponse refused = admin().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/warning-clues")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
        if (code != null) {
            refused.body("errors[0].code", equalTo(code));
        }
    }

    private static void statisticsRefused(String from, String to, String field, String code) {
        RequestSpecification request = admin().queryParam("to", to);
        if (from != null) {
            request.queryParam("from", from);
        }
        request.get("/api/v1/screening-statistics")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(code));
    }

    /** Households and people in total and of 突发严重困难户, 脱贫不稳定户 and 边缘易致贫户, under the path. */
    private static void assertCounts(
            ValidatableResponse response,
            String path,
            int households,
            int people,
            int suddenHouseholds,
            int suddenPeople,
            int unstableHouseholds,
            int unstablePeople,
            int edgeHouseholds,
            int edgePeople) {
        response.body(path + ".total.households", equalTo(households))
                .body(path + ".total.people", equalTo(people))
                .body(path + ".byCategory.SUDDEN_HARDSHIP.households", equalTo(suddenHouseholds))
                .body(path + ".byCategory.SUDDEN_HARDSHIP.people", equalTo(suddenPeople))
                .body(path + ".byCategory.UNSTABLE_EXITED.households", equalTo(unstableHouseholds))
                .body(path + ".byCategory.UNSTABLE_EXITED.people", equalTo(unstablePeople))
                .body(path + ".byCategory.EDGE_AT_RISK.households", equalTo(edgeHouseholds))
                .body(path + ".byCategory.EDGE_AT_RISK.people", equalTo(edgePeople));
    }

    /** A household of that many people, its head born in 1970. */
    private static String register(String village, int people) {
        String[] ids = new String[people];
        for (int i = 0; i < people; i++) {
            ids[i] = Fixtures.idNumber(LocalDate.of(1970 + 10 * i, 3, 3), i % 2 == 0);
        }
        return admin().contentType(ContentType.JSON)
                .body(Fixtures.household(village, ids))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String registerMonitored(String village, int people, LocalDate since) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < people; i++) {
            members.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"成员%d\",\"idNumber\":\"%s\",\"relation\":\"%s\"}"
                            .formatted(
                                    i,
                                    Fixtures.idNumber(LocalDate.of(1960 + 10 * i, 4, 4), i % 2 == 0),
                                    i == 0 ? "HEAD" : "SON"));
        }
        return admin().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s","monitoring":{"category":"EDGE_AT_RISK","riskTypes":["ILLNESS"],"riskState":"AT_RISK",
                         "identifiedYear":%d,"monitoredSince":"%s"},"members":[%s]}""".formatted(village, since.getYear(), since, members))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private Response clue(String householdId, String riskType, String campaignId, LocalDate reportedOn) {
        return clue(householdId, riskType, campaignId, reportedOn, "CADRE_VISIT");
    }

    private Response clue(String householdId, String riskType, String campaignId, LocalDate reportedOn, String source) {
        Response response = township()
                .body("""
                        {"source":"%s","householdId":"%s","riskTypes":["%s"],"description":"入户摸排发现风险",
                         "reportedOn":"%s"%s}""".formatted(
                                source,
                                householdId,
                                riskType,
                                reportedOn,
                                campaignId == null ? "" : ",\"campaignId\":\"" + campaignId + "\""))
                .post("/api/v1/warning-clues");
        response.then().statusCode(201);
        return response;
    }

    private void triage(String clueId, String body) {
        township()
                .header("If-Match", "\"0\"")
                .body(body)
                .post("/api/v1/warning-clues/" + clueId + "/triage")
                .then()
                .statusCode(200);
    }

    private String identify(String householdId, String category, String riskType, String clueId) {
        return township()
                .body("""
                        {"category":"%s","riskTypes":["%s"],"clueIds":["%s"],"reason":"预警线索核实"}""".formatted(category, riskType, clueId))
                .post("/api/v1/households/" + householdId + "/identification-cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Every review step of the open cases, side by side: the notices run their five days together. */
    private void walkToApproval(List<String> cases) {
        for (String caseId : cases) {
            int version = 0;
            for (String step : PREPARATION) {
                step(township(), caseId, version++, step, "");
            }
            step(
                    township(),
                    caseId,
                    version,
                    "PUBLIC_NOTICE",
                    ",\"noticeFrom\":\"%s\",\"noticeTo\":\"%s\""
                            .formatted(clock.today(), clock.today().plusDays(4)));
        }
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        for (String caseId : cases) {
            step(township(), caseId, 5, "TOWNSHIP_REVIEW", "");
            step(admin(), caseId, 6, "COUNTY_DECISION", "").then().body("status", equalTo("APPROVED"));
        }
    }

    private Response step(RequestSpecification caller, String caseId, int version, String step, String extra) {
        Response response = caller.contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body("{\"step\":\"%s\",\"outcome\":\"PASSED\",\"performedOn\":\"%s\"%s}"
                        .formatted(step, clock.today(), extra))
                .post("/api/v1/monitoring-cases/" + caseId + "/steps");
        response.then().statusCode(200);
        return response;
    }

    private static String etag(String householdId) {
        return admin().get("/api/v1/households/" + householdId).header("ETag");
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
}
