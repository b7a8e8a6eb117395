package cn.ruralwatch.fund;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 带动主体: the new agricultural operators and 创业致富带头人 of a township and the households they drive (seed 000:
 * 新型农业经营主体应有5个，已有9个; 每个致富带头人都带动了3-5户贫困户; 龚勇宇砂糖桔专业合作社覆盖了23户贫困户).
 */
@QuarkusTest
class IndustryDriverTest {

    static final String COUNTY = "450445";
    static final String TOWNSHIP = "450445101";
    static final String VILLAGE = "450445101203";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void countyAdmin() {
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        FundFixtures.divisions(dataSource, COUNTY, TOWNSHIP, VILLAGE);
    }

    private String household(String povertyStatus) {
        return FundFixtures.household(
                dataSource,
                VILLAGE,
                povertyStatus,
                List.of(new HouseholdEventData.MemberSketch(
                        UUID.randomUUID().toString(), "HEAD", "MALE", LocalDate.of(1975, 1, 1), "ENROLLED")));
    }

    @Test
    void operatorsAndLeadersDriveHouseholdsAndATownshipCountsThem() throws Exception {
        String poor = household("EXITED");
        String poorToo = household("EXITED");
        String ordinary = household("NOT_POOR");
        String cooperative = given().contentType(ContentType.JSON)
                .body("""
                        {"divisionCode":"%s","kind":"COOPERATIVE","name":"龚勇宇砂糖桔专业合作社","industry":"砂糖桔",
                         "registeredYear":2017}""".formatted(VILLAGE))
                .post("/api/v1/industry-drivers")
                .then()
                .statusCode(201)
                .body("divisionName", equalTo("village-450445101203"))
                .body("households", equalTo(0))
                .extract()
                .path("id");
        String leader = given().contentType(ContentType.JSON)
                .body("""
                        {"divisionCode":"%s","kind":"BUSINESS_LEADER","name":"龚坚","industry":"沙塘橘"}""".formatted(VILLAGE))
                .post("/api/v1/industry-drivers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String etag = given().get("/api/v1/industry-drivers/" + cooperative).header("ETag");
        given().contentType(ContentType.JSON)
                .body("{\"householdIds\":[\"%s\",\"%s\",\"%s\"]}".formatted(poor, poorToo, ordinary))
                .put("/api/v1/industry-drivers/" + cooperative + "/households")
                .then()
                .statusCode(428);
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"householdIds\":[\"%s\",\"%s\",\"%s\"]}".formatted(poor, poorToo, ordinary))
                .put("/api/v1/industry-drivers/" + cooperative + "/households")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("households", equalTo(3))
                .body("poorOrMonitoredHouseholds", equalTo(2))
                .body("householdIds", containsInAnyOrder(poor, poorToo, ordinary));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"householdIds\":[\"%s\",\"%s\"]}".formatted(poor, UUID.randomUUID()))
                .put("/api/v1/industry-drivers/" + leader + "/households")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("householdIds[1]"))
                .body("errors[0].code", equalTo("UNKNOWN_HOUSEHOLD"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"householdIds\":[\"%s\"]}".formatted(poor))
                .put("/api/v1/industry-drivers/" + leader + "/households")
                .then()
                .statusCode(200);

        // the township: one cooperative, one leader, three households driven (one counted once), two of them poor
        given().queryParam("division", TOWNSHIP)
                .get("/api/v1/industry-drivers/summary")
                .then()
                .statusCode(200)
                .body("households", equalTo(3))
                .body("poorOrMonitoredHouseholds", equalTo(2))
                .body("byKind.find { it.kind == 'COOPERATIVE' }.drivers", equalTo(1))
                .body("byKind.find { it.kind == 'COOPERATIVE' }.households", equalTo(3))
                .body("byKind.find { it.kind == 'BUSINESS_LEADER' }.households", equalTo(1));
        given().queryParam("division", TOWNSHIP)
                .queryParam("kind", "BUSINESS_LEADER")
                .get("/api/v1/industry-drivers")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].name", equalTo("龚坚"));
        given().queryParam("kind", "CLUB")
                .get("/api/v1/industry-drivers")
                .then()
                .statusCode(400);

        // another county neither sees them nor registers here; nothing stored by a refusal
        long drivers = Rows.count(dataSource, "select count(*) from industry_driver");
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.COUNTY_ADMIN, "450446")
                .get("/api/v1/industry-drivers/" + cooperative)
                .then()
                .statusCode(404);
        Tokens.as(Roles.COUNTY_ADMIN, "450446")
                .contentType(ContentType.JSON)
                .body("""
                        {"divisionCode":"%s","kind":"FAMILY_FARM","name":"某家庭农场"}""".formatted(VILLAGE))
                .post("/api/v1/industry-drivers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("divisionCode"));
        assertEquals(drivers, Rows.count(dataSource, "select count(*) from industry_driver"));
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from outbox_event where event_type = 'audit.recorded.v1' and aggregate_id = '"
                                + cooperative + "' and payload::text like '%CREATE%'"));
    }
}
