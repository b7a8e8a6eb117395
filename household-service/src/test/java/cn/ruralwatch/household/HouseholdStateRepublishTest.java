package cn.ruralwatch.household;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operators publish a region's households again as they stand, so the other services' projections take what a later
 * event contract added (the head's name, members' facts) for households that have not changed since.
 */
@QuarkusTest
class HouseholdStateRepublishTest {

    static final String COUNTY = "450482";
    static final String VILLAGE = "450482101201";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void eachRequestCarriesItsOwnToken() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void aRegionsHouseholdsArePublishedAgainAtTheirVersionNamingTheirHeads() throws Exception {
        var admin = Tokens.as(Roles.COUNTY_ADMIN, COUNTY);
        Fixtures.division(admin, COUNTY, "重发县", "COUNTY", null);
        Fixtures.division(Tokens.as(Roles.COUNTY_ADMIN, COUNTY), "450482101", "重发镇", "TOWNSHIP", COUNTY);
        Fixtures.division(Tokens.as(Roles.COUNTY_ADMIN, COUNTY), VILLAGE, "重发村", "VILLAGE", "450482101");
        String first = Tokens.as(Roles.COUNTY_ADMIN, COUNTY)
                .contentType(ContentType.JSON)
                .body(Fixtures.household(VILLAGE, Fixtures.idNumber("19700505", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = Tokens.as(Roles.COUNTY_ADMIN, COUNTY)
                .contentType(ContentType.JSON)
                .body(Fixtures.household(VILLAGE, Fixtures.idNumber("19720606", false)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // only operators, and within their region
        Tokens.as(Roles.COUNTY_ADMIN, COUNTY)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/operations/household-state-republications")
                .then()
                .statusCode(403);
        Tokens.as(Roles.OPERATOR, COUNTY)
                .contentType(ContentType.JSON)
                .post("/api/v1/operations/household-state-republications")
                .then()
                .statusCode(400);
        Tokens.as(Roles.OPERATOR, COUNTY)
                .contentType(ContentType.JSON)
                .body("{\"regionCode\":\"450483\"}")
                .post("/api/v1/operations/household-state-republications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));

        String job = Tokens.as(Roles.OPERATOR, COUNTY)
                .contentType(ContentType.JSON)
                .body("{\"regionCode\":\"" + VILLAGE + "\"}")
                .post("/api/v1/operations/household-state-republications")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/operations/household-state-republications/"))
                .body("regionCode", equalTo(VILLAGE))
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Tokens.as(Roles.OPERATOR, COUNTY)
                .get("/api/v1/operations/household-state-republications/" + job)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUCCEEDED"))
                .body("progress.total", equalTo(2))
                .body("progress.published", equalTo(2)));
        for (String household : List.of(first, second)) {
            List<JsonNode> changed = Outboxes.events(dataSource, mapper, household, EventTypes.HOUSEHOLD_CHANGED);
            assertEquals(1, changed.size(), "published once again");
            JsonNode event = changed.getFirst();
            EventSchemas.assertValid(EventTypes.HOUSEHOLD_CHANGED, event.toString());
            assertEquals("REPUBLISH", event.get("operation").asText());
            assertEquals(0, event.get("changedFields").size());
            // the version it has: nothing changed
            assertEquals(0, event.get("household").get("version").asLong());
            assertEquals("成员0", event.get("household").get("headName").asText());
        }
        assertEquals(
                1,
                Outboxes.count(
                        dataSource,
                        "select count(*) from outbox_event where event_type = 'audit.recorded.v1' and aggregate_id = '"
                                + job + "'"));
        // another county's operator does not see the job
        Tokens.as(Roles.OPERATOR, "450483")
                .get("/api/v1/operations/household-state-republications/" + job)
                .then()
                .statusCode(404);
        given().get("/api/v1/operations/household-state-republications/" + job)
                .then()
                .statusCode(401);
    }
}
