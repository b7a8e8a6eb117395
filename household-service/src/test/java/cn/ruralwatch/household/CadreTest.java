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
 * 帮扶责任人 as a county office runs them: the roster with phones masked by role, the cadres made responsible for
 * households and replaced, the visits logged against them, the township's rule of a visit every quarter (seed 000:
 * special groups visited at least once a quarter), and the households and cadres behind on their visits (seed 000
 * 四(四): "部分帮扶联系人…不按要求进村入户").
 */
@QuarkusTest
class CadreTest {

    /** A township of its own, so that its lists hold exactly what this test records. */
    static final String TOWNSHIP = "450422108";

    static final String VILLAGE = "450422108201";
    static final String OTHER_VILLAGE = "450422108202";

    /** A township whose cadres serve none of the households above. */
    static final String ELSEWHERE = "450422110201";

    static final String PHONE = "13812345678";

    /** The township of the visit rules, apart from the households the other tests register. */
    static final String RULE_TOWNSHIP = "450422111";

    static final String RULE_VILLAGE = "450422111201";
    static final String RULE_OTHER_VILLAGE = "450422111202";

    /** The township of the officer the test acts as. */
    String township = TOWNSHIP;

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
        Fixtures.village(admin(), ELSEWHERE);
        Fixtures.village(admin(), RULE_VILLAGE);
        Fixtures.division(admin(), RULE_OTHER_VILLAGE, "测试二村", "VILLAGE", RULE_TOWNSHIP);
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void theRosterKeepsPhonesEncryptedAndMaskedByRoleAndAuditsEachChange() throws Exception {
        Response created =
                township().body(cadre("韦某某", PHONE, VILLAGE, "RESPONSIBLE")).post("/api/v1/cadres");
        created.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/cadres/"))
                .header("ETag", "\"0\"")
                .body("name", equalTo("韦某某"))
                .body("unit", equalTo("县农业农村局"))
                .body("position", equalTo("驻村第一书记"))
                // a township officer sees phones masked, as household phones
                .body("phone", equalTo("138****5678"))
                .body("divisionCode", equalTo(VILLAGE))
                .body("divisionName", equalTo("测试村"))
                .body("kind", equalTo("RESPONSIBLE"))
                .body("kindLabel", equalTo("帮扶责任人"))
                .body("active", equalTo(true))
                .body("currentHouseholds", equalTo(0));
        String id = created.path("id");

        // encrypted at rest: the column holds no digits of the number in the clear
        String cipher = Rows.text(dataSource, "select phone_cipher from cadre where id = '" + id + "'");
        assertFalse(cipher.contains(PHONE), cipher);
        assertEquals(1, count("select count(*) from cadre where id = '" + id + "' and name = '韦某某' and active"));

        // the county sees the number in full, and that read is audited; an auditor sees it masked
        admin().get("/api/v1/cadres/" + id).then().statusCode(200).body("phone", equalTo(PHONE));
        Tokens.as(Roles.AUDITOR, TOWNSHIP)
                .get("/api/v1/cadres/" + id)
                .then()
                .statusCode(200)
                .body("phone", equalTo("138****5678"));
        assertEquals(1, auditEntries(id, "READ_UNMASKED"));
        // a village clerk of the village sees the cadre serving it; one of another village does not
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE)
                .get("/api/v1/cadres/" + id)
                .then()
                .statusCode(200);
        Tokens.as(Roles.VILLAGE_CLERK, OTHER_VILLAGE)
                .get("/api/v1/cadres/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        JsonNode registered = Outboxes.events(dataSource, mapper, id, EventTypes.CADRE_REGISTERED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.CADRE_REGISTERED, registered.toString());
        assertFalse(
                registered.toString().contains("韦某某") || registered.toString().contains("5678"), registered.toString());

        // changed with If-Match only
        String changed = cadre("韦某某", "13912345678", VILLAGE, "RESPONSIBLE");
        township().body(changed).put("/api/v1/cadres/" + id).then().statusCode(428);
        township()
                .header("If-Match", "\"7\"")
                .body(changed)
                .put("/api/v1/cadres/" + id)
                .then()
                .statusCode(412);
        township()
                .header("If-Match", "\"0\"")
                .body(changed)
                .put("/api/v1/cadres/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("phone", equalTo("139****5678"));
        JsonNode changedEvent = Outboxes.events(dataSource, mapper, id, EventTypes.CADRE_CHANGED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.CADRE_CHANGED, changedEvent.toString());
        assertTrue(changedEvent.get("active").asBoolean());

        // each change an audit entry, the phone in it masked
        assertEquals(1, auditEntries(id, "CREATE"));
        assertEquals(1, auditEntries(id, "UPDATE"));
        assertEquals(
                1,
                count("select count(*) from outbox_event where topic = 'audit-events' and payload ->> 'entityId' = '"
                        + id + "' and payload::text like '%139****5678%' and payload::text not like '%13912345678%'"));

        // listed by division, kind and whether active
        township()
                .queryParam("division", VILLAGE)
                .queryParam("kind", "RESPONSIBLE")
                .queryParam("active", true)
                .get("/api/v1/cadres")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.phone", equalTo("139****5678"));
        township()
                .queryParam("division", VILLAGE)
                .queryParam("kind", "CONTACT")
                .get("/api/v1/cadres")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));

