package cn.ruralwatch.household;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdRegistered;
import cn.ruralwatch.household.household.Household;
import cn.ruralwatch.household.household.HouseholdMapper;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * Households and members with all their attributes: validation of contradictions, changes as merge patches with their
 * history, member changes (自然增减), split and merge, and the household as it was on a date.
 */
@QuarkusTest
class HouseholdChangesTest {

    static final String VILLAGE = "450422102201";
    static final String OTHER_VILLAGE = "450422102202";
    // REST Assured would encode a body of an unfamiliar media type as ISO-8859-1 unless told otherwise
    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void divisions() {
        clock.reset();
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.village(VILLAGE);
        Fixtures.division(OTHER_VILLAGE, "另一村", "VILLAGE", VILLAGE.substring(0, 9));
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void registersEveryAttributeAndComputesIncomePerPerson() throws Exception {
        String head = Fixtures.idNumber("19680412", true);
        String wife = Fixtures.idNumber("19700822", false);
        String son = Fixtures.idNumber("20120301", true);
        Response response = given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s",
                         "attributes":{"address":"那勒屯 12 号","povertyStatus":"EXITED","exitYear":2019,"minimumLiving":true,
                           "housingSafetyGrade":"B","housingAreaPerCapita":32.5,"housingRenovation":"COMPLETED",
                           "drinkingWater":{"quantity":true,"quality":true,"convenience":true,"supplyGuarantee":true},
                           "electricity":true,"tvBroadband":true,"roadToHamlet":true,"industries":["桑蚕","肉牛"],
                           "cooperative":"凤阁村桑蚕专业合作社"},
                         "monitoring":{"category":"UNSTABLE_EXITED","riskTypes":["ILLNESS"],"riskState":"AT_RISK","identifiedYear":2022},
                         "incomes":[{"year":2025,"wage":36000,"business":8000,"property":600,"transfer":3200,"productionCosts":2500}],
                         "members":[
                          {"name":"韦某强","idNumber":"%s","relation":"HEAD","sex":"MALE","birthDate":"1968-04-12",
                           "attributes":{"laborAbility":"ORDINARY","health":"CHRONIC_ILLNESS","medicalInsurance":"ENROLLED",
                             "pensionInsurance":"ENROLLED","employmentLocation":"OUT_OF_PROVINCE","employmentMonths":10,
                             "employmentMonthlyIncome":3600}},
                          {"name":"黄某梅","idNumber":"%s","relation":"SPOUSE",
                           "attributes":{"laborAbility":"WEAK","health":"DISABLED","disabilityGrade":3,"medicalInsurance":"ENROLLED"}},
                          {"name":"韦某明","idNumber":"%s","relation":"SON",
                           "attributes":{"educationStage":"JUNIOR_SECONDARY","schoolingStatus":"IN_SCHOOL","schoolLocation":"IN_COUNTY",
                             "medicalInsurance":"ENROLLED","pensionInsurance":"NOT_ENROLLED","pensionInsuranceExemption":"STUDENT"}}]}""".formatted(VILLAGE, head, wife, son))
                .post("/api/v1/households");
        response.then()
                .statusCode(201)
                .body("attributes.povertyStatus", equalTo("EXITED"))
                .body("attributes.industries", hasItems("桑蚕", "肉牛"))
                .body("monitoring.category", equalTo("UNSTABLE_EXITED"))
                .body("drinkingWaterSecured", equalTo(true))
                .body("disabledHousehold", equalTo(true))
                .body("memberCount", equalTo(3))
                // (36000 + 8000 + 600 + 3200 − 2500) ÷ 3
                .body("incomes[0].netIncome", equalTo(45300.00f))
                .body("netIncomePerCapita", equalTo(15100.00f))
                .body("members[1].attributes.disabilityGrade", equalTo(3))
                .body("members[2].attributes.schoolLocation", equalTo("IN_COUNTY"));
        String id = response.path("id");

        JsonNode registered = event(id, EventTypes.HOUSEHOLD_REGISTERED).getFirst();
        EventSchemas.assertValid(EventTypes.HOUSEHOLD_REGISTERED, registered.toString());
        // the outbox keeps no second copy of the household: the event's row names the registration's revision, and
        // the event is built from that as it is published; it carries the household as its rows hold it
        assertEquals(
                "household-registration/" + id + ":0",
                Rows.text(
                        dataSource,
                        "select payload_ref from outbox_event where payload is null and event_type = '"
                                + EventTypes.HOUSEHOLD_REGISTERED + "' and aggregate_id = '" + id + "'"));
        String stored = QuarkusTransaction.requiringNew()
                .call(() -> mapper.writeValueAsString(new HouseholdRegistered(
                        HouseholdMapper.state(entityManager.find(Household.class, UUID.fromString(id))), null)));
        assertEquals(mapper.readTree(stored), registered);
        JsonNode state = registered.get("household");
        assertEquals("EXITED", state.get("povertyStatus").asText());
        assertEquals("B", state.get("housing").get("safetyGrade").asText());
        assertEquals(
                15100.00, state.get("incomes").get(0).get("netIncomePerCapita").asDouble());
        assertEquals("DISABLED", state.get("members").get(1).get("health").asText());
        // the head's name (户主姓名) and no other
        assertEquals("韦某强", state.get("headName").asText());
        assertFalse(registered.toString().contains("黄某梅"), "events carry no names but the head's");
        assertFalse(registered.toString().contains("韦某明"), "events carry no names but the head's");
        assertEquals(
                List.of("REGISTER"),
                revisions(id).stream().map(r -> r.getString("operation")).toList());
    }

    @Test
    void refusesContradictionsNamingEachFieldAndStoresNothing() throws Exception {
        long before = count("select count(*) from household");
        // ten years old: under working age
        String child = Fixtures.idNumber(Fixtures.today().minusYears(10), false);
        given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s",
                         "attributes":{"povertyStatus":"NOT_EXITED","exitYear":2019,"noHouse":true,"housingSafetyGrade":"C"},
                         "members":[
                          {"name":"甲","idNumber":"%s","relation":"HEAD","sex":"FEMALE","birthDate":"1980-01-02",
                           "attributes":{"health":"DISABLED"}},
                          {"name":"乙","idNumber":"%s","relation":"DAUGHTER",
                           "attributes":{"laborAbility":"ORDINARY","schoolingStatus":"IN_SCHOOL","specialSchoolingCase":"PREGNANCY"}}]}""".formatted(VILLAGE, Fixtures.idNumber("19800101", true), child))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("members[0].sex", "members[0].birthDate"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s",
                         "attributes":{"povertyStatus":"NOT_EXITED","exitYear":2019,"noHouse":true,"housingSafetyGrade":"C"},
                         "members":[
                          {"name":"甲","idNumber":"%s","relation":"HEAD","attributes":{"health":"DISABLED"}},
                          {"name":"乙","idNumber":"%s","relation":"DAUGHTER",
                           "attributes":{"laborAbility":"ORDINARY","schoolingStatus":"IN_SCHOOL","specialSchoolingCase":"PREGNANCY"}}]}""".formatted(VILLAGE, Fixtures.idNumber("19800101", true), child))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        hasItems(
                                "attributes.exitYear",
                                "attributes.noHouse",
                                "members[0].attributes.disabilityGrade",
                                "members[1].attributes.laborAbility",
                                "members[1].attributes.specialSchoolingCase"))
                .body(
                        "errors.find { it.field == 'members[1].attributes.laborAbility' }.code",
                        equalTo("UNDER_WORKING_AGE"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s","members":[{"name":"甲","idNumber":"%s","relation":"HEAD","medicalInsurance":"ENROLLED"}]}""".formatted(VILLAGE, Fixtures.idNumber("19800101", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("members[0].medicalInsurance"));
        assertEquals(before, count("select count(*) from household"));
    }

