package cn.ruralwatch.report;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdRegistered;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 监测户 including those eliminated (seed 003: 监测户35户106人, of which 33户102人 not yet eliminated): households monitored
 * now, those whose risk was eliminated, and those with only an earlier episode entered with its dates.
 */
@QuarkusTest
class MonitoredEverTest {

    static final String VILLAGE = "450486101201";

    @BeforeEach
    void eachRequestCarriesItsOwnToken() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void theOverviewCountsEveryHouseholdEverMonitoredAndThoseStillAtRisk() {
        ReportEvents.division("450486", "监测县", "COUNTY", null);
        ReportEvents.division("450486101", "金山店镇", "TOWNSHIP", "450486");
        ReportEvents.division(VILLAGE, "朝阳村", "VILLAGE", "450486101");
        household(2, monitoring("AT_RISK"), List.of());
        household(3, monitoring("ELIMINATED"), List.of());
        household(
                4,
                null,
                List.of(new HouseholdState.MonitoringEpisode(
                        "EDGE_AT_RISK", List.of("ILLNESS"), LocalDate.of(2019, 6, 1), LocalDate.of(2020, 11, 30))));
        household(5, null, List.of());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Tokens.as(Roles.COUNTY_ADMIN, "450486")
                .queryParam("division", "450486101")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("households", equalTo(4))
                .body("monitoredEver.households", equalTo(3))
                .body("monitoredEver.people", equalTo(9))
                .body("monitoredEver.atRiskHouseholds", equalTo(1))
                .body("monitoredEver.atRiskPeople", equalTo(2)));
    }

    private static HouseholdState.Monitoring monitoring(String riskState) {
        return new HouseholdState.Monitoring(
                "SUDDEN_HARDSHIP",
                List.of("HOUSING"),
                riskState,
                2022,
                LocalDate.of(2022, 5, 10),
                "ELIMINATED".equals(riskState) ? LocalDate.of(2023, 6, 1) : null);
    }

    private static void household(
            int members, HouseholdState.Monitoring monitoring, List<HouseholdState.MonitoringEpisode> past) {
        String id = UUID.randomUUID().toString();
        List<HouseholdEventData.MemberSketch> sketches = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            sketches.add(new HouseholdEventData.MemberSketch(
                    UUID.randomUUID().toString(),
                    i == 0 ? "HEAD" : "SON",
                    "MALE",
                    LocalDate.of(1980, 1, 1),
                    "ENROLLED"));
        }
        HouseholdState s = HouseholdEventData.state(id, VILLAGE, 0, sketches);
        HouseholdState state = new HouseholdState(
                s.householdId(),
                s.version(),
                s.villageCode(),
                s.headName(),
                s.status(),
                s.registeredAt(),
                "EXITED",
                2018,
                monitoring,
                s.minimumLiving(),
                s.extremePoverty(),
                s.housing(),
                s.drinkingWater(),
                s.electricity(),
                s.tvBroadband(),
                s.roadToHamlet(),
                s.industries(),
                s.cooperative(),
                s.incomes(),
                s.members(),
                s.television(),
                s.computer(),
                s.smartphone(),
                past);
        ReportEvents.send(
                Topics.HOUSEHOLD_EVENTS,
                id,
                UUID.randomUUID().toString(),
                EventTypes.HOUSEHOLD_REGISTERED,
                HouseholdEventData.json(EventTypes.HOUSEHOLD_REGISTERED, new HouseholdRegistered(state, null)));
    }
}
