package cn.ruralwatch.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Standards are data: shipped, versioned, type-checked when saved. */
@QuarkusTest
class StandardsTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void countyAdmin() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shippedStandardsAreListedForTheCounty() {
        given().queryParam("size", 100)
                .get("/api/v1/indicator-standards")
                .then()
                .statusCode(200)
                .body(
                        "items.code",
                        hasItems("NATIONAL_HOUSEHOLD_2021", "GUANGXI_HOUSEHOLD_2020", "GUANGXI_TOWNSHIP_2020"));
        given().get("/api/v1/indicator-standards/GUANGXI_HOUSEHOLD_2020")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("createdBy", equalTo("indicator-service"))
                .body("definition.name", equalTo("广西贫困户脱贫“八有一超”"))
                .body("definition.regionCode", equalTo("45"))
                .body("definition.indicators", hasSize(9))
                .body("definition.indicators.find { it.code == 'INCOME_ABOVE_LINE' }.name", equalTo("年人均纯收入超过国家扶贫标准"));
        given().get("/api/v1/indicator-standards/GUANGXI_TOWNSHIP_2020")
                .then()
                .statusCode(200)
                .body("definition.indicators.find { it.code == 'HOUSING_ALL' }.reporting", equalTo("RATE"))
                .body("definition.indicators.find { it.code == 'TELEVISION_OWNED' }.reporting", equalTo("COUNT"))
                .body("definition.indicators.find { it.code == 'TELEVISION_OWNED' }.metAs", equalTo("有电视机的农户"))
                .body(
                        "definition.indicators.find { it.code == 'CHRONIC_DISEASE_CERTIFICATE' }.notMetAs",
                        equalTo("待办慢病证"));
    }

    @Test
    void ruleThatDoesNotCompileIsRefusedWithTheCelErrorAndItsPosition() throws Exception {
        String code = "TEST_BROKEN_RULE";
        given().contentType(ContentType.JSON)
                .body(standard(code, "450422", "household.housing.grde == 'A'"))
                .post("/api/v1/indicator-standards")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("indicators[0].rule"))
                .body("errors[0].code", equalTo("CEL"))
                .body("errors[0].message", containsString("第 1 行第 18 列"))
                .body("errors[0].message", containsString("undefined field 'grde'"));
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(standard(code, "450422", "household.income.netIncomePerCapita"))
                .post("/api/v1/indicator-standards")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("line 1, column"))
                .body("errors[0].message", containsString("expected type 'bool' but found 'double'"));
        given().contentType(ContentType.JSON)
                .body(standard(code, "450422", "household.income.netIncomePerCapita > params.notDeclared"))
                .post("/api/v1/indicator-standards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("indicators[0].rule"))
                .body("errors[0].message", containsString("params.notDeclared"))
                .body("errors[0].message", containsString("第 1 行第 39 列"));
        given().contentType(ContentType.JSON)
                .body(standard(code, "450422", "household.housing.safetyGrade == 'A'")
                        .replace("\"unit\":\"HOUSEHOLD\"", "\"unit\":\"DIVISION\""))
                .post("/api/v1/indicator-standards/checks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("indicators[0].unit"));
        // an indicator the report only counts must say what it counts
        given().contentType(ContentType.JSON)
                .body(standard(code, "450422", "household.television")
                        .replace("\"unit\":\"HOUSEHOLD\"", "\"unit\":\"HOUSEHOLD\",\"reporting\":\"COUNT\""))
                .post("/api/v1/indicator-standards")
                .then()
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("indicators[0].metAs"))
                .body("errors[0].code", equalTo("REQUIRED"))
                .body("errors[0].message", containsString("有电视机的农户"));
        given().contentType(ContentType.JSON)
                .body(standard(code, "450422", "household.television")
                        .replace("\"unit\":\"HOUSEHOLD\"", "\"unit\":\"HOUSEHOLD\",\"reporting\":\"SOMETIMES\""))
                .post("/api/v1/indicator-standards")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("reporting"));
        given().get("/api/v1/indicator-standards/" + code).then().statusCode(404);
        assertEquals(0, count("select count(*) from indicator_standard where code = '" + code + "'"));
    }

    @Test
    void savingANewVersionKeepsTheOldOneAndReevaluatesTheRegion() throws Exception {
        String code = "TEST_COUNTY_HOUSING";
        String first = given().contentType(ContentType.JSON)
                .body(standard(code, "450422", "household.housing.safetyGrade in ['A', 'B']"))
                .post("/api/v1/indicator-standards")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/indicator-standards/" + code + "/versions/1"))
                .body("standard.version", equalTo(1))
                .body("standard.createdBy", equalTo("test-county-admin"))
                .body("evaluationJobId", notNullValue())
                .extract()
                .path("evaluationJobId");
        given().get("/api/v1/evaluation-jobs/" + first)
                .then()
                .statusCode(200)
                .body("regionCode", equalTo("450422"))
                .body("standardCodes", equalTo(java.util.List.of(code)));
        given().contentType(ContentType.JSON)
                .body(standard(code, "450422", "household.housing.safetyGrade == 'A'"))
                .post("/api/v1/indicator-standards")
                .then()
                .statusCode(201)
                .body("standard.version", equalTo(2));
        given().get("/api/v1/indicator-standards/" + code + "/versions")
                .then()
                .body("version", equalTo(java.util.List.of(2, 1)));
        given().get("/api/v1/indicator-standards/" + code + "/versions/1")
                .then()
                .body("definition.indicators[0].rule", equalTo("household.housing.safetyGrade in ['A', 'B']"));
        given().post("/api/v1/indicator-standards/" + code + "/retirement")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"));
        // each version's status and the retirement reach the topic in order; retiring again announces nothing
        given().post("/api/v1/indicator-standards/" + code + "/retirement")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(
                        List.of("1 ACTIVE", "2 ACTIVE", "2 RETIRED"),
                        statuses(code).stream()
                                .map(s -> s.get("version").asInt() + " "
                                        + s.get("status").asText())
                                .toList()));
        JsonNode retired = statuses(code).getLast();
        assertEquals("450422", retired.get("regionCode").asText());
        assertEquals("HOUSEHOLD", retired.get("level").asText());
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from indicator_standard where code = '" + code + "' and version = 2"
                                + " and status = 'RETIRED' and status_set_at = cast('"
                                + retired.get("statusSetAt").asText() + "' as timestamptz)"),
                "the retirement's time as stored");
    }

    @Test
    void theCurrentCountsLeaveARetiredStandardOut() throws Exception {
        String county = "450481";
        String code = "TEST_RETIRED_COUNTS";
        HouseholdFixture household = new HouseholdFixture(county + "101201");
        household.member(java.time.LocalDate.of(1980, 1, 1));
        household.publish();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from indicator_result where household_id = '" + household.id
                                + "' and standard_code = 'NATIONAL_HOUSEHOLD_2021'")
                        > 0);
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.COUNTY_ADMIN, county)
                .contentType(ContentType.JSON)
                .body(standard(code, county, "household.housing.safetyGrade == 'D'"))
                .post("/api/v1/indicator-standards")
                .then()
                .statusCode(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from indicator_result where household_id = '" + household.id
                                + "' and standard_code = '" + code + "'")
                        == 1);
        // the household fails the county's standard: evaluated, not meeting every standard
        Tokens.as(Roles.COUNTY_ADMIN, county)
                .queryParam("division", county)
                .get("/api/v1/evaluation-counts")
                .then()
                .statusCode(200)
                .body("villages.evaluatedHouseholds", equalTo(List.of(1)))
                .body("villages.householdsMeetingStandard", equalTo(List.of(0)))
                .body("indicators.standardCode", hasItems(code, "NATIONAL_HOUSEHOLD_2021"));
        Tokens.as(Roles.COUNTY_ADMIN, county)
                .post("/api/v1/indicator-standards/" + code + "/retirement")
                .then()
                .statusCode(200);
        String after = Tokens.as(Roles.COUNTY_ADMIN, county)
                .queryParam("division", county)
                .get("/api/v1/evaluation-counts")
                .then()
                .statusCode(200)
                .body("villages.evaluatedHouseholds", equalTo(List.of(1)))
                .body("indicators.standardCode", hasItems("NATIONAL_HOUSEHOLD_2021"))
                .extract()
                .asString();
        assertEquals(false, after.contains(code), after);
    }

    @Test
    void everyStandardsStatusIsAnnouncedAtStart() {
        // the shipped ones are saved at the first start and every status is announced again at each start
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(
                        "ACTIVE",
                        statuses("GUANGXI_VILLAGE_2020").getLast().get("status").asText()));
        assertEquals(
                "VILLAGE",
                statuses("GUANGXI_VILLAGE_2020").getLast().get("level").asText());
    }

    /** The standard.status-set.v1 events of a code on indicator-events, in the order published, schema-checked. */
    private static List<JsonNode> statuses(String code) {
        return PublishedEvents.of(EventTypes.STANDARD_STATUS_SET, code);
    }

    @Test
    void standardOutsideTheCallersRegionOrMalformedIsRefused() throws Exception {
        given().contentType(ContentType.JSON)
                .body(standard("TEST_OTHER_COUNTY", "450423", "household.electricity"))
                .post("/api/v1/indicator-standards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"code\":\"lower\",\"name\":\"x\",\"regionCode\":\"450422\",\"level\":\"HOUSEHOLD\",\"validFrom\":\"2021-01-01\",\"indicators\":[]}")
                .post("/api/v1/indicator-standards")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("code", "indicators"));
        // a request of another caller carries that caller's token only
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.TOWNSHIP_OFFICER, "450422101")
                .contentType(ContentType.JSON)
                .body(standard("TEST_BY_OFFICER", "450422101", "household.electricity"))
                .post("/api/v1/indicator-standards")
                .then()
                .statusCode(403);
        assertEquals(
                0,
                count(
                        "select count(*) from indicator_standard where code in ('TEST_OTHER_COUNTY', 'TEST_BY_OFFICER')"));
    }

    static String standard(String code, String region, String rule) {
        return """
                {"code":"%s","name":"测试指标体系","regionCode":"%s","level":"HOUSEHOLD","validFrom":"2021-01-01",
                 "parameters":[{"name":"monitoringThreshold","title":"监测范围"}],
                 "indicators":[{"code":"HOUSING","name":"住房安全","unit":"HOUSEHOLD","rule":"%s",
                                "evidence":{"safetyGrade":"household.housing.safetyGrade"}}]}""".formatted(code, region, rule.replace("\"", "\\\""));
    }

    private long count(String sql) throws Exception {
        return Rows.count(dataSource, sql);
    }
}