    @Test
    @DependsOnCryptoMode
    void patchChangesAttributesWithHistoryEventAndAudit() throws Exception {
        String id = register(VILLAGE, Fixtures.idNumber("19650203", true));
        given().contentType(MERGE_PATCH)
                .body("{\"attributes\":{\"housingSafetyGrade\":\"C\"}}")
                .patch("/api/v1/households/" + id)
                .then()
                .statusCode(428);
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body("""
                        {"attributes":{"housingSafetyGrade":"C","housingRenovation":"IN_PROGRESS","phone":"13912345678"},
                         "reason":"入户核实：房屋局部危险"}""")
                .patch("/api/v1/households/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("attributes.housingSafetyGrade", equalTo("C"))
                .body("attributes.phone", equalTo("13912345678"));
        // a patch based on the old version changes nothing
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body("{\"attributes\":{\"housingSafetyGrade\":\"A\"}}")
                .patch("/api/v1/households/" + id)
                .then()
                .statusCode(412);
        // a contradiction (a safe house awaiting renovation) and an unknown field are refused
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"")
                .body("{\"attributes\":{\"housingSafetyGrade\":\"A\"}}")
                .patch("/api/v1/households/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attributes.housingRenovation"));
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"")
                .body("{\"attributes\":{\"housingGrade\":\"A\"}}")
                .patch("/api/v1/households/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attributes.housingGrade"));
        // null clears a field
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"")
                .body("{\"attributes\":{\"phone\":null},\"reason\":\"号码停用\"}")
                .patch("/api/v1/households/" + id)
                .then()
                .statusCode(200)
                .body("attributes.phone", nullValue())
                .body("version", equalTo(2));

        List<JsonPath> revisions = revisions(id);
        assertEquals(
                List.of("UPDATE", "UPDATE", "REGISTER"),
                revisions.stream().map(r -> r.getString("operation")).toList());
        JsonPath update = revisions.get(1);
        assertEquals("入户核实：房屋局部危险", update.getString("reason"));
        assertEquals("test-county-admin", update.getString("actor"));
        assertEquals("C", update.getString("changes.find { it.field == 'attributes.housingSafetyGrade' }.newValue"));
        assertEquals(null, update.getString("changes.find { it.field == 'attributes.housingSafetyGrade' }.oldValue"));
        assertEquals("139****5678", update.getString("changes.find { it.field == 'attributes.phone' }.newValue"));
        // the registration is stored as its snapshot alone; its changes, every field from nothing, are derived from it
        JsonPath registration = revisions.get(2);
        assertEquals("成员0", registration.getString("changes.find { it.field == 'members[0].name' }.newValue"));
        assertEquals(null, registration.getString("changes.find { it.field == 'members[0].name' }.oldValue"));
        assertEquals(
                1,
                Outboxes.count(
                        dataSource,
                        "select count(*) from household_revision where household_id = '" + id
                                + "' and changes is null"));

        List<JsonNode> changed = event(id, EventTypes.HOUSEHOLD_CHANGED);
        assertEquals(2, changed.size());
        changed.forEach(e -> EventSchemas.assertValid(EventTypes.HOUSEHOLD_CHANGED, e.toString()));
        List<String> fields = new ArrayList<>();
        changed.getFirst().get("changedFields").forEach(f -> fields.add(f.asText()));
        assertTrue(
                fields.containsAll(
                        List.of("attributes.housingSafetyGrade", "attributes.housingRenovation", "attributes.phone")),
                fields.toString());
        assertEquals(1, changed.getFirst().get("household").get("version").asLong());
        assertFalse(changed.getFirst().toString().contains("13912345678"), "events carry no phone numbers");
        // each change's values are written once, in its revision: the audit entry names it and the changed fields
        List<JsonNode> audited = Outboxes.events(dataSource, mapper, id, EventTypes.AUDIT_RECORDED).stream()
                .filter(e -> "UPDATE".equals(e.get("action").asText()))
                .toList();
        assertEquals(2, audited.size());
        audited.forEach(e -> EventSchemas.assertValid(EventTypes.AUDIT_RECORDED, e.toString()));
        assertEquals(
                List.of(1L, 2L),
                audited.stream().map(e -> e.get("revision").asLong()).toList());
        assertEquals(
                update.getList("changes.field", String.class),
                audited.getFirst().get("changes").findValuesAsText("field"));
        assertTrue(audited.getFirst().get("changes").findValues("newValue").stream()
                .allMatch(JsonNode::isNull));
        assertFalse(audited.getFirst().toString().contains("139****5678"), "the entry does not copy the values");
        assertEquals("test-county-admin", audited.getFirst().get("actor").asText());
    }

    @Test
    void theHistoryIsAppendOnly() throws Exception {
        String id = register(VILLAGE, Fixtures.idNumber("19660304", true));
        for (String sql : new String[] {
            "update household_revision set actor = 'someone-else' where household_id = '" + id + "'",
            "delete from household_revision where household_id = '" + id + "'",
            "truncate household_revision"
        }) {
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (Connection c = dataSource.getConnection()) {
                    c.createStatement().execute(sql);
                }
            });
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        List<JsonPath> revisions = revisions(id);
        assertEquals(1, revisions.size());
        assertEquals("test-county-admin", revisions.getFirst().getString("actor"));
    }

    @Test
    void incomesAndMemberChangesKeepPerCapitaIncomeCurrent() throws Exception {
        // registered a year ago, with that year's income
        LocalDate registered = Fixtures.today().minusYears(1);
        int year = registered.getYear();
        clock.at(ZonedDateTime.of(registered, LocalTime.of(10, 0), ChinaTime.ZONE));
        String head = Fixtures.idNumber("19600710", true);
        String id = register(VILLAGE, head, Fixtures.idNumber("19880920", true));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("""
                        {"income":{"year":%d,"wage":12000,"transfer":1500,"productionCosts":1500},"reason":"年度收入核算"}""".formatted(year))
                .put("/api/v1/households/" + id + "/incomes/" + year)
                .then()
                .statusCode(200)
                .body("netIncomePerCapita", equalTo(6000.00f));
        clock.reset();
        // a birth before the household's record began belongs in its registration, not in a change of it
        LocalDate early = registered.minusDays(1);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("""
                        {"change":"BIRTH","effectiveOn":"%s","member":{"name":"韦某早","idNumber":"%s","relation":"GRANDSON"}}""".formatted(early, Fixtures.idNumber(early, true)))
                .post("/api/v1/households/" + id + "/member-changes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"))
                .body("errors[0].code", equalTo("BEFORE_HOUSEHOLD"))
                .body("errors[0].message", containsString(early.toString()))
                .body("errors[0].message", containsString(registered.toString()));

        // 出生: a third member, and the income spread over three; born, died and enlisted within the last year
        LocalDate birth = Fixtures.today().minusMonths(11);
        LocalDate death = Fixtures.today().minusMonths(9);
        LocalDate enlistment = Fixtures.today().minusMonths(3);
        String baby = Fixtures.idNumber(birth, false);
        Response born = given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("""
                        {"change":"BIRTH","effectiveOn":"%s","reason":"新生儿落户",
                         "member":{"name":"韦某花","idNumber":"%s","relation":"GRANDDAUGHTER"}}""".formatted(birth, baby))
                .post("/api/v1/households/" + id + "/member-changes");
        born.then()
                .statusCode(200)
                .body("memberCount", equalTo(3))
                .body("netIncomePerCapita", equalTo(4000.00f))
                .body("members[2].joinedBy", equalTo("BIRTH"));
        JsonNode added = event(id, EventTypes.MEMBER_ADDED).getFirst();
        EventSchemas.assertValid(EventTypes.MEMBER_ADDED, added.toString());
        assertEquals("BIRTH", added.get("change").asText());
        // no one leaves before joining: the newborn cannot have moved out before birth, nor anyone on a day long gone
        String babyId = born.path("members[2].id");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body("""
                        {"change":"MOVE_OUT","effectiveOn":"%s","memberId":"%s"}""".formatted(birth.minusDays(1), babyId))
                .post("/api/v1/households/" + id + "/member-changes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"))
                .body("errors[0].code", equalTo("BEFORE_JOINING"))
                .body("errors[0].message", containsString(birth.minusDays(1).toString()))
                .body("errors[0].message", containsString(birth.toString()));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body("""
                        {"change":"MOVE_OUT","effectiveOn":"2020-06-30","memberId":"%s"}""".formatted(born.<String>path("members[1].id")))
                .post("/api/v1/households/" + id + "/member-changes")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("BEFORE_JOINING"))
                .body("errors[0].message", containsString(registered.toString()));

        // a birth on another day than the ID number's birth date is refused
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body("""
                        {"change":"BIRTH","effectiveOn":"%s",
                         "member":{"name":"某","idNumber":"%s","relation":"GRANDSON"}}""".formatted(birth.plusDays(27), Fixtures.idNumber(birth.plusDays(1), true)))
                .post("/api/v1/households/" + id + "/member-changes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"));

        // 死亡 of the head needs a new head; the record stays, marked as removed
        String headId = born.path("members[0].id");
        String sonId = born.path("members[1].id");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body("{\"change\":\"DEATH\",\"effectiveOn\":\"%s\",\"memberId\":\"%s\"}".formatted(death, headId))
                .post("/api/v1/households/" + id + "/member-changes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("newHeadMemberId"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body("""
                        {"change":"DEATH","effectiveOn":"%s","memberId":"%s","newHeadMemberId":"%s","reason":"病故"}""".formatted(death, headId, sonId))
                .post("/api/v1/households/" + id + "/member-changes")
                .then()
                .statusCode(200)
                .body("memberCount", equalTo(2))
                .body("members[0].status", equalTo("REMOVED"))
                .body("members[0].leftBy", equalTo("DEATH"))
                .body("members[0].leftOn", equalTo(death.toString()))
                .body("members[1].relation", equalTo("HEAD"))
                .body("netIncomePerCapita", equalTo(6000.00f));
        JsonNode removed = event(id, EventTypes.MEMBER_REMOVED).getFirst();
        EventSchemas.assertValid(EventTypes.MEMBER_REMOVED, removed.toString());
        assertEquals(headId, removed.get("memberId").asText());
        // the person who died is still found by the ID number, in the household the record stays in
        lookUp(head).statusCode(200).body("id", equalTo(id));

        // 入伍: stays a member, counted as an active soldier
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"3\"")
                .body("{\"change\":\"ENLISTMENT\",\"effectiveOn\":\"%s\",\"memberId\":\"%s\"}"
                        .formatted(enlistment, sonId))
                .post("/api/v1/households/" + id + "/member-changes")
                .then()
                .statusCode(200)
                .body("members[1].attributes.activeSoldier", equalTo(true))
                .body("memberCount", equalTo(2));

        assertEquals(
                List.of("ENLISTMENT", "MEMBER_REMOVED", "MEMBER_ADDED", "INCOME", "REGISTER"),
                revisions(id).stream().map(r -> r.getString("operation")).toList());
    }

    @Test
    void everyChangeOfTheHeadOrOfTheHeadsNameIsAnEventNamingTheHead() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s","members":[
                          {"name":"蓝某山","idNumber":"%s","relation":"HEAD"},
                          {"name":"蓝某海","idNumber":"%s","relation":"SON"},
                          {"name":"莫某英","idNumber":"%s","relation":"DAUGHTER_IN_LAW"}]}""".formatted(
                                VILLAGE,
                                Fixtures.idNumber("19500505", true),
                                Fixtures.idNumber("19750606", true),
                                Fixtures.idNumber("19770707", false)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(
                "蓝某山",
                lastState(id, EventTypes.HOUSEHOLD_REGISTERED).get("headName").asText());
        JsonPath household = given().get("/api/v1/households/" + id).jsonPath();
        String sonId = household.getString("members[1].id");
        String wifeId = household.getString("members[2].id");

        // 户主变更: the son becomes head
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("""
                        {"memberId":"%s","formerHeadRelation":"FATHER","reason":"原户主年迈"}""".formatted(sonId))
                .put("/api/v1/households/" + id + "/head")
                .then()
                .statusCode(200);
        JsonNode headChanged = event(id, EventTypes.HOUSEHOLD_CHANGED).getLast();
        EventSchemas.assertValid(EventTypes.HOUSEHOLD_CHANGED, headChanged.toString());
        assertEquals("HEAD_CHANGE", headChanged.get("operation").asText());
        assertEquals("蓝某海", headChanged.get("household").get("headName").asText());

        // the head's name corrected
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"")
                .body("{\"name\":\"蓝某洋\",\"reason\":\"姓名录入错误\"}")
                .patch("/api/v1/households/" + id + "/members/" + sonId)
                .then()
                .statusCode(200);
        JsonNode renamed = event(id, EventTypes.HOUSEHOLD_CHANGED).getLast();
        assertEquals("MEMBER_UPDATE", renamed.get("operation").asText());
        assertEquals("蓝某洋", renamed.get("household").get("headName").asText());

        // the head dies: the member named takes over
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body("""
                        {"change":"DEATH","effectiveOn":"%s","memberId":"%s","newHeadMemberId":"%s"}""".formatted(Fixtures.today(), sonId, wifeId))
                .post("/api/v1/households/" + id + "/member-changes")
                .then()
                .statusCode(200);
        assertEquals(
                "莫某英", lastState(id, EventTypes.MEMBER_REMOVED).get("headName").asText());
    }

    @Test
    void incomesCarryTheDayTheyWereAssessedIntoTheHistoryAndTheAudit() throws Exception {
        String id = register(VILLAGE, Fixtures.idNumber("19620303", true));
        LocalDate today = Fixtures.today();
        int year = today.getYear() - 1;
        String path = "/api/v1/households/" + id + "/incomes/" + year;
        // a day in the future, or before the income's year began, is refused naming the field and both days
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("""
                        {"income":{"year":%d,"wage":9000,"assessedOn":"%s"}}""".formatted(year, today.plusDays(1)))
                .put(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("income.assessedOn"))
                .body("errors[0].code", equalTo("FUTURE"))
                .body("errors[0].message", containsString(today.plusDays(1).toString()))
                .body("errors[0].message", containsString(today.toString()));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("""
                        {"income":{"year":%d,"wage":9000,"assessedOn":"%d-12-31"}}""".formatted(year, year - 1))
                .put(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("income.assessedOn"))
                .body("errors[0].code", equalTo("BEFORE_YEAR"))
                .body("errors[0].message", containsString((year - 1) + "-12-31"))
                .body("errors[0].message", containsString(year + "-01-01"));
        assertEquals(
                List.of("REGISTER"),
                revisions(id).stream().map(r -> r.getString("operation")).toList());

        // without a day the income is assessed the day it is recorded; the same amounts again change nothing
        String undated = """
                {"income":{"year":%d,"wage":9000},"reason":"年度收入核算"}""".formatted(year);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(undated)
                .put(path)
                .then()
                .statusCode(200)
                .body("incomes[0].assessedOn", equalTo(today.toString()));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(undated)
                .put(path)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("incomes[0].assessedOn", equalTo(today.toString()));
        // the day it was assessed, given, is a change like any other: in the history and the audit trail
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("""
                        {"income":{"year":%d,"wage":9000,"assessedOn":"%d-12-20"},"reason":"按核定表更正日期"}""".formatted(year, year))
                .put(path)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("incomes[0].assessedOn", equalTo(year + "-12-20"));
        JsonPath corrected = revisions(id).getFirst();
        assertEquals("INCOME", corrected.getString("operation"));
        assertEquals(
                today.toString(), corrected.getString("changes.find { it.field == 'incomes[0].assessedOn' }.oldValue"));
        assertEquals(
                year + "-12-20", corrected.getString("changes.find { it.field == 'incomes[0].assessedOn' }.newValue"));
        // the audit entry names the field and the revision holding its values
        assertEquals(
                1,
                count("select count(*) from outbox_event where event_type = '" + EventTypes.AUDIT_RECORDED
                        + "' and aggregate_id = '" + id + "' and payload->>'revision' = '2'"
                        + " and payload::text like '%incomes[0].assessedOn%'"));
        assertEquals(
                1,
                count("select count(*) from household_income where household_id = '" + id + "' and assessed_on = date '"
                        + year + "-12-20'"));

        // a registration names the record whose day is wrong
        given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s","members":[{"name":"甲","idNumber":"%s","relation":"HEAD"}],
                         "incomes":[{"year":%d,"wage":1000},{"year":%d,"wage":1000,"assessedOn":"%d-06-30"}]}""".formatted(VILLAGE, Fixtures.idNumber("19630404", true), year - 1, year, year - 1))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("incomes[1].assessedOn"))
                .body("errors[0].code", equalTo("BEFORE_YEAR"));
    }

    @Test
    @DependsOnCryptoMode
    void memberPatchCorrectsIdNumberAndKeepsOnePersonInOneHousehold() throws Exception {
        String head = Fixtures.idNumber("19720304", false);
        String other = Fixtures.idNumber("19750101", true);
        String id = register(VILLAGE, head, Fixtures.idNumber("19990909", true));
        register(VILLAGE, other);
        String memberId = given().get("/api/v1/households/" + id).path("members[1].id");

        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body("{\"idNumber\":\"%s\"}".formatted(other))
                .patch("/api/v1/households/" + id + "/members/" + memberId)
                .then()
                .statusCode(409)
                .body("errors[0].code", equalTo("ALREADY_REGISTERED"));
        String corrected = Fixtures.idNumber("19990910", true);
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body("""
                        {"idNumber":"%s","attributes":{"health":"SERIOUS_ILLNESS","laborAbility":"LOST"},"reason":"身份证号录入错误"}""".formatted(corrected))
                .patch("/api/v1/households/" + id + "/members/" + memberId)
                .then()
                .statusCode(200)
                .body("members[1].idNumber", equalTo(corrected))
                .body("members[1].birthDate", equalTo("1999-09-10"))
                .body("members[1].attributes.health", equalTo("SERIOUS_ILLNESS"));
        lookUp(corrected).statusCode(200).body("id", equalTo(id));
        JsonPath revision = revisions(id).getFirst();
        assertEquals("MEMBER_UPDATE", revision.getString("operation"));
        assertTrue(revision.getList("changes.field").contains("members[1].idNumber"));
        assertFalse(revision.prettify().contains(corrected), "history keeps ID numbers masked");
    }

    @Test
    void splitAndMergeMoveMembersBetweenHouseholds() throws Exception {
        String father = Fixtures.idNumber("19580101", true);
        String son = Fixtures.idNumber("19860202", true);
        String daughterInLaw = Fixtures.idNumber("19880303", false);
        // registered eight months ago
        clock.at(ZonedDateTime.of(Fixtures.today().minusMonths(8), LocalTime.of(10, 0), ChinaTime.ZONE));
        String id = register(VILLAGE, father, son, daughterInLaw);
        clock.reset();
        JsonPath household = given().get("/api/v1/households/" + id).jsonPath();
        String sonId = household.getString("members[1].id");
        String wifeId = household.getString("members[2].id");

        Response split = given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("""
                        {"members":[{"memberId":"%s","relation":"HEAD"},{"memberId":"%s","relation":"SPOUSE"}],
                         "villageCode":"%s","effectiveOn":"%s","reason":"长子结婚后分户"}""".formatted(
                                sonId, wifeId, OTHER_VILLAGE, Fixtures.today().minusMonths(7)))
                .post("/api/v1/households/" + id + "/splits");
        split.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/households/"))
                .body("villageCode", equalTo(OTHER_VILLAGE))
                .body("splitFrom", equalTo(id))
                .body("members", hasSize(2))
                .body("members[0].relation", equalTo("HEAD"))
                .body("members[0].joinedBy", equalTo("SPLIT"))
                .body("members[0].idNumber", equalTo(son));
        String newId = split.path("id");
        given().get("/api/v1/households/" + id)
                .then()
                .body("memberCount", equalTo(1))
                .body("members[1].status", equalTo("REMOVED"))
                .body("members[1].leftBy", equalTo("SPLIT"));
        // the son's ID number is in both households now, as a member who left and as the head: the look-up finds the
        // household he lives in
        lookUp(son).statusCode(200).body("id", equalTo(newId));
        JsonNode registered = event(newId, EventTypes.HOUSEHOLD_REGISTERED).getFirst();
        EventSchemas.assertValid(EventTypes.HOUSEHOLD_REGISTERED, registered.toString());
        assertEquals(id, registered.get("splitFrom").asText());
        assertEquals(
                "SPLIT",
                event(id, EventTypes.HOUSEHOLD_CHANGED)
                        .getFirst()
                        .get("operation")
                        .asText());

        // 合户: the new household comes back; it is kept, marked as merged, and takes no more changes
        JsonPath newHousehold = split.jsonPath();
        LocalDate merged = Fixtures.today().minusMonths(6);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("""
                        {"householdId":"%s","members":[{"memberId":"%s","relation":"SON"}],"effectiveOn":"%s"}""".formatted(newId, newHousehold.getString("members[0].id"), merged))
                .post("/api/v1/households/" + id + "/merges")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("NOT_ALL_MEMBERS"));
        // the household split off seven months ago cannot be merged in before it existed
        LocalDate beforeSplit = Fixtures.today().minusMonths(7).minusDays(1);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("""
                        {"householdId":"%s","members":[{"memberId":"%s","relation":"SON"},{"memberId":"%s","relation":"DAUGHTER_IN_LAW"}],
                         "effectiveOn":"%s"}""".formatted(
                                newId,
                                newHousehold.getString("members[0].id"),
                                newHousehold.getString("members[1].id"),
                                beforeSplit))
                .post("/api/v1/households/" + id + "/merges")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"))
                .body("errors[0].code", equalTo("BEFORE_HOUSEHOLD"))
                .body(
                        "errors[0].message",
                        containsString(Fixtures.today().minusMonths(7).toString()));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("""
                        {"householdId":"%s","members":[{"memberId":"%s","relation":"SON"},{"memberId":"%s","relation":"DAUGHTER_IN_LAW"}],
                         "effectiveOn":"%s","reason":"合户赡养老人"}""".formatted(
                                newId,
                                newHousehold.getString("members[0].id"),
                                newHousehold.getString("members[1].id"),
                                merged))
                .post("/api/v1/households/" + id + "/merges")
                .then()
                .statusCode(200)
                .body("memberCount", equalTo(3))
                .body("members[3].joinedBy", equalTo("MERGE"))
                .body("members[4].relation", equalTo("DAUGHTER_IN_LAW"));
        // the merged household is no longer listed among the village's households, but found by its status
        given().queryParam("division", OTHER_VILLAGE)
                .queryParam("size", 500)
                .get("/api/v1/households")
                .then()
                .body("items.id", org.hamcrest.Matchers.not(hasItem(newId)));
        given().contentType(ContentType.JSON)
                .body("{\"division\":\"" + OTHER_VILLAGE + "\",\"status\":\"MERGED\",\"size\":500}")
                .post("/api/v1/households/search")
                .then()
                .body("items.id", hasItem(newId));
        given().get("/api/v1/households/" + newId)
                .then()
                .body("status", equalTo("MERGED"))
                .body("mergedInto", equalTo(id))
                .body("memberCount", equalTo(0));
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"")
                .body("{\"attributes\":{\"electricity\":true}}")
                .patch("/api/v1/households/" + newId)
                .then()
                .statusCode(409);
        JsonNode mergedInto = event(newId, EventTypes.HOUSEHOLD_CHANGED).getFirst();
        assertEquals("MERGED_INTO", mergedInto.get("operation").asText());
        assertEquals("MERGED", mergedInto.get("household").get("status").asText());
    }

    @Test
    void householdAsItWasOnADate() throws Exception {
        String id = register(VILLAGE, Fixtures.idNumber("19710506", true));
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body("{\"attributes\":{\"housingSafetyGrade\":\"D\",\"housingRenovation\":\"NEEDED\"}}")
                .patch("/api/v1/households/" + id)
                .then()
                .statusCode(200);
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"")
                .body("{\"attributes\":{\"housingSafetyGrade\":\"B\",\"housingRenovation\":\"COMPLETED\"}}")
                .patch("/api/v1/households/" + id)
                .then()
                .statusCode(200);
        // the three revisions as if recorded on 10 January, 1 June and 1 October 2025
        backdate(id, 0, "2025-01-10T09:00:00+08:00");
        backdate(id, 1, "2025-06-01T09:00:00+08:00");
        backdate(id, 2, "2025-10-01T23:59:00+08:00");

        given().queryParam("asOf", "2025-01-09")
                .get("/api/v1/households/" + id)
                .then()
                .statusCode(404);
        given().queryParam("asOf", "2025-03-31")
                .get("/api/v1/households/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(0))
                .body("attributes.housingSafetyGrade", nullValue());
        given().queryParam("asOf", "2025-06-30")
                .get("/api/v1/households/" + id)
                .then()
                .body("version", equalTo(1))
                .body("attributes.housingSafetyGrade", equalTo("D"));
        // the end of the day in China Standard Time
        given().queryParam("asOf", "2025-10-01")
                .get("/api/v1/households/" + id)
                .then()
                .body("version", equalTo(2))
                .body("attributes.housingSafetyGrade", equalTo("B"));
        given().queryParam("asOf", "2025-13-01")
                .get("/api/v1/households/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().get("/api/v1/households/" + id + "/revisions/1")
                .then()
                .statusCode(200)
                .body("revision.changes.field", hasItem("attributes.housingSafetyGrade"))
                .body("household.attributes.housingSafetyGrade", equalTo("D"));
    }

    private static String register(String village, String... idNumbers) {
        return given().contentType(ContentType.JSON)
                .body(Fixtures.household(village, idNumbers))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static List<JsonPath> revisions(String id) {
        JsonPath page = given().get("/api/v1/households/" + id + "/revisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<JsonPath> revisions = new ArrayList<>();
        for (int i = 0; i < page.getList("items").size(); i++) {
            revisions.add(new JsonPath(page.prettify()).setRootPath("items[" + i + "]"));
        }
        return revisions;
    }

    private List<JsonNode> event(String householdId, String type) throws Exception {
        return Outboxes.events(dataSource, mapper, householdId, type);
    }

    /** The household's state in its latest event of the type. */
    private JsonNode lastState(String householdId, String type) throws Exception {
        return event(householdId, type).getLast().get("household");
    }

    /**
     * Moves a revision back in time, as if it had been recorded then. The history is append-only by trigger; the test
     * sets the revision's time as the database owner would, with triggers off for this transaction alone.
     */
    private void backdate(String householdId, long version, String recordedAt) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("set local session_replication_role = replica");
            try (PreparedStatement s = c.prepareStatement("update household_revision set recorded_at = ?::timestamptz"
                    + " where household_id = ?::uuid and version = ?")) {
                s.setString(1, recordedAt);
                s.setString(2, householdId);
                s.setLong(3, version);
                assertEquals(1, s.executeUpdate());
            }
            c.commit();
        }
    }

    private long count(String sql) throws Exception {
        return Outboxes.count(dataSource, sql);
    }

    /** The household of a person, looked up by the ID number. */
    private static ValidatableResponse lookUp(String idNumber) {
        return given().contentType(ContentType.JSON)
                .body("{\"idNumber\":\"%s\"}".formatted(idNumber))
                .post("/api/v1/households/lookup")
                .then();
    }
}
