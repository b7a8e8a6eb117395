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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 外出务工 of 脱贫人口 (含监测人口), counted from the members' facts per division and in the month-end figures (seed 003: 一月一报,
 * 外出务工共355人); a city's breakdown is by its counties.
 */
@QuarkusTest
class MigrantWorkersTest {

    static final String COUNTY = "450485";
    static final String VILLAGE = "450485101201";

    @BeforeEach
    void eachRequestCarriesItsOwnToken() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void membersWorkingAwayOfPoorAndMonitoredHouseholdsAreCountedPerDivision() {
        ReportEvents.division("4504", "梧州市", "CITY", null);
        ReportEvents.division(COUNTY, "务工县", "COUNTY", "4504");
        ReportEvents.division("450485101", "务工镇", "TOWNSHIP", COUNTY);
        ReportEvents.division(VILLAGE, "务工村", "VILLAGE", "450485101");
        // a 脱贫户: one member away as 外出务工, one working in the county, one recorded before the kind was kept
        household(
                "EXITED",
                List.of(
                        member("MIGRANT_WORK", "OUT_OF_PROVINCE"),
                        member("LOCAL_EMPLOYMENT", "IN_COUNTY"),
                        member(null, "IN_PROVINCE")));
        // an ordinary household's migrant worker is not among 脱贫人口
        household("NOT_POOR", List.of(member("MIGRANT_WORK", "IN_PROVINCE")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Tokens.as(Roles.COUNTY_ADMIN, COUNTY)
                .queryParam("division", COUNTY)
                .get("/api/v1/reports/breakdown")
                .then()
                .statusCode(200)
                .body("total.migrantWorkers", equalTo(2))
                .body("rows[0].migrantWorkers", equalTo(2)));
        // the city sees its county as a row
        Tokens.as(Roles.AUDITOR, "450400")
                .queryParam("division", "4504")
                .get("/api/v1/reports/breakdown")
                .then()
                .statusCode(200)
                .body("rows.find { it.division.code == '" + COUNTY + "' }.migrantWorkers", equalTo(2));
    }

    private static HouseholdState.Member member(String kind, String location) {
        HouseholdState.Member base = HouseholdEventData.state(
                        UUID.randomUUID().toString(),
                        VILLAGE,
                        0,
                        List.of(new HouseholdEventData.MemberSketch(
                                UUID.randomUUID().toString(), "SON", "MALE", LocalDate.of(1990, 1, 1), "ENROLLED")))
                .members()
                .getFirst();
        return new HouseholdState.Member(
                base.memberId(),
                base.status(),
                base.relation(),
                base.sex(),
                base.birthDate(),
                base.joinedBy(),
                base.leftBy(),
                base.leftOn(),
                "ORDINARY",
                base.health(),
                base.disabilityGrade(),
                base.educationStage(),
                base.schoolingStatus(),
                base.specialSchoolingCase(),
                base.schoolLocation(),
                base.medicalInsurance(),
                base.medicalInsuranceExemption(),
                base.pensionInsurance(),
                base.pensionInsuranceExemption(),
                base.activeSoldier(),
                location,
                8,
                null,
                kind,
                true,
                "NONE",
                false);
    }

    private static void household(String povertyStatus, List<HouseholdState.Member> members) {
        String id = UUID.randomUUID().toString();
        HouseholdState s = HouseholdEventData.state(id, VILLAGE, 0, List.of());
        HouseholdState state = new HouseholdState(
                id,
                0,
                VILLAGE,
                "户主",
                "ACTIVE",
                s.registeredAt(),
                povertyStatus,
                "EXITED".equals(povertyStatus) ? 2018 : null,
                null,
                false,
                false,
                s.housing(),
                s.drinkingWater(),
                null,
                null,
                null,
                List.of(),
                null,
                List.of(),
                members);
        ReportEvents.send(
                Topics.HOUSEHOLD_EVENTS,
                id,
                UUID.randomUUID().toString(),
                EventTypes.HOUSEHOLD_REGISTERED,
                HouseholdEventData.json(EventTypes.HOUSEHOLD_REGISTERED, new HouseholdRegistered(state, null)));
    }
}
