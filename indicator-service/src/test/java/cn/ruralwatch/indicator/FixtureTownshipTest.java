package cn.ruralwatch.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.DivisionPopulationSet;
import cn.ruralwatch.events.DivisionRegistered;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicWriter;
import cn.ruralwatch.time.ChinaTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A township built household by household reproduces the rate definitions of the 2020 township report (seed 000):
 * who is in each population, who each exclusion takes out of the denominator, and which households are named.
 * The shipped standard GUANGXI_TOWNSHIP_2020 is evaluated on its last day, 2020-12-31: ages are counted to that day.
 */
@QuarkusTest
class FixtureTownshipTest {

    static final String TOWNSHIP = "450422199";
    static final String VILLAGE_A = "450422199201";
    static final String VILLAGE_B = "450422199202";
    static final String STANDARD = "GUANGXI_TOWNSHIP_2020";

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    static HouseholdFixture plannedExit;
    static HouseholdFixture notExited;
    static HouseholdFixture exited;
    static HouseholdFixture notPoor;
    static String unenrolledHead;

    /**
     * The township is built once, before the first test (RestAssured knows the application's port only once a test
     * runs); then every request is the county admin's.
     */
    @BeforeEach
    void townshipAndCountyAdmin() {
        RestAssured.requestSpecification = null;
        if (plannedExit == null) {
            buildTheTownship();
        }
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static void buildTheTownship() {
        division(new DivisionRegistered(TOWNSHIP, "同心镇", "TOWNSHIP", "450422"));
        division(new DivisionRegistered(VILLAGE_A, "凤阁村", "VILLAGE", TOWNSHIP));
        division(new DivisionRegistered(VILLAGE_B, "大梳村", "VILLAGE", TOWNSHIP));
        population(new DivisionPopulationSet(TOWNSHIP, 2014, 210, 200, 60));
        population(new DivisionPopulationSet(TOWNSHIP, 2025, 330, 300, 80));
        // the villages' bases add up to 190, not the township's 200: a consistency rule must say so
        population(new DivisionPopulationSet(VILLAGE_A, 2014, 125, 120, 35));
        population(new DivisionPopulationSet(VILLAGE_B, 2014, 75, 70, 20));

        // 预脱贫户: industry, safe housing; a son in the army who is not insured; a pupil of 10
        plannedExit = new HouseholdFixture(VILLAGE_A)
                .poor("PLANNED_EXIT")
                .industry("砂糖橘")
                .housing("A", "20");
        plannedExit.member(LocalDate.of(1970, 3, 12));
        plannedExit.member(LocalDate.of(1998, 7, 1), m -> {
            m.soldier = true;
            m.medicalInsurance = "NOT_ENROLLED";
        });
        plannedExit.member(LocalDate.of(2010, 3, 1), m -> m.schooling = "IN_SCHOOL");

        // 未脱贫户 with no labour (out of the industry denominator), grade C house, a member who died (自然减少)
        notExited = new HouseholdFixture(VILLAGE_A).poor("NOT_EXITED").housing("C", "15");
        notExited.member(LocalDate.of(1950, 1, 1), m -> m.labor = "LOST");
        notExited.member(LocalDate.of(1952, 1, 1), m -> m.labor = "LOST");
        notExited.member(LocalDate.of(1940, 1, 1), m -> {
            m.labor = "LOST";
            m.status = "REMOVED";
            m.leftBy = "DEATH";
            m.medicalInsurance = "NOT_ENROLLED";
        });

        // 脱贫户: no industry, 12 m² per person, head not insured, a dropout of 12, a child in a special case
        exited = new HouseholdFixture(VILLAGE_B).poor("EXITED").housing("A", "12");
        unenrolledHead = exited.member(LocalDate.of(1980, 2, 2), m -> {
            m.medicalInsurance = "NOT_ENROLLED";
            m.pension = "NOT_ENROLLED";
        });
        exited.member(LocalDate.of(2008, 1, 1), m -> m.schooling = "DROPPED_OUT");
        exited.member(LocalDate.of(2012, 5, 5), m -> m.specialCase = "SEVERE_DISABILITY");

        // 非贫困户: grade B house, a pupil of 6
        notPoor = new HouseholdFixture(VILLAGE_B).housing("B", "30");
        notPoor.member(LocalDate.of(1985, 4, 4));
        notPoor.member(LocalDate.of(1987, 8, 8));
        notPoor.member(LocalDate.of(2014, 6, 1), m -> m.schooling = "IN_SCHOOL");

        for (HouseholdFixture h : List.of(plannedExit, notExited, exited, notPoor)) {
            h.publish();
        }
        // household events evaluate the standards in force; the 2020 standards are evaluated by a job on request
        for (HouseholdFixture h : List.of(plannedExit, notExited, exited, notPoor)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Tokens.as(Roles.COUNTY_ADMIN, "450422")
                                    .get("/api/v1/households/" + h.id + "/evaluations")
                                    .statusCode()
                            == 200);
        }
        String job = Tokens.as(Roles.COUNTY_ADMIN, "450422")
                .contentType(ContentType.JSON)
                .body("{\"regionCode\":\"%s\",\"standardCodes\":[\"%s\",\"GUANGXI_VILLAGE_2020\"]}"
                        .formatted(TOWNSHIP, STANDARD))
                .post("/api/v1/evaluation-jobs")
                .then()
                .statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/evaluation-jobs/"))
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE"
                .equals(Tokens.as(Roles.COUNTY_ADMIN, "450422")
                        .get("/api/v1/evaluation-jobs/" + job)
                        .path("state")));
    }

    @Test
    void ratesFollowTheReportsDefinitionsWithTheirExclusions() {
        JsonPath rates = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().queryParam("standard", STANDARD)
                                .queryParam("division", TOWNSHIP)
                                .get("/api/v1/indicator-rates")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        json -> json.getInt("indicators.find { it.indicatorCode == 'HOUSING_ALL' }.denominator") == 4);
        assertEquals("同心镇", rates.getString("divisionName"));

        // 特色产业覆盖率: 建档立卡 households, without those with no labour
        assertRate(rates, "INDUSTRY_COVERAGE", 3, 2, 1, 50.00, 1);
        assertEquals(1, rates.getInt(exclusion("INDUSTRY_COVERAGE", "NO_LABOR")));
        assertRate(rates, "HOUSING_ALL", 4, 4, 2, 50.00, 2);
        assertRate(rates, "HOUSING_POOR", 3, 3, 1, 33.33, 2);
        assertRate(rates, "HOUSING_NON_POOR", 1, 1, 1, 100.00, 0);
        // 参保率 = 已参保 / (人口 − 现役军人 − 自然减少): the uninsured soldier and the dead member are not counted
        assertRate(rates, "MEDICAL_INSURANCE", 12, 10, 9, 90.00, 1);
        assertEquals(1, rates.getInt(exclusion("MEDICAL_INSURANCE", "ACTIVE_SOLDIER")));
        assertEquals(1, rates.getInt(exclusion("MEDICAL_INSURANCE", "NATURAL_DECREASE")));
        // 就读率 = 在校 / (6–16 岁 − 五种特殊情形)
        assertRate(rates, "ENROLMENT", 4, 3, 2, 66.67, 1);
        assertEquals(1, rates.getInt(exclusion("ENROLMENT", "SPECIAL_CASE")));
        // 养老保险参保率 over 建档立卡 people of 16 and over, without soldiers and natural decrease
        assertRate(rates, "PENSION_INSURED", 6, 4, 3, 75.00, 1);

        // 贫困发生率 against the 2014 base (the region's base year), not the latest population figure; the township's
        // own figure (200), not its villages' sum (190)
        assertEquals(2, rates.getInt("povertyIncidence.notExitedHouseholds"));
        assertEquals(5, rates.getInt("povertyIncidence.notExitedPeople"));
        assertEquals(1, rates.getInt("povertyIncidence.plannedExitHouseholds"));
        assertEquals(3, rates.getInt("povertyIncidence.plannedExitPeople"));
        assertEquals(2014, rates.getInt("povertyIncidence.baseYear"));
        assertEquals(200, rates.getInt("povertyIncidence.basePopulation"));
        assertEquals("OWN", rates.getString("povertyIncidence.baseSource"));
        assertEquals(List.of(), rates.getList("povertyIncidence.divisionsWithoutBase"));
        assertEquals(2.50, rates.getDouble("povertyIncidence.ratePercent"), 0.0001);
        assertEquals(1.00, rates.getDouble("povertyIncidence.rateAfterPlannedExitPercent"), 0.0001);
        assertEquals(LocalDate.now(ChinaTime.ZONE).toString(), rates.getString("povertyIncidence.countedOn"));

        // one village: down a level
        given().queryParam("standard", STANDARD)
                .queryParam("division", VILLAGE_B)
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(200)
                .body("divisionName", equalTo("大梳村"))
                .body("indicators.find { it.indicatorCode == 'HOUSING_ALL' }.denominator", equalTo(2))
                .body("indicators.find { it.indicatorCode == 'HOUSING_ALL' }.numerator", equalTo(1));
    }

    @Test
    void everyRateNamesTheHouseholdsBehindItWithTheFailingValues() {
        awaitEvaluated();
        given().queryParam("standard", STANDARD)
                .queryParam("indicator", "MEDICAL_INSURANCE")
                .queryParam("division", TOWNSHIP)
                .get("/api/v1/indicator-rates/failing-households")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].householdId", equalTo(exited.id))
                .body("items[0].headName", equalTo("韦国强"))
                .body("items[0].villageName", equalTo("大梳村"))
                .body("items[0].numerator", equalTo(2))
                .body("items[0].denominator", equalTo(3))
                .body("items[0].reasons", hasSize(1))
                .body("items[0].reasons[0].memberId", equalTo(unenrolledHead))
                .body("items[0].reasons[0].field", equalTo("medicalInsurance"))
                .body("items[0].reasons[0].value", equalTo("NOT_ENROLLED"));
        given().queryParam("standard", STANDARD)
                .queryParam("indicator", "HOUSING_POOR")
                .queryParam("division", TOWNSHIP)
                .get("/api/v1/indicator-rates/failing-households")
                .then()
                .body("totalItems", equalTo(2))
                .body("items.householdId", org.hamcrest.Matchers.containsInAnyOrder(notExited.id, exited.id))
                .body(
                        "items.find { it.householdId == '" + exited.id
                                + "' }.reasons.find { it.field == 'areaPerCapita' }.value",
                        equalTo("12"));

        String csv = given().queryParam("standard", STANDARD)
                .queryParam("indicator", "HOUSING_POOR")
                .queryParam("division", TOWNSHIP)
                .get("/api/v1/indicator-rates/failing-households.csv")
                .then()
                .statusCode(200)
                .header("Content-Disposition", startsWith("attachment"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertTrue(lines.getFirst().startsWith("\uFEFF户主姓名,行政村,行政村代码,农户id"), lines.getFirst());
        assertEquals(3, lines.size(), csv);
        assertTrue(csv.contains(exited.id) && csv.contains(notExited.id), csv);
        assertTrue(lines.get(1).startsWith("韦国强,"), csv);
        assertTrue(csv.contains("safetyGrade=C"), csv);
    }

    @Test
    void ratesAsOfADayBeforeAnyEvaluationCountNothing() {
        awaitEvaluated();
        given().queryParam("standard", STANDARD)
                .queryParam("division", TOWNSHIP)
                .queryParam("asOf", "2026-01-01")
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(200)
                .body("asOf", equalTo("2026-01-01"))
                .body("indicators.find { it.indicatorCode == 'HOUSING_ALL' }.denominator", equalTo(0))
                .body("indicators.find { it.indicatorCode == 'HOUSING_ALL' }.ratePercent", nullValue());
        given().queryParam("standard", STANDARD)
                .queryParam("division", TOWNSHIP)
                .queryParam("asOf", LocalDate.now(ChinaTime.ZONE).plusDays(1).toString())
                .get("/api/v1/indicator-rates")
                .then()
                .body("indicators.find { it.indicatorCode == 'HOUSING_ALL' }.denominator", equalTo(4));
    }

    @Test
    void povertyIncidenceIsOneFigurePerRegionAndDayWhateverStandardAsks() {
        awaitEvaluated();
        for (String standard : List.of(STANDARD, "GUANGXI_HOUSEHOLD_2020", "NATIONAL_HOUSEHOLD_2021")) {
            given().queryParam("standard", standard)
                    .queryParam("division", TOWNSHIP)
                    .get("/api/v1/indicator-rates")
                    .then()
                    .statusCode(200)
                    .body("povertyIncidence.baseYear", equalTo(2014))
                    .body("povertyIncidence.basePopulation", equalTo(200))
                    .body("povertyIncidence.ratePercent", equalTo(2.50f))
                    .body("povertyIncidence.rateAfterPlannedExitPercent", equalTo(1.00f));
        }
        // as of a day before any household was projected: nobody counted, whatever is registered today
        given().queryParam("standard", STANDARD)
                .queryParam("division", TOWNSHIP)
                .queryParam("asOf", "2020-12-31")
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(200)
                .body("freshness", nullValue())
                .body("povertyIncidence.countedOn", equalTo("2020-12-31"))
                .body("povertyIncidence.notExitedHouseholds", equalTo(0))
                .body("povertyIncidence.notExitedPeople", equalTo(0))
                .body("povertyIncidence.ratePercent", equalTo(0.00f));
    }

    @Test
    void aRegionWithoutItsOwnBaseAddsUpItsPartsOnlyWhenEveryPartHasOne() {
        awaitEvaluated();
        // a second township with a village and no figures: the county, which has no figure of its own, has no base,
        // and the answer names the village that lacks one
        division(new DivisionRegistered("450422198", "新和镇", "TOWNSHIP", "450422"));
        division(new DivisionRegistered("450422198201", "新和村", "VILLAGE", "450422198"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("standard", STANDARD)
                .queryParam("division", "450422")
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(200)
                .body("povertyIncidence.basePopulation", nullValue())
                .body("povertyIncidence.baseSource", nullValue())
                .body("povertyIncidence.ratePercent", nullValue())
                .body("povertyIncidence.divisionsWithoutBase", org.hamcrest.Matchers.hasItem("450422198201")));
        // the village's figure completes the second township, which has none of its own: it adds up its parts
        population(new DivisionPopulationSet("450422198201", 2014, 55, 50, 12));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("standard", STANDARD)
                .queryParam("division", "450422198")
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(200)
                .body("povertyIncidence.basePopulation", equalTo(50))
                .body("povertyIncidence.baseSource", equalTo("SUM_OF_PARTS"))
                .body("povertyIncidence.divisionsWithoutBase", hasSize(0)));
    }

    @Test
    void ratesSayWhetherTheirResultsAreThoseOfTheHouseholdsAsTheyStand() {
        awaitEvaluated();
        given().queryParam("standard", STANDARD)
                .queryParam("division", VILLAGE_B)
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(200)
                .body("freshness.householdsEvaluated", equalTo(2))
                .body("freshness.changedSinceEvaluation", equalTo(0))
                .body("freshness.notEvaluated", equalTo(0))
                .body("freshness.current", equalTo(true))
                .body("freshness.evaluatedTo", org.hamcrest.Matchers.notNullValue());
        // a new state of a household: the standard in force judges it at once, the 2020 standard (ended) does not
        notPoor.version++;
        notPoor.publish();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("standard", STANDARD)
                .queryParam("division", VILLAGE_B)
                .get("/api/v1/indicator-rates")
                .then()
                .body("freshness.changedSinceEvaluation", equalTo(1))
                .body("freshness.current", equalTo(false)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("standard", "NATIONAL_HOUSEHOLD_2021")
                        .queryParam("division", VILLAGE_B)
                        .get("/api/v1/indicator-rates")
                        .then()
                        .body("freshness.changedSinceEvaluation", equalTo(0))
                        .body("freshness.current", equalTo(true)));
        // a job brings the 2020 standard's results up to date
        String job = given().contentType(ContentType.JSON)
                .body("{\"regionCode\":\"%s\",\"standardCodes\":[\"%s\"]}".formatted(VILLAGE_B, STANDARD))
                .post("/api/v1/evaluation-jobs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE"
                .equals(given().get("/api/v1/evaluation-jobs/" + job).path("state")));
        given().queryParam("standard", STANDARD)
                .queryParam("division", VILLAGE_B)
                .get("/api/v1/indicator-rates")
                .then()
                .body("freshness.changedSinceEvaluation", equalTo(0))
                .body("freshness.current", equalTo(true));
    }

    @Test
    void declaredFiguresAreCheckedAgainstEachOtherAndTheRegisteredData() throws Exception {
        awaitEvaluated();
        String body = """
                {"divisionCode":"%s","year":2020,"title":"同心镇工作汇报（测试）","source":"同心镇人民政府",
                 "figures":[
                  {"code":"households","label":"全镇总户数","value":4,"unit":"户"},
                  {"code":"people","label":"全镇总人口","value":12,"unit":"人"},
                  {"code":"notExitedPeople","label":"未脱贫人口","value":5,"unit":"人"},
                  {"code":"base","label":"2014年底农业户籍人口","value":200,"unit":"人"},
                  {"code":"incidence","label":"贫困发生率","value":2.50,"unit":"%%"},
                  {"code":"housingAll","label":"住房认定户数","value":4,"unit":"户"},
                  {"code":"housingMet","label":"已达标","value":2,"unit":"户"},
                  {"code":"housingFailing","label":"未达标","value":3,"unit":"户"},
                  {"code":"housingRate","label":"达标率","value":50.00,"unit":"%%"}],
                 "relations":[
                  {"kind":"SUM","whole":"housingAll","parts":["housingMet","housingFailing"]},
                  {"kind":"RATE","rate":"housingRate","numerator":"housingMet","denominator":"housingAll"},
                  {"kind":"RATE","rate":"incidence","numerator":"notExitedPeople","denominator":"base"}],
                 "comparisons":[
                  {"figure":"households","measure":"HOUSEHOLDS"},
                  {"figure":"people","measure":"PEOPLE"},
                  {"figure":"incidence","measure":"POVERTY_INCIDENCE"},
                  {"figure":"base","measure":"BASE_POPULATION"},
                  {"figure":"housingMet","measure":"INDICATOR_NUMERATOR","standard":"%s","indicator":"HOUSING_ALL"},
                  {"figure":"housingRate","measure":"INDICATOR_RATE","standard":"%s","indicator":"HOUSING_ALL"}]}""".formatted(TOWNSHIP, STANDARD, STANDARD);
        String id = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/figure-checks")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/figure-checks/"))
                .body("divisionName", equalTo("同心镇"))
                .body("checks", hasSize(9))
                .body("contradictions", equalTo(2))
                // 4 ≠ 2 + 3, and 12 people declared where 11 live in the township's households
                .body("checks[0].holds", equalTo(false))
                .body("checks[0].message", equalTo("住房认定户数 4 ≠ 已达标 2 + 未达标 3 = 5（相差 -1）"))
                .body("checks[1].holds", equalTo(true))
                .body("checks[2].holds", equalTo(true))
                .body("checks[3].holds", equalTo(true))
                .body("checks[4].holds", equalTo(false))
                .body("checks[4].kind", equalTo("REGISTERED"))
                .body("checks[4].computed", equalTo(11))
                .body("checks[4].message", equalTo("全镇总人口 12 ≠ 系统登记在户人口 11（相差 1）"))
                .body("checks[5].holds", equalTo(true))
                .body("checks[6].holds", equalTo(true))
                .body("checks[7].holds", equalTo(true))
                .body("checks[8].holds", equalTo(true))
                .extract()
                .path("id");
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from figure_check where id = '" + id
                                + "' and contradictions = 2 and checks = 9 and created_by is not null"));
        given().get("/api/v1/figure-checks/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("同心镇工作汇报（测试）"))
                .body("contradictions", equalTo(2))
                .body("figures", hasSize(9));
        given().queryParam("division", TOWNSHIP)
                .queryParam("year", 2020)
                .get("/api/v1/figure-checks")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.contradictions", equalTo(2));
        // outside the caller's region: as if it did not exist (a request of another caller carries its token only)
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.COUNTY_ADMIN, "450423")
                .get("/api/v1/figure-checks/" + id)
                .then()
                .statusCode(404);
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");

        // references that do not resolve are refused, naming each field, and nothing is stored
        long sets = Rows.count(dataSource, "select count(*) from figure_check");
        given().contentType(ContentType.JSON)
                .body(body.replace(
                                "\"parts\":[\"housingMet\",\"housingFailing\"]", "\"parts\":[\"housingMet\",\"gone\"]")
                        .replace(
                                "\"standard\":\"" + STANDARD + "\",\"indicator\":\"HOUSING_ALL\"}]",
                                "\"standard\":\"NO_SUCH\",\"indicator\":\"X\"}]")
                        .replace("{\"code\":\"people\"", "{\"code\":\"households\""))
                .post("/api/v1/figure-checks")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.hasItems(
                                "figures[1].code", "relations[0].parts[1]", "comparisons[5].standard"));
        given().contentType(ContentType.JSON)
                .body(body.replace("\"divisionCode\":\"" + TOWNSHIP + "\"", "\"divisionCode\":\"450423101\""))
                .post("/api/v1/figure-checks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("divisionCode"));
        assertEquals(sets, Rows.count(dataSource, "select count(*) from figure_check"));

        // the declared bases of 2014 against what is registered: 60 households declared, 4 registered
        given().queryParam("division", TOWNSHIP)
                .queryParam("year", 2014)
                .get("/api/v1/population-base-differences")
                .then()
                .statusCode(200)
                .body("find { it.divisionCode == '" + TOWNSHIP + "' }.declaredHouseholds", equalTo(60))
                .body("find { it.divisionCode == '" + TOWNSHIP + "' }.registeredHouseholds", equalTo(4))
                .body("find { it.divisionCode == '" + TOWNSHIP + "' }.householdsAgree", equalTo(false))
                .body("find { it.divisionCode == '" + VILLAGE_A + "' }.registeredHouseholds", equalTo(2));
        given().queryParam("division", TOWNSHIP)
                .get("/api/v1/population-base-differences")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
    }

    @Test
    void badQueriesAnswerProblemsNamingTheField() {
        given().queryParam("division", TOWNSHIP)
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("standard"));
        given().queryParam("standard", STANDARD)
                .queryParam("asOf", "31.12.2020")
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().queryParam("standard", "NO_SUCH_STANDARD")
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(404);
        given().queryParam("standard", STANDARD)
                .queryParam("indicator", "NO_SUCH_INDICATOR")
                .get("/api/v1/indicator-rates/failing-households")
                .then()
                .statusCode(404);
        // a request of another caller carries that caller's token only
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.TOWNSHIP_OFFICER, "450422101")
                .queryParam("standard", STANDARD)
                .queryParam("division", TOWNSHIP)
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(404);
    }

    @Test
    void villageFactsAreEnteredWithHistoryAndOptimisticConcurrency() {
        String path = "/api/v1/villages/" + VILLAGE_B + "/facts/2019";
        given().get(path).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"roadHardened\":true,\"collectiveIncome\":24900,\"committeeRating\":\"GOOD\"}")
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("version", equalTo(0))
                .body("recordedBy", equalTo("test-county-admin"));
        given().contentType(ContentType.JSON)
                .body("{\"roadHardened\":true,\"collectiveIncome\":41000}")
                .put(path)
                .then()
                .statusCode(428);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body("{\"roadHardened\":true,\"collectiveIncome\":41000}")
                .put(path)
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .body("{\"committeeRating\":\"EXCELLENT\",\"collectiveIncome\":-1}")
                .put(path)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("committeeRating", "collectiveIncome"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"roadHardened\":true,\"collectiveIncome\":41000,\"committeeRating\":\"GOOD\"}")
                .put(path)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        given().get(path + "/history")
                .then()
                .statusCode(200)
                .body("version", equalTo(List.of(1, 0)))
                .body("facts.collectiveIncome", equalTo(List.of(41000, 24900)))
                .body("[1].supersededAt", org.hamcrest.Matchers.notNullValue());
        given().contentType(ContentType.JSON)
                .body("{\"roadHardened\":true}")
                .put("/api/v1/villages/450422199299/facts/2019")
                .then()
                .statusCode(404);
    }

    @Test
    void townshipAndVillageAreJudgedFromFactsAndRatesWithConsistencyChecks() {
        awaitEvaluated();
        facts(VILLAGE_A, """
                {"specialIndustry":true,"roadHardened":true,"hamletRoadsHardened":true,"powerGrid":true,
                 "publicServices":true,"broadband":true,"collectiveIncome":63000,"committeeRating":"GOOD",
                 "note":"入股养猪场利息 0.1 万元、清理不规范合同收入 5 万元、卖集体山林收入 1.2 万元"}""");
        facts(VILLAGE_B, """
                {"specialIndustry":true,"roadHardened":true,"hamletRoadsHardened":true,"powerGrid":true,
                 "publicServices":false,"collectiveIncome":24900,"committeeRating":"GOOD"}""");

        JsonPath township = given().queryParam("standard", STANDARD)
                .queryParam("division", TOWNSHIP)
                .get("/api/v1/division-evaluations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("2020-12-31", township.getString("referenceDate"));
        assertEquals(true, township.getBoolean(judgement("ROAD_TO_VILLAGES") + ".met"));
        assertEquals(false, township.getBoolean(judgement("PUBLIC_SERVICES") + ".met"));
        assertEquals("大梳村", township.getString(judgement("PUBLIC_SERVICES") + ".reasons[0].value"));
        assertEquals(true, township.getBoolean(judgement("POVERTY_INCIDENCE_BELOW") + ".met"));
        assertEquals(false, township.getBoolean("allMet"));
        // housing failures by cause: 12 m² per person (脱贫户) and grade C (未脱贫户) add up to the two failing
        assertEquals(
                1, township.getInt("rates.find { it.indicatorCode == 'HOUSING_CAUSE_SMALL_AREA' }.failingHouseholds"));
        assertEquals(
                1, township.getInt("rates.find { it.indicatorCode == 'HOUSING_CAUSE_GRADE_C' }.failingHouseholds"));
        assertEquals(
                0, township.getInt("rates.find { it.indicatorCode == 'HOUSING_CAUSE_NO_HOUSE' }.failingHouseholds"));
        assertEquals(true, township.getBoolean(check("HOUSING_FAILURES_ADD_UP") + ".holds"));
        assertEquals("2", township.getString(check("HOUSING_FAILURES_ADD_UP") + ".left"));
        assertEquals(true, township.getBoolean(check("HOUSING_POOR_AND_NON_POOR_ADD_UP") + ".holds"));
        assertEquals(false, township.getBoolean(check("BASE_POPULATION_ADDS_UP") + ".holds"));
        assertEquals("200", township.getString(check("BASE_POPULATION_ADDS_UP") + ".left"));
        assertEquals("190", township.getString(check("BASE_POPULATION_ADDS_UP") + ".right"));

        JsonPath village = given().queryParam("standard", "GUANGXI_VILLAGE_2020")
                .queryParam("division", VILLAGE_A)
                .get("/api/v1/division-evaluations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("凤阁村", village.getString("divisionName"));
        assertEquals(true, village.getBoolean(judgement("HAS_COLLECTIVE_INCOME") + ".met"));
        assertEquals(true, village.getBoolean(judgement("HAS_GOOD_COMMITTEE") + ".met"));
        assertEquals(true, village.getBoolean(judgement("HAS_ROAD") + ".met"));
        // one of the village's two poor households lives in a grade C house
        assertEquals(false, village.getBoolean(judgement("HAS_HOUSING") + ".met"));
        assertEquals(
                "50",
                village.getString(judgement("HAS_HOUSING") + ".reasons.find { it.field == 'poorHousingRate' }.value"));
        // the base of the village's 贫困发生率 is its own 2014 figure: 5 people not exited of 120 (4.17%), 2 once the
        // 预脱贫户 has exited (1.67%): judged at the year end after planned exits, as the reports do, it is met
        assertEquals(120, village.getInt("povertyIncidence.basePopulation"));
        assertEquals(4.17, village.getDouble("povertyIncidence.ratePercent"), 0.0001);
        assertEquals("AFTER_PLANNED_EXITS", village.getString("basis"));
        assertEquals(true, village.getBoolean(judgement("POVERTY_INCIDENCE_BELOW") + ".met"));
        given().queryParam("standard", "GUANGXI_VILLAGE_2020")
                .queryParam("division", VILLAGE_A)
                .queryParam("basis", "CURRENT")
                .get("/api/v1/division-evaluations")
                .then()
                .statusCode(200)
                .body("basis", equalTo("CURRENT"))
                .body(judgement("POVERTY_INCIDENCE_BELOW") + ".met", equalTo(false))
                .body(
                        judgement("POVERTY_INCIDENCE_BELOW") + ".reasons.find { it.field == 'povertyIncidence' }.value",
                        equalTo("4.17"));
        given().queryParam("standard", "GUANGXI_VILLAGE_2020")
                .queryParam("division", VILLAGE_A)
                .queryParam("basis", "YEAR_END")
                .get("/api/v1/division-evaluations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("basis"));

        given().queryParam("standard", "GUANGXI_VILLAGE_2020")
                .queryParam("division", VILLAGE_B)
                .get("/api/v1/division-evaluations")
                .then()
                .body("judgements.find { it.indicatorCode == 'HAS_COLLECTIVE_INCOME' }.met", equalTo(false))
                .body(
                        "judgements.find { it.indicatorCode == 'HAS_COLLECTIVE_INCOME' }.reasons.find { it.field == 'collectiveIncome' }.value",
                        equalTo("24900"));
        given().queryParam("standard", "GUANGXI_VILLAGE_2020")
                .queryParam("division", TOWNSHIP)
                .get("/api/v1/division-evaluations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("division"));
        given().queryParam("standard", "GUANGXI_VILLAGE_2020")
                .get("/api/v1/division-evaluations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("division"));
    }

    private static void facts(String village, String body) {
        String path = "/api/v1/villages/" + village + "/facts/2020";
        io.restassured.response.Response current = given().get(path);
        var request = given().contentType(ContentType.JSON).body(body);
        if (current.statusCode() == 200) {
            request = request.header("If-Match", current.header("ETag"));
        }
        request.put(path).then().statusCode(200);
    }

    private static String judgement(String code) {
        return "judgements.find { it.indicatorCode == '" + code + "' }";
    }

    private static String check(String code) {
        return "consistency.find { it.code == '" + code + "' }";
    }

    private void awaitEvaluated() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().queryParam("standard", STANDARD)
                                .queryParam("division", TOWNSHIP)
                                .get("/api/v1/indicator-rates")
                                .jsonPath()
                                .getInt("indicators.find { it.indicatorCode == 'HOUSING_ALL' }.denominator")
                        == 4);
    }

    private static void assertRate(
            JsonPath rates,
            String indicator,
            int population,
            int denominator,
            int numerator,
            double percent,
            int failingHouseholds) {
        String at = "indicators.find { it.indicatorCode == '" + indicator + "' }";
        assertEquals(population, rates.getInt(at + ".population"), indicator + " population");
        assertEquals(denominator, rates.getInt(at + ".denominator"), indicator + " denominator");
        assertEquals(numerator, rates.getInt(at + ".numerator"), indicator + " numerator");
        assertEquals(percent, rates.getDouble(at + ".ratePercent"), 0.0001, indicator + " rate");
        assertEquals(failingHouseholds, rates.getInt(at + ".failingHouseholds"), indicator + " failing households");
    }

    private static String exclusion(String indicator, String code) {
        return "indicators.find { it.indicatorCode == '" + indicator + "' }.exclusions.find { it.code == '" + code
                + "' }.count";
    }

    private static void division(DivisionRegistered event) {
        send(
                event.code(),
                EventTypes.DIVISION_REGISTERED,
                HouseholdEventData.json(EventTypes.DIVISION_REGISTERED, event));
    }

    private static void population(DivisionPopulationSet event) {
        send(
                event.code(),
                EventTypes.DIVISION_POPULATION_SET,
                HouseholdEventData.json(EventTypes.DIVISION_POPULATION_SET, event));
    }

    private static void send(String key, String type, String data) {
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.HOUSEHOLD_EVENTS,
                key,
                UUID.randomUUID().toString(),
                type,
                "/household-service",
                data);
    }
}
