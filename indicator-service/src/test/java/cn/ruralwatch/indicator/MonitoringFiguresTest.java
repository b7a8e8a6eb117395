package cn.ruralwatch.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.DivisionRegistered;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The monitored households a report counts, compared with what is registered (seed 003: 监测户35户106人 including those
 * whose risk was eliminated; 现有未消除风险监测户33户102人, 突发严重困难户17户62人 among them; 2022年新识别22户; 稳定脱贫户429户900人),
 * here over a few households: an earlier episode counts by its own category and year.
 */
@QuarkusTest
class MonitoringFiguresTest {

    // Hubei (seed 003's 大冶市): no base year for 贫困发生率 is shipped for it
    static final String TOWNSHIP = "420281131";
    static final String VILLAGE = "420281131201";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void countsMonitoredHouseholdsNowAndEverByCategoryAndYearAndStableExitedOnes() throws Exception {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "420281");
        send(TOWNSHIP, new DivisionRegistered(TOWNSHIP, "金山店镇", "TOWNSHIP", "420281"));
        send(VILLAGE, new DivisionRegistered(VILLAGE, "朝阳村", "VILLAGE", TOWNSHIP));
        // at risk: 突发严重困难户 of 2022 (3 people), 边缘易致贫户 of 2023 (2); risk eliminated: a 脱贫不稳定户 of 2021 (1
        // person), monitored in 2019–2020 too; 脱贫户 never monitored (2 people) and monitored only in 2019–2020 (4)
        List<HouseholdFixture> households = List.of(
                people(new HouseholdFixture(VILLAGE).monitored("SUDDEN_HARDSHIP", "AT_RISK", 2022), 3),
                people(new HouseholdFixture(VILLAGE).monitored("EDGE_AT_RISK", "AT_RISK", 2023), 2),
                people(
                        new HouseholdFixture(VILLAGE)
                                .poor("EXITED")
                                .monitored("UNSTABLE_EXITED", "ELIMINATED", 2021)
                                .monitoredBefore("EDGE_AT_RISK", 2019, 2020),
                        1),
                people(new HouseholdFixture(VILLAGE).poor("EXITED"), 2),
                people(new HouseholdFixture(VILLAGE).poor("EXITED").monitoredBefore("SUDDEN_HARDSHIP", 2019, 2020), 4));
        households.forEach(HouseholdFixture::publish);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Rows.count(
                                dataSource,
                                "select count(*) from household_projection where village_code = '" + VILLAGE
                                        + "' and state is not null")
                        == 5);

        JsonPath checked = given().contentType(ContentType.JSON)
                .body("""
                        {"divisionCode":"%s","year":2023,"title":"金山店镇工作汇报（测试）",
                         "figures":[
                          {"code":"atRisk","label":"现有未消除风险监测户","value":2,"unit":"户"},
                          {"code":"atRiskPeople","label":"现有未消除风险监测户（人）","value":5,"unit":"人"},
                          {"code":"sudden","label":"突发严重困难户","value":1,"unit":"户"},
                          {"code":"suddenPeople","label":"突发严重困难户（人）","value":3,"unit":"人"},
                          {"code":"of2023","label":"2023年新识别","value":1,"unit":"户"},
                          {"code":"ever","label":"监测户（含已消除风险）","value":4,"unit":"户"},
                          {"code":"everPeople","label":"监测户（人）","value":10,"unit":"人"},
                          {"code":"edgeEver","label":"曾为边缘易致贫户","value":2,"unit":"户"},
                          {"code":"of2019","label":"2019年识别","value":2,"unit":"户"},
                          {"code":"stable","label":"稳定脱贫户","value":3,"unit":"户"},
                          {"code":"stablePeople","label":"稳定脱贫户（人）","value":7,"unit":"人"}],
                         "comparisons":[
                          {"figure":"atRisk","measure":"MONITORED_HOUSEHOLDS"},
                          {"figure":"atRiskPeople","measure":"MONITORED_PEOPLE"},
                          {"figure":"sudden","measure":"MONITORED_HOUSEHOLDS","category":"SUDDEN_HARDSHIP"},
                          {"figure":"suddenPeople","measure":"MONITORED_PEOPLE","category":"SUDDEN_HARDSHIP"},
                          {"figure":"of2023","measure":"MONITORED_HOUSEHOLDS","identifiedYear":2023},
                          {"figure":"ever","measure":"EVER_MONITORED_HOUSEHOLDS"},
                          {"figure":"everPeople","measure":"EVER_MONITORED_PEOPLE"},
                          {"figure":"edgeEver","measure":"EVER_MONITORED_HOUSEHOLDS","category":"EDGE_AT_RISK"},
                          {"figure":"of2019","measure":"EVER_MONITORED_HOUSEHOLDS","identifiedYear":2019},
                          {"figure":"stable","measure":"STABLE_EXITED_HOUSEHOLDS"},
                          {"figure":"stablePeople","measure":"STABLE_EXITED_PEOPLE"}]}""".formatted(TOWNSHIP))
                .post("/api/v1/figure-checks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        // the eliminated 脱贫不稳定户 is a stable 脱贫户 again: 3 households with 1 + 2 + 4 people
        assertEquals(List.of(2, 5, 1, 3, 1, 4, 10, 2, 2, 3, 7), checked.getList("checks.computed", Integer.class));
        assertEquals(0, checked.getInt("contradictions"), checked.prettify());
        assertEquals("突发严重困难户 1 = 系统未消除风险监测（突发严重困难户）户数 1", checked.getString("checks[2].message"));

        // a region without a base year has rates, and no 贫困发生率 (it once answered 500)
        given().queryParam("standard", "NATIONAL_HOUSEHOLD_2021")
                .queryParam("division", TOWNSHIP)
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(200)
                .body("freshness.householdsEvaluated", equalTo(5))
                .body("povertyIncidence.baseYear", nullValue())
                .body("povertyIncidence.ratePercent", nullValue());

        // the monitoring measures count households as they stand: no asOf, and no category on other measures
        long sets = Rows.count(dataSource, "select count(*) from figure_check");
        given().contentType(ContentType.JSON)
                .body("""
                        {"divisionCode":"%s","year":2023,"title":"t","asOf":"2023-06-30",
                         "figures":[{"code":"a","label":"户","value":2},{"code":"b","label":"户","value":2}],
                         "comparisons":[{"figure":"a","measure":"MONITORED_HOUSEHOLDS"},
                                        {"figure":"b","measure":"HOUSEHOLDS","category":"EDGE_AT_RISK"}]}""".formatted(TOWNSHIP))
                .post("/api/v1/figure-checks")
                .then()
                .statusCode(400)
                .body("errors.find { it.field == 'comparisons[0].measure' }.code", equalTo("CURRENT_ONLY"))
                .body("errors.find { it.field == 'comparisons[1].category' }.code", equalTo("NOT_MONITORING"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"divisionCode":"%s","year":2023,"title":"t","figures":[{"code":"a","label":"户","value":2}],
                         "comparisons":[{"figure":"a","measure":"MONITORED_HOUSEHOLDS","category":"POOR"}]}""".formatted(TOWNSHIP))
                .post("/api/v1/figure-checks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("comparisons[0].category"));
        assertEquals(sets, Rows.count(dataSource, "select count(*) from figure_check"));
    }

    private static HouseholdFixture people(HouseholdFixture household, int people) {
        for (int i = 0; i < people; i++) {
            household.member(LocalDate.of(1970 + i, 1, 1));
        }
        return household;
    }

    private static void send(String key, DivisionRegistered event) {
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.HOUSEHOLD_EVENTS,
                key,
                UUID.randomUUID().toString(),
                EventTypes.DIVISION_REGISTERED,
                "/household-service",
                HouseholdEventData.json(EventTypes.DIVISION_REGISTERED, event));
    }
}
