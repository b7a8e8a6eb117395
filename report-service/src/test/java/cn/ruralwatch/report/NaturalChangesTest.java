package cn.ruralwatch.report;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 自然增减 of a period from the member events: births, marriages in and moves in; deaths, marriages out and moves out;
 * among 脱贫户 and 监测户 as the reports count them (seed 003: 自然增加5人，自然减少11户25人), or among all households; a
 * city sees its counties'.
 */
@QuarkusTest
class NaturalChangesTest {

    static final String COUNTY = "450488";
    static final String TOWNSHIP = "450488101";
    static final String VILLAGE = "450488101201";

    @BeforeEach
    void eachRequestCarriesItsOwnToken() {
        RestAssured.requestSpecification = null;
    }

    private static RequestSpecification county() {
        return Tokens.as(Roles.COUNTY_ADMIN, COUNTY);
    }

    @Test
    void naturalIncreaseAndDecreaseOfAPeriodAreCountedFromTheMemberEvents() {
        ReportEvents.division(COUNTY, "自然县", "COUNTY", null);
        ReportEvents.division(TOWNSHIP, "增减镇", "TOWNSHIP", COUNTY);
        ReportEvents.division(VILLAGE, "增减村", "VILLAGE", TOWNSHIP);
        HouseholdState.Monitoring monitored = new HouseholdState.Monitoring(
                "EDGE_AT_RISK", List.of("ILLNESS"), "AT_RISK", 2022, LocalDate.of(2022, 3, 1), null);
        String exited = UUID.randomUUID().toString();
        String ordinary = UUID.randomUUID().toString();
        String watched = UUID.randomUUID().toString();
        // a 脱贫户: a birth, a death and a move out in 2023, a death the year before, a split (not a natural change)
        ReportEvents.memberChange(exited, VILLAGE, 1, "EXITED", null, "BIRTH", LocalDate.of(2023, 3, 1));
        ReportEvents.memberChange(exited, VILLAGE, 2, "EXITED", null, "DEATH", LocalDate.of(2023, 5, 1));
        ReportEvents.memberChange(exited, VILLAGE, 3, "EXITED", null, "MOVE_OUT", LocalDate.of(2023, 6, 1));
        ReportEvents.memberChange(exited, VILLAGE, 4, "EXITED", null, "DEATH", LocalDate.of(2022, 12, 31));
        ReportEvents.memberChange(exited, VILLAGE, 5, "EXITED", null, "SPLIT", LocalDate.of(2023, 8, 1));
        // an ordinary household's death counts among all households only
        ReportEvents.memberChange(ordinary, VILLAGE, 1, "NOT_POOR", null, "DEATH", LocalDate.of(2023, 4, 1));
        // a monitored household's daughter marries out
        ReportEvents.memberChange(watched, VILLAGE, 1, "NOT_POOR", monitored, "MARRIAGE_OUT", LocalDate.of(2023, 7, 1));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> county().queryParam("division", TOWNSHIP)
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2023-12-31")
                .get("/api/v1/reports/natural-changes")
                .then()
                .statusCode(200)
                .body("divisionName", equalTo("增减镇"))
                .body("population", equalTo("POVERTY_AND_MONITORED"))
                .body("increase.households", equalTo(1))
                .body("increase.people", equalTo(1))
                .body("increase.byChange.find { it.change == 'BIRTH' }.people", equalTo(1))
                .body("increase.byChange.find { it.change == 'BIRTH' }.label", equalTo("出生"))
                .body("decrease.households", equalTo(2))
                .body("decrease.people", equalTo(3))
                .body("decrease.byChange.find { it.change == 'DEATH' }.people", equalTo(1))
                .body("decrease.byChange.find { it.change == 'MOVE_OUT' }.people", equalTo(1))
                .body("decrease.byChange.find { it.change == 'MARRIAGE_OUT' }.people", equalTo(1)));
        county().queryParam("division", VILLAGE)
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2023-12-31")
                .queryParam("population", "ALL")
                .get("/api/v1/reports/natural-changes")
                .then()
                .statusCode(200)
                .body("decrease.households", equalTo(3))
                .body("decrease.people", equalTo(4))
                .body("decrease.byChange.find { it.change == 'DEATH' }.people", equalTo(2));
        // the city of the county counts it too (its token in the padded form); another county does not see it
        Tokens.as(Roles.AUDITOR, "450400")
                .queryParam("division", TOWNSHIP)
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2023-12-31")
                .get("/api/v1/reports/natural-changes")
                .then()
                .statusCode(200)
                .body("decrease.people", equalTo(3));
        Tokens.as(Roles.COUNTY_ADMIN, "450489")
                .queryParam("division", TOWNSHIP)
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2023-12-31")
                .get("/api/v1/reports/natural-changes")
                .then()
                .statusCode(404);

        // a period the wrong way round, a population that is not one, a missing date: problems naming the field
        county().queryParam("division", TOWNSHIP)
                .queryParam("from", "2023-12-31")
                .queryParam("to", "2023-01-01")
                .get("/api/v1/reports/natural-changes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        county().queryParam("division", TOWNSHIP)
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2023-12-31")
                .queryParam("population", "POOR")
                .get("/api/v1/reports/natural-changes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("population"));
        county().queryParam("division", TOWNSHIP)
                .queryParam("to", "2023-12-31")
                .get("/api/v1/reports/natural-changes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }
}
