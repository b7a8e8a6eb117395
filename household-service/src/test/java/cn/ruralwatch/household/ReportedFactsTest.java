package cn.ruralwatch.household;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the township work reports count, held per household and member (issue 21): 农业户籍 (the household's by its
 * head's), television, computer and smartphone, the kind of a member's work, 养老保险 已录入, 慢病证 and 家庭医生签约, the
 * renovation's method, year, stage and progress with 易地扶贫搬迁户 — through registration, merge patch and import, with
 * their history and in the state events carry.
 */
@QuarkusTest
class ReportedFactsTest {

    static final String VILLAGE = "450422109201";
    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    static final int THIS_YEAR = Fixtures.today().getYear();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void village() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.village(VILLAGE);
    }

    @Test
    void registersTheFactsTheReportsCountAndEventsCarryThem() throws Exception {
        Response response = given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s",
                         "attributes":{"housingSafetyGrade":"D","housingRenovation":"IN_PROGRESS","renovationMethod":"RELOCATION",
                           "renovationYear":%d,"renovationStage":"PILES_POURED","renovationProgress":"已倒桩，要求 9 月底前完工并入住",
                           "relocated":true,"television":true,"computer":false,"smartphone":true},
                         "members":[
                          {"name":"程某金","idNumber":"%s","relation":"HEAD",
                           "attributes":{"laborAbility":"ORDINARY","health":"CHRONIC_ILLNESS","chronicDiseaseCertificate":"ISSUED",
                             "familyDoctorContract":true,"pensionInsurance":"ENTERED","employmentKind":"SELF_EMPLOYED",
                             "employmentLocation":"IN_COUNTY"}},
                          {"name":"黄某芳","idNumber":"%s","relation":"SPOUSE",
                           "attributes":{"laborAbility":"ORDINARY","health":"SERIOUS_ILLNESS","chronicDiseaseCertificate":"PENDING",
                             "agriculturalRegistration":false,"pensionInsurance":"ENROLLED","employmentKind":"PUBLIC_WELFARE_JOB",
                             "employmentLocation":"IN_COUNTY","employmentMonths":12,"employmentMonthlyIncome":800}},
                          {"name":"程某明","idNumber":"%s","relation":"SON",
                           "attributes":{"laborAbility":"SKILLED","employmentKind":"MIGRANT_WORK","employmentLocation":"OUT_OF_PROVINCE",
                             "employmentMonths":10}}]}""".formatted(
                                VILLAGE,
                                THIS_YEAR,
                                Fixtures.idNumber("19680412", true),
                                Fixtures.idNumber("19700822", false),
                                Fixtures.idNumber("19950301", true)))
                .post("/api/v1/households");
        response.then()
                .statusCode(201)
                .body("attributes.renovationMethod", equalTo("RELOCATION"))
                .body("attributes.renovationYear", equalTo(THIS_YEAR))
                .body("attributes.renovationStage", equalTo("PILES_POURED"))
                .body("attributes.renovationProgress", equalTo("已倒桩，要求 9 月底前完工并入住"))
                .body("attributes.relocated", equalTo(true))
                .body("attributes.television", equalTo(true))
                .body("attributes.computer", equalTo(false))
                .body("attributes.smartphone", equalTo(true))
                .body("agriculturalHousehold", equalTo(true))
                .body("members[0].attributes.chronicDiseaseCertificate", equalTo("ISSUED"))
                .body("members[0].attributes.familyDoctorContract", equalTo(true))
                .body("members[0].attributes.pensionInsurance", equalTo("ENTERED"))
                .body("members[0].attributes.employmentKind", equalTo("SELF_EMPLOYED"))
                .body("members[1].attributes.agriculturalRegistration", equalTo(false))
                .body("members[1].attributes.employmentKind", equalTo("PUBLIC_WELFARE_JOB"))
                // left out: an agricultural registration, no 慢病证, no contract with a family doctor
                .body("members[2].attributes.agriculturalRegistration", equalTo(true))
                .body("members[2].attributes.chronicDiseaseCertificate", equalTo("NONE"))
                .body("members[2].attributes.familyDoctorContract", equalTo(false));
        String id = response.path("id");
        assertEquals(
                2,
                count("select count(*) from member where household_id = '" + id + "' and agricultural_registration"));
        assertEquals(
                1,
                count("select count(*) from household where id = '" + id + "' and relocated"
                        + " and renovation_method = 'RELOCATION' and renovation_stage = 'PILES_POURED'"
                        + " and television and not computer and smartphone"));

        JsonNode registered = events(id, EventTypes.HOUSEHOLD_REGISTERED).getFirst();
        EventSchemas.assertValid(EventTypes.HOUSEHOLD_REGISTERED, registered.toString());
        JsonNode state = registered.get("household");
        assertTrue(state.get("television").asBoolean());
        assertFalse(state.get("computer").asBoolean());
        assertTrue(state.get("smartphone").asBoolean());
        JsonNode housing = state.get("housing");
        assertEquals("IN_PROGRESS", housing.get("renovation").asText());
        assertEquals("RELOCATION", housing.get("renovationMethod").asText());
        assertEquals(THIS_YEAR, housing.get("renovationYear").asInt());
        assertEquals("PILES_POURED", housing.get("renovationStage").asText());
        assertEquals("已倒桩，要求 9 月底前完工并入住", housing.get("renovationProgress").asText());
        assertTrue(housing.get("relocated").asBoolean());
        JsonNode head = state.get("members").get(0);
        assertEquals("ENTERED", head.get("pensionInsurance").asText());
        assertEquals("SELF_EMPLOYED", head.get("employmentKind").asText());
        assertEquals("ISSUED", head.get("chronicDiseaseCertificate").asText());
        assertTrue(head.get("familyDoctorContract").asBoolean());
        assertTrue(head.get("agriculturalRegistration").asBoolean());
        JsonNode spouse = state.get("members").get(1);
        assertFalse(spouse.get("agriculturalRegistration").asBoolean());
        assertEquals("PENDING", spouse.get("chronicDiseaseCertificate").asText());
        assertEquals("PUBLIC_WELFARE_JOB", spouse.get("employmentKind").asText());
        assertEquals(
                "MIGRANT_WORK",
                state.get("members").get(2).get("employmentKind").asText());
    }

    @Test
    void refusesFactsThatContradictEachOtherNamingEachFieldAndStoresNothing() throws Exception {
        long before = count("select count(*) from household");
        given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s","members":[{"name":"甲","idNumber":"%s","relation":"HEAD",
                          "attributes":{"employmentKind":"FARMING","employmentLocation":"IN_COUNTY"}}]}""".formatted(VILLAGE, Fixtures.idNumber("19800101", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("members[0].attributes.employmentKind"))
                .body("errors[0].code", equalTo("NOT_ALLOWED"))
                .body("errors[0].message", containsString("PUBLIC_WELFARE_JOB"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s",
                         "attributes":{"housingSafetyGrade":"C","housingRenovation":"IN_PROGRESS","renovationStage":"COMPLETED",
                           "renovationYear":%d},
                         "members":[
                          {"name":"甲","idNumber":"%s","relation":"HEAD",
                           "attributes":{"health":"HEALTHY","chronicDiseaseCertificate":"ISSUED","employmentKind":"LOCAL_EMPLOYMENT",
                             "employmentLocation":"OUT_OF_PROVINCE"}},
                          {"name":"乙","idNumber":"%s","relation":"SON","attributes":{"employmentKind":"MIGRANT_WORK"}}]}""".formatted(
                                VILLAGE,
                                THIS_YEAR + 2,
                                Fixtures.idNumber("19800101", true),
                                Fixtures.idNumber("20000101", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        hasItems(
                                "attributes.renovationStage",
                                "attributes.renovationYear",
                                "members[0].attributes.chronicDiseaseCertificate",
                                "members[0].attributes.employmentKind",
                                "members[1].attributes.employmentLocation"))
                .body("errors.find { it.field == 'attributes.renovationStage' }.code", equalTo("IN_PROGRESS"))
                .body("errors.find { it.field == 'attributes.renovationYear' }.code", equalTo("FUTURE"))
                .body(
                        "errors.find { it.field == 'attributes.renovationYear' }.message",
                        containsString(String.valueOf(THIS_YEAR + 2)))
                .body(
                        "errors.find { it.field == 'members[0].attributes.chronicDiseaseCertificate' }.code",
                        equalTo("HEALTHY"))
                .body(
                        "errors.find { it.field == 'members[0].attributes.employmentKind' }.code",
                        equalTo("OUT_OF_COUNTY"));
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body("""
                        {"villageCode":"%s",
                         "attributes":{"housingRenovation":"NONE","renovationMethod":"REPAIR","renovationProgress":"无"},
                         "members":[{"name":"甲","idNumber":"%s","relation":"HEAD"}]}""".formatted(VILLAGE, Fixtures.idNumber("19800101", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("attributes.renovationMethod", "attributes.renovationProgress"))
                .body("errors[0].code", equalTo("NO_RENOVATION"))
                .body("errors[0].message", containsString("needing no renovation"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s",
                         "attributes":{"housingSafetyGrade":"D","housingRenovation":"NEEDED","renovationMethod":"RELOCATION",
                           "renovationStage":"FOUNDATION_DUG"},
                         "members":[{"name":"甲","idNumber":"%s","relation":"HEAD"}]}""".formatted(VILLAGE, Fixtures.idNumber("19800101", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors.find { it.field == 'attributes.renovationMethod' }.code", equalTo("NOT_RELOCATED"))
                .body("errors.find { it.field == 'attributes.renovationStage' }.code", equalTo("NOT_STARTED"))
                .body("errors.find { it.field == 'attributes.renovationStage' }.message", containsString("未开工"));
        assertEquals(before, count("select count(*) from household"));
    }

    @Test
    void changesTheFactsWithTheirHistoryAndEvents() throws Exception {
        String head = Fixtures.idNumber("19720315", true);
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s",
                         "attributes":{"housingSafetyGrade":"D","housingRenovation":"NEEDED","renovationMethod":"NEW_BUILD",
                           "renovationYear":%d},
                         "members":[{"name":"黄某强","idNumber":"%s","relation":"HEAD",
                           "attributes":{"laborAbility":"ORDINARY","pensionInsurance":"ENTERED"}}]}""".formatted(VILLAGE, THIS_YEAR, head))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .body("agriculturalHousehold", equalTo(true))
                .extract()
                .path("id");
        String memberId = given().get("/api/v1/households/" + id).path("members[0].id");
        patch(id, 0, """
                {"attributes":{"housingRenovation":"IN_PROGRESS","renovationStage":"FOUNDATION_DUG","renovationProgress":"已挖地基",
                  "television":true},"reason":"入户核实：已开工"}""").then().statusCode(200).body("attributes.renovationStage", equalTo("FOUNDATION_DUG"));
        patch(id, 1, """
                {"attributes":{"renovationStage":"GROUND_BEAMS_POURED","renovationProgress":"已倒地梁"},"reason":"进度更新"}""").then().statusCode(200);
        // completed, but the stage still says the ground beams: the two must agree
        patch(id, 2, """
                {"attributes":{"housingRenovation":"COMPLETED","housingSafetyGrade":"B"}}""")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attributes.renovationStage"))
                .body("errors[0].code", equalTo("COMPLETED"))
                .body("errors[0].message", containsString("不能是“已倒地梁”"));
        patch(id, 2, """
                {"attributes":{"housingRenovation":"COMPLETED","housingSafetyGrade":"B","renovationStage":"COMPLETED",
                  "renovationProgress":"已完成，已入住"},"reason":"竣工验收"}""").then().statusCode(200).body("attributes.renovationStage", equalTo("COMPLETED"));
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"3\"")
                .body("""
                        {"attributes":{"pensionInsurance":"ENROLLED","agriculturalRegistration":false,"familyDoctorContract":true,
                          "health":"CHRONIC_ILLNESS","chronicDiseaseCertificate":"PENDING","employmentKind":"LOCAL_EMPLOYMENT",
                          "employmentLocation":"IN_COUNTY"},"reason":"户口性质变更，养老保险已缴费"}""")
                .patch("/api/v1/households/" + id + "/members/" + memberId)
                .then()
                .statusCode(200)
                .body("members[0].attributes.pensionInsurance", equalTo("ENROLLED"))
                .body("members[0].attributes.agriculturalRegistration", equalTo(false))
                .body("agriculturalHousehold", equalTo(false));
        // null clears the registration back to its default: an agricultural one
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"4\"")
                .body("{\"attributes\":{\"agriculturalRegistration\":null}}")
                .patch("/api/v1/households/" + id + "/members/" + memberId)
                .then()
                .statusCode(200)
                .body("members[0].attributes.agriculturalRegistration", equalTo(true))
                .body("agriculturalHousehold", equalTo(true));

        List<JsonPath> revisions = revisions(id);
        assertEquals(
                List.of("MEMBER_UPDATE", "MEMBER_UPDATE", "UPDATE", "UPDATE", "UPDATE", "REGISTER"),
                revisions.stream().map(r -> r.getString("operation")).toList());
        JsonPath stage = revisions.get(3);
        assertEquals("进度更新", stage.getString("reason"));
        assertChange(stage, "attributes.renovationStage", "FOUNDATION_DUG", "GROUND_BEAMS_POURED");
        assertChange(stage, "attributes.renovationProgress", "已挖地基", "已倒地梁");
        assertChange(revisions.get(4), "attributes.television", null, "true");
        assertChange(revisions.get(4), "attributes.housingRenovation", "NEEDED", "IN_PROGRESS");
        JsonPath member = revisions.get(1);
        assertChange(member, "members[0].attributes.pensionInsurance", "ENTERED", "ENROLLED");
        assertChange(member, "members[0].attributes.agriculturalRegistration", "true", "false");
        assertChange(member, "members[0].attributes.chronicDiseaseCertificate", "NONE", "PENDING");
        assertChange(member, "members[0].attributes.familyDoctorContract", "false", "true");
        assertChange(member, "members[0].attributes.employmentKind", null, "LOCAL_EMPLOYMENT");
        assertChange(member, "agriculturalHousehold", "true", "false");

        List<JsonNode> changed = events(id, EventTypes.HOUSEHOLD_CHANGED);
        assertEquals(5, changed.size());
        changed.forEach(e -> EventSchemas.assertValid(EventTypes.HOUSEHOLD_CHANGED, e.toString()));
        JsonNode afterStage = changed.get(1).get("household").get("housing");
        assertEquals("GROUND_BEAMS_POURED", afterStage.get("renovationStage").asText());
        assertEquals("NEW_BUILD", afterStage.get("renovationMethod").asText());
        JsonNode afterMember = changed.get(3);
        List<String> fields = new ArrayList<>();
        afterMember.get("changedFields").forEach(f -> fields.add(f.asText()));
        assertTrue(fields.contains("members[0].attributes.pensionInsurance"), fields.toString());
        JsonNode state = afterMember.get("household");
        assertEquals("COMPLETED", state.get("housing").get("renovationStage").asText());
        JsonNode headState = state.get("members").get(0);
        assertEquals("ENROLLED", headState.get("pensionInsurance").asText());
        assertFalse(headState.get("agriculturalRegistration").asBoolean());
        assertEquals("PENDING", headState.get("chronicDiseaseCertificate").asText());
        assertTrue(headState.get("familyDoctorContract").asBoolean());
        assertEquals("LOCAL_EMPLOYMENT", headState.get("employmentKind").asText());
    }

    @Test
    void importsTheFactsUnderTheirChineseHeadersAndUpdatesThemByALaterFile() throws Exception {
        String head = Fixtures.idNumber("19660606", true);
        String spouse = Fixtures.idNumber("19680707", false);
        String header = String.join(
                ",", "户编号", "行政村代码", "姓名", "证件号码", "与户主关系", "健康状况", "养老保险", "就业类型", "务工地点", "农业户籍", "慢病证", "家庭医生签约",
                "住房安全等级", "危房改造", "改造方式", "改造计划年度", "改造进度", "改造进度说明", "易地扶贫搬迁户", "有电视机", "有电脑", "有智能手机");
        String file = header + "\n"
                + String.join(
                        ",",
                        "F1",
                        VILLAGE,
                        "潘某强",
                        head,
                        "户主",
                        "长期慢性病",
                        "已录入",
                        "自主创业",
                        "县内",
                        "是",
                        "已办",
                        "是",
                        "C级",
                        "改造中",
                        "维修加固",
                        String.valueOf(THIS_YEAR),
                        "已倒柱",
                        "已倒柱 月底完工",
                        "否",
                        "是",
                        "否",
                        "是")
                + "\n"
                + String.join(
                        ",", "F1", VILLAGE, "黄某兰", spouse, "配偶", "健康", "已参保", "公益性岗位", "县内", "否", "未办", "否", "", "", "",
                        "", "", "", "", "", "", "")
                + "\n"
                + String.join(
                        ",",
                        "F2",
                        VILLAGE,
                        "李某",
                        Fixtures.idNumber("19700101", true),
                        "户主",
                        "健康",
                        "未录入",
                        "种地",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "")
                + "\n";
        JsonPath job = awaitCompleted(submit(file, "三保障台账.csv"));
        assertEquals(1, job.getInt("householdsCreated"));
        assertEquals(1, job.getInt("householdsRejected"));
        given().get("/api/v1/household-imports/" + job.getString("id") + "/errors")
                .then()
                .body("items[0].row", equalTo(4))
                .body("items[0].column", equalTo("就业类型"))
                .body("items[0].code", equalTo("UNKNOWN_VALUE"))
                .body("items[0].message", containsString("自主创业"));

        String id = given().contentType(ContentType.JSON)
                .body("{\"idNumber\":\"" + head + "\"}")
                .post("/api/v1/households/search")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        given().get("/api/v1/households/" + id)
                .then()
                .statusCode(200)
                .body("attributes.housingRenovation", equalTo("IN_PROGRESS"))
                .body("attributes.renovationMethod", equalTo("REPAIR"))
                .body("attributes.renovationYear", equalTo(THIS_YEAR))
                .body("attributes.renovationStage", equalTo("COLUMNS_POURED"))
                .body("attributes.renovationProgress", equalTo("已倒柱 月底完工"))
                .body("attributes.relocated", equalTo(false))
                .body("attributes.television", equalTo(true))
                .body("attributes.computer", equalTo(false))
                .body("attributes.smartphone", equalTo(true))
                .body("agriculturalHousehold", equalTo(true))
                .body("members[0].attributes.pensionInsurance", equalTo("ENTERED"))
                .body("members[0].attributes.employmentKind", equalTo("SELF_EMPLOYED"))
                .body("members[0].attributes.chronicDiseaseCertificate", equalTo("ISSUED"))
                .body("members[0].attributes.familyDoctorContract", equalTo(true))
                .body("members[1].attributes.agriculturalRegistration", equalTo(false))
                .body("members[1].attributes.employmentKind", equalTo("PUBLIC_WELFARE_JOB"))
                .body("members[1].attributes.pensionInsurance", equalTo("ENROLLED"));
        JsonNode registered = events(id, EventTypes.HOUSEHOLD_REGISTERED).getFirst();
        EventSchemas.assertValid(EventTypes.HOUSEHOLD_REGISTERED, registered.toString());
        assertEquals(
                "COLUMNS_POURED",
                registered
                        .get("household")
                        .get("housing")
                        .get("renovationStage")
                        .asText());

        // a later file with the columns it changes: the renovation completed
        String later = String.join(",", "户编号", "行政村代码", "姓名", "证件号码", "与户主关系", "住房安全等级", "危房改造", "改造进度") + "\n"
                + String.join(",", "F1", VILLAGE, "潘某强", head, "户主", "B级", "已完成改造", "已完成") + "\n";
        JsonPath update = awaitCompleted(submit(later, "危改竣工.csv"));
        assertEquals(1, update.getInt("householdsUpdated"), update.prettify());
        JsonPath revision = revisions(id).getFirst();
        assertEquals("IMPORT", revision.getString("operation"));
        assertChange(revision, "attributes.renovationStage", "COLUMNS_POURED", "COMPLETED");
        assertChange(revision, "attributes.housingRenovation", "IN_PROGRESS", "COMPLETED");
        JsonNode changed = events(id, EventTypes.HOUSEHOLD_CHANGED).getLast();
        EventSchemas.assertValid(EventTypes.HOUSEHOLD_CHANGED, changed.toString());
        assertEquals(
                "COMPLETED",
                changed.get("household").get("housing").get("renovationStage").asText());
        assertEquals(
                "REPAIR",
                changed.get("household").get("housing").get("renovationMethod").asText());
    }

    @Test
    void registersAndImportsMembersGoneBeforeRegistrationAsNaturalDecrease() throws Exception {
        long before = count("select count(*) from member");
        String registration = """
                {"villageCode":"%s","members":[
                  {"name":"龚某基","idNumber":"%s","relation":"HEAD"},
                  {"name":"龚某留","idNumber":"%s","relation":"FATHER"%s}]}""";
        String head = Fixtures.idNumber("19720510", true);
        String father = Fixtures.idNumber("19400101", true);
        // refused: the head gone, a departure that is not one, a day in the future, a day without the way
        for (String[] bad : new String[][] {
            {",\"leftBy\":\"BIRTH\",\"leftOn\":\"2020-03-15\"", "members[1].leftBy", "NOT_A_DEPARTURE"},
            {",\"leftBy\":\"DEATH\",\"leftOn\":\"2999-01-01\"", "members[1].leftOn", "FUTURE"},
            {",\"leftOn\":\"2020-03-15\"", "members[1].leftBy", "REQUIRED"},
            {",\"leftBy\":\"DEATH\"", "members[1].leftOn", "REQUIRED"}
        }) {
            given().contentType(ContentType.JSON)
                    .body(registration.formatted(VILLAGE, head, father, bad[0]))
                    .post("/api/v1/households")
                    .then()
                    .statusCode(400)
                    .body("errors.find { it.field == '" + bad[1] + "' }.code", equalTo(bad[2]));
        }
        given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s","members":[
                          {"name":"龚某基","idNumber":"%s","relation":"HEAD","leftBy":"DEATH","leftOn":"2020-03-15"},
                          {"name":"龚某留","idNumber":"%s","relation":"FATHER"}]}""".formatted(VILLAGE, head, father))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors.find { it.field == 'members[0].leftBy' }.code", equalTo("HEAD_LEFT"));
        assertEquals(before, count("select count(*) from member"));

        Response response = given().contentType(ContentType.JSON)
                .body(registration.formatted(VILLAGE, head, father, ",\"leftBy\":\"DEATH\",\"leftOn\":\"2020-03-15\""))
                .post("/api/v1/households");
        response.then()
                .statusCode(201)
                .body("memberCount", equalTo(1))
                .body("members[1].status", equalTo("REMOVED"))
                .body("members[1].leftBy", equalTo("DEATH"))
                .body("members[1].leftOn", equalTo("2020-03-15"));
        String id = response.path("id");
        assertEquals(
                1,
                count("select count(*) from member where household_id = '" + id
                        + "' and status = 'REMOVED' and left_by = 'DEATH' and left_on = date '2020-03-15'"
                        + " and joined_on is null"));
        JsonNode state = events(id, EventTypes.HOUSEHOLD_REGISTERED).getFirst().get("household");
        assertEquals("REMOVED", state.get("members").get(1).get("status").asText());
        assertEquals("DEATH", state.get("members").get(1).get("leftBy").asText());

        // the import file's columns 减员方式 and 减员日期 register the same; a later file cannot make a living member leave
        String spouse = Fixtures.idNumber("19750303", false);
        String daughter = Fixtures.idNumber("19990909", false);
        String importedHead = Fixtures.idNumber("19770707", true);
        String header = String.join(",", "户编号", "行政村代码", "姓名", "证件号码", "与户主关系", "减员方式", "减员日期") + "\n";
        String file = header
                + String.join(",", "G1", VILLAGE, "龚某宇", importedHead, "户主", "", "") + "\n"
                + String.join(",", "G1", VILLAGE, "周某芳", spouse, "配偶", "", "") + "\n"
                + String.join(",", "G1", VILLAGE, "龚某燕", daughter, "之女", "婚出", "2021-10-01") + "\n";
        JsonPath job = awaitCompleted(submit(file, "减员.csv"));
        assertEquals(1, job.getInt("householdsCreated"), job.prettify());
        String imported = given().contentType(ContentType.JSON)
                .body("{\"idNumber\":\"" + spouse + "\"}")
                .post("/api/v1/households/search")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        given().get("/api/v1/households/" + imported)
                .then()
                .statusCode(200)
                .body("memberCount", equalTo(2))
                .body("members[2].status", equalTo("REMOVED"))
                .body("members[2].leftBy", equalTo("MARRIAGE_OUT"))
                .body("members[2].leftOn", equalTo("2021-10-01"));
        String later = header
                + String.join(",", "G1", VILLAGE, "龚某宇", importedHead, "户主", "", "") + "\n"
                + String.join(",", "G1", VILLAGE, "周某芳", spouse, "配偶", "迁出", "2022-01-01") + "\n";
        JsonPath refused = awaitCompleted(submit(later, "减员2.csv"));
        assertEquals(1, refused.getInt("householdsRejected"), refused.prettify());
        given().get("/api/v1/household-imports/" + refused.getString("id") + "/errors")
                .then()
                .body("items[0].column", equalTo("减员方式"))
                .body("items[0].code", equalTo("BY_MEMBER_CHANGE_ONLY"));
        assertEquals(
                1, count("select count(*) from member where household_id = '" + imported + "' and status = 'REMOVED'"));
    }

    private static Response patch(String id, long version, String body) {
        return given().contentType(MERGE_PATCH)
                .header("If-Match", "\"" + version + "\"")
                .body(body)
                .patch("/api/v1/households/" + id);
    }

    private static void assertChange(JsonPath revision, String field, String oldValue, String newValue) {
        String change = "changes.find { it.field == '" + field + "' }";
        assertEquals(oldValue, revision.getString(change + ".oldValue"), field);
        assertEquals(newValue, revision.getString(change + ".newValue"), field);
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

    private static String submit(String content, String fileName) {
        return RestAssured.given()
                .contentType("text/csv")
                .queryParam("fileName", fileName)
                .body(content.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/household-imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static JsonPath awaitCompleted(String jobId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !List.of("QUEUED", "RUNNING")
                        .contains(given().get("/api/v1/household-imports/" + jobId)
                                .path("status")));
        JsonPath job = given().get("/api/v1/household-imports/" + jobId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        return job;
    }

    private List<JsonNode> events(String householdId, String type) throws Exception {
        return Outboxes.events(dataSource, mapper, householdId, type);
    }

    private long count(String sql) throws Exception {
        return Outboxes.count(dataSource, sql);
    }
}