        // bad input is refused and nothing stored
        long before = count("select count(*) from cadre");
        refused(township().body(cadre("张某", "138-1234", VILLAGE, "RESPONSIBLE")), "phone");
        refused(township().body(cadre("张某", PHONE, TOWNSHIP + "299", "RESPONSIBLE")), "divisionCode", "UNKNOWN");
        refused(admin().contentType(ContentType.JSON).body(cadre("张某", PHONE, "450422", "CONTACT")), "divisionCode");
        refused(township().body(cadre("张某", PHONE, VILLAGE, "BOSS")), null);
        township()
                .body(cadre("张某", PHONE, ELSEWHERE, "CONTACT"))
                .post("/api/v1/cadres")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertEquals(before, count("select count(*) from cadre"));
        township()
                .queryParam("kind", "BOSS")
                .get("/api/v1/cadres")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        township()
                .get("/api/v1/cadres/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Tokens.as(Roles.OPERATOR, TOWNSHIP).get("/api/v1/cadres/" + id).then().statusCode(403);
    }

    @Test
    void householdsGetACadreAndAReassignmentKeepsTheHistory() throws Exception {
        clock.at(ZonedDateTime.of(LocalDate.of(2024, 1, 10), LocalTime.of(9, 0), ChinaTime.ZONE));
        String monitored = registerMonitored(VILLAGE);
        String exited = registerExited(VILLAGE);
        String ordinary = register(VILLAGE);
        String first = registerCadre("黄某", VILLAGE, "RESPONSIBLE");
        String second = registerCadre("蒙某", TOWNSHIP, "RESPONSIBLE");
        String contact = registerCadre("覃某", VILLAGE, "CONTACT");
        // a cadre of the township's other village: seen by the township, serving none of these households
        String elsewhere = registerCadre("陆某", OTHER_VILLAGE, "RESPONSIBLE");

        // 脱贫户 and monitored households must have a cadre: both listed, the ordinary household not
        List<String> missing = township()
                .queryParam("division", TOWNSHIP)
                .queryParam("size", 500)
                .get("/api/v1/cadre-assignments/missing")
                .then()
                .statusCode(200)
                .extract()
                .path("items.householdId");
        assertTrue(missing.containsAll(List.of(monitored, exited)), missing.toString());
        assertFalse(missing.contains(ordinary));

        LocalDate jan10 = LocalDate.of(2024, 1, 10);
        assign(monitored, first, jan10)
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/households/" + monitored + "/cadre-assignments"))
                .body("current.size()", equalTo(1))
                .body("current[0].cadreId", equalTo(first))
                .body("current[0].cadreName", equalTo("黄某"))
                .body("current[0].startsOn", equalTo("2024-01-10"));
        assign(monitored, contact, jan10).then().statusCode(201).body("current.size()", equalTo(2));
        assign(exited, second, jan10).then().statusCode(201);
        // a cadre with households keeps their kind, and a new division must still hold their villages
        township()
                .header("If-Match", "\"0\"")
                .body(cadre("黄某", PHONE, VILLAGE, "CONTACT"))
                .put("/api/v1/cadres/" + first)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        township()
                .header("If-Match", "\"0\"")
                .body(cadre("黄某", PHONE, OTHER_VILLAGE, "RESPONSIBLE"))
                .put("/api/v1/cadres/" + first)
                .then()
                .statusCode(409);
        township()
                .header("If-Match", "\"0\"")
                .body(cadre("黄某", PHONE, TOWNSHIP, "RESPONSIBLE"))
                .put("/api/v1/cadres/" + first)
                .then()
                .statusCode(200)
                .body("divisionCode", equalTo(TOWNSHIP))
                .body("currentHouseholds", equalTo(1));
        List<String> stillMissing = township()
                .queryParam("division", TOWNSHIP)
                .queryParam("size", 500)
                .get("/api/v1/cadre-assignments/missing")
                .then()
                .statusCode(200)
                .extract()
                .path("items.householdId");
        assertFalse(stillMissing.contains(monitored) || stillMissing.contains(exited), stillMissing.toString());

        // refusals: nothing stored
        long before = count("select count(*) from cadre_assignment where household_id = '" + monitored + "'");
        assignRefused(monitored, elsewhere, jan10, "cadreId", "NOT_SERVING_VILLAGE");
        assignRefused(monitored, UUID.randomUUID().toString(), jan10, "cadreId", "UNKNOWN");
        assignRefused(monitored, second, jan10.plusDays(1), "startsOn", "FUTURE");
        assignRefused(monitored, second, jan10.minusDays(1), "startsOn", "BEFORE_HOUSEHOLD");
        assign(monitored, first, jan10).then().statusCode(409).contentType("application/problem+json");
        assign(UUID.randomUUID().toString(), first, jan10).then().statusCode(404);
        township()
                .body("{\"cadreId\":\"not-a-uuid\",\"startsOn\":\"2024-01-10\",\"reason\":\"x\"}")
                .post("/api/v1/households/" + monitored + "/cadre-assignments")
                .then()
                .statusCode(400);
        assertEquals(before, count("select count(*) from cadre_assignment where household_id = '" + monitored + "'"));

        // a month later the township's cadre takes over: the first assignment ends that day
        clock.at(ZonedDateTime.of(LocalDate.of(2024, 2, 12), LocalTime.of(9, 0), ChinaTime.ZONE));
        assign(monitored, second, LocalDate.of(2024, 2, 12))
                .then()
                .statusCode(201)
                .body("current.size()", equalTo(2))
                .body("current.find { it.kind == 'RESPONSIBLE' }.cadreId", equalTo(second))
                .body("history.size()", equalTo(3))
                .body("history.find { it.cadreId == '" + first + "' }.endsOn", equalTo("2024-02-12"))
                .body("history.find { it.cadreId == '" + first + "' }.endReason", equalTo("REASSIGNED"))
                .body("history.find { it.cadreId == '" + first + "' }.current", equalTo(false));
        Tokens.as(Roles.AUDITOR, TOWNSHIP)
                .get("/api/v1/households/" + monitored + "/cadre-assignments")
                .then()
                .statusCode(200)
                .body("history.size()", equalTo(3))
                .body("history[0].cadreId", equalTo(second));
        assertEquals(
                1,
                count("select count(*) from cadre_assignment where household_id = '" + monitored + "' and cadre_id = '"
                        + first + "' and ends_on = date '2024-02-12' and end_reason = 'REASSIGNED'"));
        List<JsonNode> assigned = Outboxes.events(dataSource, mapper, monitored, EventTypes.CADRE_ASSIGNED);
        assertEquals(3, assigned.size());
        for (JsonNode event : assigned) {
            EventSchemas.assertValid(EventTypes.CADRE_ASSIGNED, event.toString());
        }
        JsonNode reassigned = assigned.getLast();
        assertEquals(second, reassigned.get("cadreId").asText());
        assertEquals(first, reassigned.get("previousCadreId").asText());
        assertEquals("2024-02-12", reassigned.get("previousEndedOn").asText());
        assertEquals(
                3,
                count("select count(*) from outbox_event where topic = 'audit-events'"
                        + " and payload ->> 'entityType' = 'cadre-assignment' and payload ->> 'entityDivision' = '"
                        + VILLAGE + "' and payload::text like '%" + monitored + "%'"));

        // the township's cadre leaves: both households are without a responsible cadre again
        Response cadreNow = township().get("/api/v1/cadres/" + second);
        cadreNow.then().body("currentHouseholds", equalTo(2));
        township()
                .header("If-Match", cadreNow.header("ETag"))
                .body("{\"leftOn\":\"2024-02-13\",\"reason\":\"调回原单位\"}")
                .post("/api/v1/cadres/" + second + "/deactivation")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("leftOn"))
                .body("errors[0].code", equalTo("FUTURE"));
        township()
                .header("If-Match", cadreNow.header("ETag"))
                .body("{\"leftOn\":\"2024-02-12\",\"reason\":\"调回原单位\"}")
                .post("/api/v1/cadres/" + second + "/deactivation")
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("leftOn", equalTo("2024-02-12"))
                .body("currentHouseholds", equalTo(0));
        JsonNode left = Outboxes.events(dataSource, mapper, second, EventTypes.CADRE_CHANGED)
                .getLast();
        EventSchemas.assertValid(EventTypes.CADRE_CHANGED, left.toString());
        assertFalse(left.get("active").asBoolean());
        assertEquals(2, left.get("assignmentsEnded").asInt());
        List<String> withoutAgain = township()
                .queryParam("division", TOWNSHIP)
                .queryParam("size", 500)
                .get("/api/v1/cadre-assignments/missing")
                .then()
                .statusCode(200)
                .extract()
                .path("items.householdId");
        // the 脱贫户 has no cadre left; the monitored household keeps its 帮扶联系人
        assertTrue(withoutAgain.contains(exited), withoutAgain.toString());
        assertFalse(withoutAgain.contains(monitored), withoutAgain.toString());
        assignRefused(exited, second, LocalDate.of(2024, 2, 12), "cadreId", "CADRE_INACTIVE");
        // a visit the cadre made before leaving can still be logged; one on the day they left cannot
        township()
                .body("{\"cadreId\":\"%s\",\"visitedOn\":\"2024-02-11\",\"note\":\"交接前走访\"}".formatted(second))
                .post("/api/v1/households/" + exited + "/visits")
                .then()
                .statusCode(201)
                .body("cadreId", equalTo(second));
        township()
                .body("{\"cadreId\":\"%s\",\"visitedOn\":\"2024-02-12\",\"note\":\"走访\"}".formatted(second))
                .post("/api/v1/households/" + exited + "/visits")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cadreId"))
                .body("errors[0].code", equalTo("CADRE_INACTIVE"));
        township()
                .header("If-Match", "\"1\"")
                .body("{\"leftOn\":\"2024-02-12\",\"reason\":\"again\"}")
                .post("/api/v1/cadres/" + second + "/deactivation")
                .then()
                .statusCode(409);
    }

    @Test
    void visitsAgainstCadresAndTheQuartersRuleListOverdueHouseholdsAndCadres() throws Exception {
        township = RULE_TOWNSHIP;
        clock.at(ZonedDateTime.of(LocalDate.of(2024, 1, 2), LocalTime.of(9, 0), ChinaTime.ZONE));
        // the township: monitored households and 脱贫户 visited at least once a quarter
        Response rule = township().body("""
                        {"groups":["MONITORED_AT_RISK","EXITED"],"maxIntervalDays":92,"effectiveFrom":"2024-01-01",
                         "note":"特殊群体每季度至少走访一次"}""").put("/api/v1/visit-rules/" + RULE_TOWNSHIP);
        rule.then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("regionCode", equalTo(RULE_TOWNSHIP))
                .body("groups", equalTo(List.of("MONITORED_AT_RISK", "EXITED")))
                .body("maxIntervalDays", equalTo(92));
        JsonNode ruleSet = Outboxes.events(dataSource, mapper, RULE_TOWNSHIP, EventTypes.VISIT_RULE_SET)
                .getFirst();
        EventSchemas.assertValid(EventTypes.VISIT_RULE_SET, ruleSet.toString());
        // the second village's own rule replaces the township's there: only households with a disabled member
        township()
                .body("{\"groups\":[\"DISABLED\"],\"maxIntervalDays\":30,\"effectiveFrom\":\"2024-01-01\"}")
                .put("/api/v1/visit-rules/" + RULE_OTHER_VILLAGE)
                .then()
                .statusCode(200);
        township()
                .body("{\"groups\":[\"DISABLED\"],\"maxIntervalDays\":31,\"effectiveFrom\":\"2024-01-01\"}")
                .put("/api/v1/visit-rules/" + RULE_OTHER_VILLAGE)
                .then()
                .statusCode(428);
        township()
                .header("If-Match", "\"0\"")
                .body("{\"groups\":[\"DISABLED\"],\"maxIntervalDays\":31,\"effectiveFrom\":\"2024-01-01\"}")
                .put("/api/v1/visit-rules/" + RULE_OTHER_VILLAGE)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        township()
                .get("/api/v1/visit-rules/" + RULE_VILLAGE)
                .then()
                .statusCode(200)
                .body("regionCode", equalTo(RULE_TOWNSHIP));
        township()
                .get("/api/v1/visit-rules/" + RULE_OTHER_VILLAGE)
                .then()
                .statusCode(200)
                .body("regionCode", equalTo(RULE_OTHER_VILLAGE))
                .body("maxIntervalDays", equalTo(31));
        ruleRefused("{\"groups\":[],\"maxIntervalDays\":92,\"effectiveFrom\":\"2024-01-01\"}", "groups");
        ruleRefused(
                "{\"groups\":[\"EXITED\"],\"maxIntervalDays\":0,\"effectiveFrom\":\"2024-01-01\"}", "maxIntervalDays");
        ruleRefused(
                "{\"groups\":[\"EXITED\"],\"maxIntervalDays\":92,\"effectiveFrom\":\"2024-01-03\"}", "effectiveFrom");
        Tokens.as(Roles.TOWNSHIP_OFFICER, RULE_TOWNSHIP)
                .contentType(ContentType.JSON)
                .body("{\"groups\":[\"EXITED\"],\"maxIntervalDays\":92,\"effectiveFrom\":\"2024-01-01\"}")
                .put("/api/v1/visit-rules/450422")
                .then()
                .statusCode(403);
        Tokens.as(Roles.VILLAGE_CLERK, RULE_VILLAGE)
                .contentType(ContentType.JSON)
                .body("{\"groups\":[\"EXITED\"],\"maxIntervalDays\":92,\"effectiveFrom\":\"2024-01-01\"}")
                .put("/api/v1/visit-rules/" + RULE_VILLAGE)
                .then()
                .statusCode(403);
        assertEquals(2, count("select count(*) from visit_rule where region_code like '" + RULE_TOWNSHIP + "%'"));

        String monitored = registerMonitored(RULE_VILLAGE);
        String exited = registerExited(RULE_VILLAGE);
        String ordinary = register(RULE_VILLAGE);
        String exitedElsewhere = registerExited(RULE_OTHER_VILLAGE);
        String cadre = registerCadre("黄某", RULE_VILLAGE, "RESPONSIBLE");
        String outsider = registerCadre("陆某", RULE_OTHER_VILLAGE, "RESPONSIBLE");
        String idle = registerCadre("潘某", RULE_TOWNSHIP, "RESPONSIBLE");
        assign(monitored, cadre, LocalDate.of(2024, 1, 2)).then().statusCode(201);
        assign(exited, cadre, LocalDate.of(2024, 1, 2)).then().statusCode(201);
        assign(ordinary, idle, LocalDate.of(2024, 1, 2)).then().statusCode(201);

        // a visit a month later, logged against the cadre
        clock.at(ZonedDateTime.of(LocalDate.of(2024, 2, 1), LocalTime.of(15, 0), ChinaTime.ZONE));
        Response visit = township()
                .body("{\"cadreId\":\"%s\",\"visitedOn\":\"2024-02-01\",\"note\":\"了解务工收入，宣讲小额信贷政策\"}".formatted(cadre))
                .post("/api/v1/households/" + monitored + "/visits");
        visit.then()
                .statusCode(201)
                .body("cadreId", equalTo(cadre))
                .body("cadreName", equalTo("黄某"))
                .body("note", equalTo("了解务工收入，宣讲小额信贷政策"));
        String visitId = visit.path("id");
        assertEquals(
                1,
                count("select count(*) from assistance_visit where id = '" + visitId + "' and cadre_id = '" + cadre
                        + "' and cadre_name = '黄某' and visited_on = date '2024-02-01'"));
        JsonNode recorded = Outboxes.events(dataSource, mapper, monitored, EventTypes.VISIT_RECORDED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.VISIT_RECORDED, recorded.toString());
        assertEquals(cadre, recorded.get("cadreId").asText());
        assertFalse(recorded.toString().contains("黄某") || recorded.toString().contains("小额信贷"));
        assertEquals(
                1,
                count("select count(*) from outbox_event where topic = 'audit-events'"
                        + " and payload ->> 'entityType' = 'assistance-visit' and payload ->> 'entityId' = '"
                        + visitId + "'"));
        // the old way, by name only, still works
        township()
                .body("{\"cadreName\":\"李某\",\"visitedOn\":\"2024-02-01\",\"note\":\"走访\"}")
                .post("/api/v1/households/" + ordinary + "/visits")
                .then()
                .statusCode(201)
                .body("cadreId", nullValue())
                .body("cadreName", equalTo("李某"));
        EventSchemas.assertValid(
                EventTypes.VISIT_RECORDED,
                Outboxes.events(dataSource, mapper, ordinary, EventTypes.VISIT_RECORDED)
                        .getFirst()
                        .toString());
        // refused: a cadre of another township, an unknown one, no visitor at all; nothing stored
        long visits = count("select count(*) from assistance_visit where household_id = '" + exited + "'");
        visitRefused(
                exited,
                "{\"cadreId\":\"%s\",\"visitedOn\":\"2024-02-01\",\"note\":\"走访\"}".formatted(outsider),
                "cadreId",
                "NOT_SERVING_VILLAGE");
        visitRefused(
                exited,
                "{\"cadreId\":\"%s\",\"visitedOn\":\"2024-02-01\",\"note\":\"走访\"}".formatted(UUID.randomUUID()),
                "cadreId",
                "UNKNOWN");
        visitRefused(exited, "{\"visitedOn\":\"2024-02-01\",\"note\":\"走访\"}", "cadreName", "REQUIRED");
        visitRefused(
                exited,
                "{\"cadreId\":\"%s\",\"visitedOn\":\"2024-02-02\",\"note\":\"走访\"}".formatted(cadre),
                "visitedOn",
                "FUTURE");
        assertEquals(visits, count("select count(*) from assistance_visit where household_id = '" + exited + "'"));

        // 10 May: the monitored household was last visited on 1 February, due by 3 May (92 days): 7 days overdue;
        // the 脱贫户 was never visited since it came under the rule on 2 January, due by 3 April: 37 days overdue
        clock.at(ZonedDateTime.of(LocalDate.of(2024, 5, 10), LocalTime.of(9, 0), ChinaTime.ZONE));
        township()
                .queryParam("division", RULE_TOWNSHIP)
                .get("/api/v1/visits/overdue")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].householdId", equalTo(exited))
                .body("items[0].headName", equalTo("成员0"))
                .body("items[0].villageCode", equalTo(RULE_VILLAGE))
                .body("items[0].villageName", equalTo("测试村"))
                .body("items[0].ruleRegion", equalTo(RULE_TOWNSHIP))
                .body("items[0].maxIntervalDays", equalTo(92))
                .body("items[0].lastVisitedOn", nullValue())
                .body("items[0].dueOn", equalTo("2024-04-03"))
                .body("items[0].daysOverdue", equalTo(37))
                .body("items[0].cadres[0].cadreId", equalTo(cadre))
                .body("items[0].cadres[0].name", equalTo("黄某"))
                .body("items[1].householdId", equalTo(monitored))
                .body("items[1].lastVisitedOn", equalTo("2024-02-01"))
                .body("items[1].dueOn", equalTo("2024-05-03"))
                .body("items[1].daysOverdue", equalTo(7));
        // as of 10 April only the 脱贫户 was overdue, by 7 days
        township()
                .queryParam("asOf", "2024-04-10")
                .get("/api/v1/visits/overdue")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].householdId", equalTo(exited))
                .body("items[0].daysOverdue", equalTo(7));
        // the cadre who misses the visits: two households, both overdue; the idle cadre's household is under no rule
        Tokens.as(Roles.AUDITOR, RULE_TOWNSHIP)
                .get("/api/v1/cadres/missing-visits")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].cadreId", equalTo(cadre))
                .body("items[0].name", equalTo("黄某"))
                .body("items[0].assignedHouseholds", equalTo(2))
                .body("items[0].overdueHouseholds", equalTo(2))
                .body("items[0].maxDaysOverdue", equalTo(37));
        // a visit puts the household back in order
        township()
                .body("{\"cadreId\":\"%s\",\"visitedOn\":\"2024-05-10\",\"note\":\"入户核实收入\"}".formatted(cadre))
                .post("/api/v1/households/" + exited + "/visits")
                .then()
                .statusCode(201);
        township()
                .get("/api/v1/visits/overdue")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].householdId", equalTo(monitored));
        assertFalse(exitedElsewhere.isEmpty());

        // the visits logged against the cadre, latest first, with what was done
        township()
                .get("/api/v1/cadres/" + cadre + "/visits")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].householdId", equalTo(exited))
                .body("items[0].visitedOn", equalTo("2024-05-10"))
                .body("items[0].headName", equalTo("成员0"))
                .body("items[0].note", equalTo("入户核实收入"))
                .body("items[1].householdId", equalTo(monitored))
                .body("items[1].visitedOn", equalTo("2024-02-01"));
        township()
                .queryParam("from", "2024-03-01")
                .queryParam("to", "2024-05-31")
                .get("/api/v1/cadres/" + cadre + "/visits")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
        township()
                .queryParam("from", "2024-03-01")
                .queryParam("to", "2024-02-01")
                .get("/api/v1/cadres/" + cadre + "/visits")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Tokens.as(Roles.VILLAGE_CLERK, RULE_OTHER_VILLAGE)
                .get("/api/v1/cadres/" + cadre + "/visits")
                .then()
                .statusCode(404);

        // bad input and other regions
        township()
                .queryParam("asOf", "2024-05-11")
                .get("/api/v1/visits/overdue")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        township()
                .queryParam("asOf", "2024-13-01")
                .get("/api/v1/cadres/missing-visits")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        township()
                .queryParam("division", "450422110")
                .get("/api/v1/visits/overdue")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Tokens.as(Roles.OPERATOR, RULE_TOWNSHIP)
                .get("/api/v1/visits/overdue")
                .then()
                .statusCode(403);
    }

    @Test
    void everyEndpointIsDocumentedWithItsExamples() {
        io.restassured.response.ValidatableResponse doc = RestAssured.given()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/cadres'.post.operationId", equalTo("registerCadre"))
                .body("paths.'/api/v1/cadres'.get.operationId", equalTo("listCadres"))
                .body("paths.'/api/v1/cadres/{id}'.get.operationId", equalTo("getCadre"))
                .body("paths.'/api/v1/cadres/{id}'.put.operationId", equalTo("updateCadre"))
                .body("paths.'/api/v1/cadres/{id}/deactivation'.post.operationId", equalTo("deactivateCadre"))
                .body("paths.'/api/v1/cadres/missing-visits'.get.operationId", equalTo("listCadresMissingVisits"))
                .body("paths.'/api/v1/cadres/{id}/visits'.get.operationId", equalTo("listCadreVisits"))
                .body("paths.'/api/v1/households/{id}/cadre-assignments'.post.operationId", equalTo("assignCadre"))
                .body(
                        "paths.'/api/v1/households/{id}/cadre-assignments'.get.operationId",
                        equalTo("getHouseholdCadres"))
                .body(
                        "paths.'/api/v1/cadre-assignments/missing'.get.operationId",
                        equalTo("listHouseholdsWithoutCadre"))
                .body("paths.'/api/v1/visit-rules/{region}'.put.operationId", equalTo("setVisitRule"))
                .body("paths.'/api/v1/visit-rules/{region}'.get.operationId", equalTo("getVisitRule"))
                .body("paths.'/api/v1/visits/overdue'.get.operationId", equalTo("listOverdueVisits"));
        for (String path : List.of(
                "'/api/v1/cadres'.post",
                "'/api/v1/cadres/{id}'.put",
                "'/api/v1/cadres/{id}/deactivation'.post",
                "'/api/v1/households/{id}/cadre-assignments'.post",
                "'/api/v1/visit-rules/{region}'.put",
                "'/api/v1/households/{id}/visits'.post")) {
            doc.body("paths." + path + ".requestBody.content.'application/json'.examples", not(nullValue()));
        }
    }

    private Response assign(String household, String cadre, LocalDate from) {
        return township()
                .body("{\"cadreId\":\"%s\",\"startsOn\":\"%s\",\"reason\":\"落实帮扶责任人\"}".formatted(cadre, from))
                .post("/api/v1/households/" + household + "/cadre-assignments");
    }

    private void assignRefused(String household, String cadre, LocalDate from, String field, String code) {
        assign(household, cadre, from)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(code));
    }

    private void visitRefused(String household, String body, String field, String code) {
        township()
                .body(body)
                .post("/api/v1/households/" + household + "/visits")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.code", hasItem(code));
    }

    private void ruleRefused(String body, String field) {
        township()
                .body(body)
                .put("/api/v1/visit-rules/" + RULE_VILLAGE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private void refused(RequestSpecification request, String field) {
        refused(request, field, null);
    }

    private void refused(RequestSpecification request, String field, String code) {
        var response = request.post("/api/v1/cadres").then().statusCode(400).contentType("application/problem+json");
        if (field != null) {
            response.body("errors[0].field", equalTo(field));
        }
        if (code != null) {
            response.body("errors[0].code", equalTo(code));
        }
    }

    private static String cadre(String name, String phone, String division, String kind) {
        return """
                {"name":"%s","unit":"县农业农村局","position":"驻村第一书记","phone":"%s","divisionCode":"%s","kind":"%s"}""".formatted(name, phone, division, kind);
    }

    private String registerCadre(String name, String division, String kind) {
        return township()
                .body(cadre(name, PHONE, division, kind))
                .post("/api/v1/cadres")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String register(String village) {
        return admin().contentType(ContentType.JSON)
                .body(Fixtures.household(village, Fixtures.idNumber(LocalDate.of(1970, 3, 3), true)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String registerExited(String village) {
        return admin().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s","attributes":{"povertyStatus":"EXITED","exitYear":2018},
                         "members":[{"name":"成员0","idNumber":"%s","relation":"HEAD"}]}""".formatted(village, Fixtures.idNumber(LocalDate.of(1966, 6, 6), true)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String registerMonitored(String village) {
        return admin().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s","monitoring":{"category":"EDGE_AT_RISK","riskTypes":["ILLNESS"],"riskState":"AT_RISK",
                         "identifiedYear":%d,"monitoredSince":"%s"},
                         "members":[{"name":"成员0","idNumber":"%s","relation":"HEAD"}]}""".formatted(
                                village,
                                clock.today().getYear(),
                                clock.today(),
                                Fixtures.idNumber(LocalDate.of(1962, 4, 4), false)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
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

    private RequestSpecification township() {
        return Tokens.as(Roles.TOWNSHIP_OFFICER, township).contentType(ContentType.JSON);
    }
}
