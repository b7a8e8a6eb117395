package cn.ruralwatch.fund;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The amounts, caps and conditions of household benefits by region and year: set for a province, city or county,
 * superseded with history, resolved for a village and year, and what a benefit is refused for when it exceeds them.
 */
@QuarkusTest
class BenefitRulesTest {

    static final String PROVINCE = "43";
    static final String COUNTY = "431021";
    static final String TOWNSHIP = "431021101";
    static final String VILLAGE = "431021101201";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void countyIsKnown() {
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        FundFixtures.divisions(dataSource, COUNTY, TOWNSHIP, VILLAGE);
    }

    @Test
    void theNewestYearsRuleOfTheMostSpecificRegionAppliesAndANewRuleSupersedesWithHistory() throws Exception {
        // shipped: 1500 元 a term, 3000 元 a student a year, nationwide from 2013
        inForce("YULU_SUBSIDY", 2024)
                .statusCode(200)
                .body("regionCode", equalTo(""))
                .body("fromYear", equalTo(2013))
                .body("amountPerGrant", equalTo(1500.00f))
                .body("memberYearlyCap", equalTo(3000.00f))
                .body("supersededAt", nullValue());

        String province2024 =
                set("{\"kind\":\"YULU_SUBSIDY\",\"regionCode\":\"43\",\"fromYear\":2024,\"amountPerGrant\":2000.00,"
                                + "\"memberYearlyCap\":4000.00,\"note\":\"湘乡振发〔2024〕1号\"}")
                        .statusCode(201)
                        .header("Location", containsString("/api/v1/household-benefits/rules/"))
                        .body("regionCode", equalTo(PROVINCE))
                        .body("fromYear", equalTo(2024))
                        .body("amountPerGrant", equalTo(2000.00f))
                        .body("memberYearlyCap", equalTo(4000.00f))
                        .body("householdYearlyCap", nullValue())
                        .body("note", equalTo("湘乡振发〔2024〕1号"))
                        .extract()
                        .path("id");
        set("{\"kind\":\"YULU_SUBSIDY\",\"regionCode\":\"431021\",\"fromYear\":2025,\"amountPerGrant\":2500.00,"
                        + "\"memberYearlyCap\":5000.00}")
                .statusCode(201);
        // the province's rule of the same year does not displace the county's
        set("{\"kind\":\"YULU_SUBSIDY\",\"regionCode\":\"43\",\"fromYear\":2025,\"amountPerGrant\":1800.00}")
                .statusCode(201);
        inForce("YULU_SUBSIDY", 2023).statusCode(200).body("regionCode", equalTo(""));
        inForce("YULU_SUBSIDY", 2024).statusCode(200).body("id", equalTo(province2024));
        inForce("YULU_SUBSIDY", 2026)
                .statusCode(200)
                .body("regionCode", equalTo(COUNTY))
                .body("fromYear", equalTo(2025))
                .body("amountPerGrant", equalTo(2500.00f));

        // the province sets its 2024 rule again: the first stays as history
        String superseding =
                set("{\"kind\":\"YULU_SUBSIDY\",\"regionCode\":\"43\",\"fromYear\":2024,\"amountPerGrant\":2200.00,"
                                + "\"memberYearlyCap\":4000.00,\"note\":\"湘乡振发〔2024〕9号\"}")
                        .statusCode(201)
                        .extract()
                        .path("id");
        inForce("YULU_SUBSIDY", 2024).statusCode(200).body("id", equalTo(superseding));
        given().get("/api/v1/household-benefits/rules/" + province2024)
                .then()
                .statusCode(200)
                .body("amountPerGrant", equalTo(2000.00f))
                .body("supersededAt", notNullValue());
        assertEquals(
                2,
                Rows.count(
                        dataSource,
                        "select count(*) from benefit_rule where kind = 'YULU_SUBSIDY' and region_code = '43'"
                                + " and from_year = 2024"));
        given().queryParam("kind", "YULU_SUBSIDY")
                .get("/api/v1/household-benefits/rules")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(4))
                .body("items.id", hasItem(superseding))
                .body("items.supersededAt", everyItem(nullValue()));
        given().queryParam("kind", "YULU_SUBSIDY")
                .queryParam("history", true)
                .get("/api/v1/household-benefits/rules")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(5))
                .body("items.id", hasItem(province2024));
        // every role reading the region sees them
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE)
                .queryParam("kind", "YULU_SUBSIDY")
                .queryParam("division", VILLAGE)
                .queryParam("year", 2024)
                .get("/api/v1/household-benefits/rules/in-force")
                .then()
                .statusCode(200)
                .body("id", equalTo(superseding));
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);

        // a student of the county is paid within the province's 2024 rule
        String student = UUID.randomUUID().toString();
        String household = FundFixtures.household(
                dataSource,
                VILLAGE,
                "EXITED",
                List.of(),
                List.of(FundFixtures.member(
                        student, "CHILD", LocalDate.of(2005, 3, 1), "ORDINARY", "TERTIARY", "IN_SCHOOL", null, null)));
        grant(household, student, "YULU_SUBSIDY", "2200.00", "2024-03-10").statusCode(201);
        grant(household, student, "YULU_SUBSIDY", "2000.00", "2024-09-10")
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].code", equalTo("ABOVE_YEARLY_CAP"))
                .body("errors[0].message", containsString("4000.00"))
                .body("errors[0].message", containsString("已兑现 2200.00 元"))
                .body("errors[0].message", containsString(student));
        assertEquals(
                1,
                Rows.count(
                        dataSource, "select count(*) from household_benefit where household_id = '" + household + "'"));
    }

    @Test
    void aRuleThatCannotBeOrIsNotTheCallersIsRefusedAndNothingIsStored() throws Exception {
        long rules = Rows.count(dataSource, "select count(*) from benefit_rule");
        set("{\"kind\":\"PV_REWARD\",\"regionCode\":\"43\",\"fromYear\":2024,\"amountPerGrant\":100}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].code", equalTo("NOT_RULED"));
        set("{\"kind\":\"YULU_SUBSIDY\",\"regionCode\":\"44\",\"fromYear\":2024,\"amountPerGrant\":100}")
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"))
                .body("errors[0].code", equalTo("NOT_YOUR_REGION"))
                .body("errors[0].message", containsString(PROVINCE));
        // a county sets its own rules, not its province's
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"YULU_SUBSIDY\",\"regionCode\":\"43\",\"fromYear\":2024,\"amountPerGrant\":100}")
                .post("/api/v1/household-benefits/rules")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("NOT_YOUR_REGION"))
                .body("errors[0].message", containsString(COUNTY));
        set("{\"kind\":\"YULU_SUBSIDY\",\"regionCode\":\"431\",\"fromYear\":2024}")
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        set("{\"kind\":\"YULU_SUBSIDY\",\"regionCode\":\"43\",\"fromYear\":2012}")
                .statusCode(400)
                .body("errors[0].field", equalTo("fromYear"));
        set("{\"kind\":\"INDUSTRY_REWARD\",\"regionCode\":\"43\",\"fromYear\":2024,\"memberYearlyCap\":100,"
                        + "\"minEmploymentMonths\":3}")
                .statusCode(400)
                .body("errors.field", equalTo(List.of("memberYearlyCap", "minEmploymentMonths")))
                .body("errors.code", equalTo(List.of("NOT_APPLICABLE", "NOT_APPLICABLE")));
        set("{\"kind\":\"TRANSPORT_SUBSIDY\",\"regionCode\":\"43\",\"fromYear\":2024,\"amountPerGrant\":800,"
                        + "\"memberYearlyCap\":500}")
                .statusCode(400)
                .body("errors.field", equalTo(List.of("amountPerGrant", "minEmploymentMonths", "employmentLocations")))
                .body("errors.code", equalTo(List.of("ABOVE_YEARLY_CAP", "REQUIRED", "REQUIRED")));
        set("{\"kind\":\"TRANSPORT_SUBSIDY\",\"regionCode\":\"43\",\"fromYear\":2024,\"minEmploymentMonths\":3,"
                        + "\"employmentLocations\":[\"OUT_OF_PROVINCE\",\"OUT_OF_PROVINCE\"]}")
                .statusCode(400)
                .body("errors[0].field", equalTo("employmentLocations"))
                .body("errors[0].code", equalTo("DUPLICATE"));
        set("{\"kind\":\"TRANSPORT_SUBSIDY\",\"regionCode\":\"43\",\"fromYear\":2024,\"minEmploymentMonths\":3,"
                        + "\"employmentLocations\":[\"ABROAD\"]}")
                .statusCode(400)
                .body("errors[0].field", containsString("employmentLocations"));
        // a township officer may read the rules but not set them
        RestAssured.requestSpecification = null;
        given().spec(Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP).contentType(ContentType.JSON))
                .body("{\"kind\":\"YULU_SUBSIDY\",\"regionCode\":\"43\",\"fromYear\":2024,\"amountPerGrant\":100}")
                .post("/api/v1/household-benefits/rules")
                .then()
                .statusCode(403);
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        assertEquals(rules, Rows.count(dataSource, "select count(*) from benefit_rule"));

        given().get("/api/v1/household-benefits/rules/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().queryParam("division", VILLAGE)
                .queryParam("year", 2024)
                .get("/api/v1/household-benefits/rules/in-force")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        given().queryParam("kind", "YULU_SUBSIDY")
                .queryParam("division", "440101101201")
                .queryParam("year", 2024)
                .get("/api/v1/household-benefits/rules/in-force")
                .then()
                .statusCode(404);
    }

    @Test
    void aBenefitAboveTheStandardOrPastACapIsRefusedNamingTheCapAndWhatWasPaid() throws Exception {
        set("{\"kind\":\"INDUSTRY_REWARD\",\"regionCode\":\"431021\",\"fromYear\":2024,\"amountPerGrant\":2000.00,"
                        + "\"householdYearlyCap\":3000.00,\"note\":\"县产业奖补办法\"}")
                .statusCode(201);
        // the county pays the transport subsidy only for work out of the province, six months or more
        set("{\"kind\":\"TRANSPORT_SUBSIDY\",\"regionCode\":\"431021\",\"fromYear\":2024,\"amountPerGrant\":500.00,"
                        + "\"memberYearlyCap\":500.00,\"minEmploymentMonths\":6,"
                        + "\"employmentLocations\":[\"OUT_OF_PROVINCE\"]}")
                .statusCode(201)
                .body("employmentLocations", equalTo(List.of("OUT_OF_PROVINCE")))
                .body("minEmploymentMonths", equalTo(6));
        String inProvince = UUID.randomUUID().toString();
        String outOfProvince = UUID.randomUUID().toString();
        String household = FundFixtures.household(
                dataSource,
                VILLAGE,
                "EXITED",
                List.of("油茶"),
                List.of(
                        FundFixtures.member(
                                inProvince,
                                "HEAD",
                                LocalDate.of(1980, 5, 1),
                                "ORDINARY",
                                null,
                                "NOT_IN_SCHOOL",
                                "IN_PROVINCE",
                                8),
                        FundFixtures.member(
                                outOfProvince,
                                "CHILD",
                                LocalDate.of(2000, 5, 1),
                                "SKILLED",
                                null,
                                "NOT_IN_SCHOOL",
                                "OUT_OF_PROVINCE",
                                7)));

        grant(household, null, "INDUSTRY_REWARD", "2500.00", "2024-05-10")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].code", equalTo("ABOVE_STANDARD"))
                .body("errors[0].message", containsString("每笔不超过 2000.00 元"))
                .body("errors[0].message", containsString("431021 自 2024 年起"))
                .body("errors[0].message", containsString("本笔 2500.00 元"));
        grant(household, null, "INDUSTRY_REWARD", "2000.00", "2024-05-10").statusCode(201);
        grant(household, null, "INDUSTRY_REWARD", "1500.00", "2024-10-10")
                .statusCode(422)
                .body("errors[0].code", equalTo("ABOVE_HOUSEHOLD_YEARLY_CAP"))
                .body("errors[0].message", containsString("每户每年不超过 3000.00 元"))
                .body("errors[0].message", containsString("2024 年已兑现 2000.00 元"));
        grant(household, null, "INDUSTRY_REWARD", "1000.00", "2024-10-10").statusCode(201);
        // the year after, the cap starts again
        grant(household, null, "INDUSTRY_REWARD", "2000.00", "2025-03-10")
                .statusCode(201)
                .body("year", equalTo(2025));

        grant(household, inProvince, "TRANSPORT_SUBSIDY", "500.00", "2024-05-10")
                .statusCode(400)
                .body("errors[0].code", equalTo("NOT_WORKING_AWAY"))
                .body("errors[0].message", containsString("县外省内"))
                .body("errors[0].message", endsWith("只给在省外务工的人员"));
        grant(household, outOfProvince, "TRANSPORT_SUBSIDY", "600.00", "2024-05-10")
                .statusCode(422)
                .body("errors.code", equalTo(List.of("ABOVE_STANDARD", "ABOVE_YEARLY_CAP")));
        grant(household, outOfProvince, "TRANSPORT_SUBSIDY", "500.00", "2024-05-10")
                .statusCode(201)
                .body("amount", equalTo(500.00f));
        assertEquals(
                4,
                Rows.count(
                        dataSource, "select count(*) from household_benefit where household_id = '" + household + "'"));

        // each recorded benefit published the household's totals of its year
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            TopicReader.Event newest =
                    TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.FUND_EVENTS).stream()
                            .filter(e -> household.equals(e.key()))
                            .filter(e -> EventTypes.HOUSEHOLD_BENEFITS_TOTALLED.equals(e.header("ce_type")))
                            .filter(e -> JsonPath.from(e.data()).getInt("year") == 2024)
                            .max(Comparator.comparingLong(
                                    e -> JsonPath.from(e.data()).getLong("version")))
                            .orElseThrow();
            EventSchemas.assertValid(EventTypes.HOUSEHOLD_BENEFITS_TOTALLED, newest.data());
            assertEquals(3L, JsonPath.from(newest.data()).getLong("version"));
            assertEquals(
                    0,
                    new BigDecimal("3500.00")
                            .compareTo(
                                    new BigDecimal(JsonPath.from(newest.data()).getString("total"))));
        });
    }

    /** Sets a rule as an official of the region it names: a province's by the province, others by the county. */
    private ValidatableResponse set(String body) {
        String division = body.matches(".*\"regionCode\":\"4[34]\".*") ? PROVINCE : COUNTY;
        io.restassured.specification.RequestSpecification saved = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            return Tokens.as(Roles.COUNTY_ADMIN, division)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/household-benefits/rules")
                    .then();
        } finally {
            RestAssured.requestSpecification = saved;
        }
    }

    private ValidatableResponse inForce(String kind, int year) {
        return given().queryParam("kind", kind)
                .queryParam("division", VILLAGE)
                .queryParam("year", year)
                .get("/api/v1/household-benefits/rules/in-force")
                .then();
    }

    private ValidatableResponse grant(String household, String member, String kind, String amount, String grantedOn) {
        return given().contentType(ContentType.JSON)
                .body("{\"householdId\":\"" + household + "\",\"memberId\":"
                        + (member == null ? "null" : "\"" + member + "\"")
                        + ",\"kind\":\"" + kind + "\",\"amount\":" + amount + ",\"grantedOn\":\"" + grantedOn + "\"}")
                .post("/api/v1/household-benefits")
                .then();
    }
}
