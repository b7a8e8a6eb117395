package cn.ruralwatch.household;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Monitoring history before the suite and several episodes of one household (seed 003: identified 2019, risk eliminated
 * 2020, identified again 2022 after a housing danger), so that "35户106人 including those eliminated" can be answered.
 */
@QuarkusTest
class MonitoringHistoryTest {

    static final String COUNTY = "450484";
    static final String VILLAGE = "450484101201";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void eachRequestCarriesItsOwnToken() {
        RestAssured.requestSpecification = null;
    }

    private static RequestSpecification clerk() {
        return Tokens.as(Roles.VILLAGE_CLERK, VILLAGE).contentType(ContentType.JSON);
    }

    @Test
    void anEarlierEpisodeIsEnteredWithItsDatesBeforeTheCurrentOneAndOverlapsNothing() throws Exception {
        Fixtures.division(Tokens.as(Roles.COUNTY_ADMIN, COUNTY), COUNTY, "经历县", "COUNTY", null);
        Fixtures.division(Tokens.as(Roles.COUNTY_ADMIN, COUNTY), "450484101", "经历镇", "TOWNSHIP", COUNTY);
        Fixtures.division(Tokens.as(Roles.COUNTY_ADMIN, COUNTY), VILLAGE, "向阳村", "VILLAGE", "450484101");
        // identified again in 2022 after a housing danger, registered with that monitoring
        String id = clerk().body("""
                        {"villageCode":"%s","attributes":{"povertyStatus":"EXITED","exitYear":2018},
                         "monitoring":{"category":"SUDDEN_HARDSHIP","riskTypes":["HOUSING"],"riskState":"AT_RISK",
                                       "identifiedYear":2022,"monitoredSince":"2022-05-10"},
                         "members":[{"name":"韦某","idNumber":"%s","relation":"HEAD"}]}""".formatted(VILLAGE, Fixtures.idNumber("19600101", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String etag = clerk().get("/api/v1/households/" + id).header("ETag");
        String episode = """
                {"category":"EDGE_AT_RISK","riskTypes":["ILLNESS"],"identifiedOn":"2019-06-12","eliminatedOn":"2020-11-30",
                 "reason":"2019 年边缘户识别档案"}""";
        clerk().body(episode)
                .post("/api/v1/households/" + id + "/monitoring-history")
                .then()
                .statusCode(428);
        String next = clerk().header("If-Match", etag)
                .body(episode)
                .post("/api/v1/households/" + id + "/monitoring-history")
                .then()
                .statusCode(200)
                .body("pastMonitoring[0].category", equalTo("EDGE_AT_RISK"))
                .body("pastMonitoring[0].identifiedOn", equalTo("2019-06-12"))
                .body("pastMonitoring[0].eliminatedOn", equalTo("2020-11-30"))
                .body("monitoring.identifiedYear", equalTo(2022))
                .extract()
                .header("ETag");

        List<JsonNode> changed = Outboxes.events(dataSource, mapper, id, EventTypes.HOUSEHOLD_CHANGED);
        assertEquals(1, changed.size());
        EventSchemas.assertValid(
                EventTypes.HOUSEHOLD_CHANGED, changed.getFirst().toString());
        assertEquals("MONITORING_HISTORY", changed.getFirst().get("operation").asText());
        JsonNode past = changed.getFirst().get("household").get("pastMonitoring");
        assertEquals(1, past.size());
        assertEquals("2019-06-12", past.get(0).get("identifiedOn").asText());
        assertEquals("ILLNESS", past.get(0).get("riskTypes").get(0).asText());
        clerk().get("/api/v1/households/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body("items.operation", hasItem("MONITORING_HISTORY"));

        // overlapping the entered one, reaching into the current monitoring, ending before it began, in the future,
        // before 建档立卡: each refused naming the field, nothing changed
        refused(id, next, "2020-01-01", "2020-02-01", "identifiedOn", "OVERLAPS");
        refused(id, next, "2021-01-01", "2022-05-10", "eliminatedOn", "NOT_BEFORE_CURRENT");
        refused(id, next, "2021-03-01", "2021-02-01", "eliminatedOn", "BEFORE_IDENTIFIED");
        refused(id, next, "2013-05-01", "2013-09-01", "identifiedOn", "TOO_EARLY");
        refused(id, next, "2021-03-01", "2999-01-01", "eliminatedOn", "FUTURE");
        clerk().get("/api/v1/households/" + id)
                .then()
                .body("pastMonitoring.size()", equalTo(1))
                .header("ETag", equalTo(next));
    }

    private static void refused(String id, String etag, String from, String to, String field, String code) {
        clerk().header("If-Match", etag)
                .body("""
                        {"category":"EDGE_AT_RISK","riskTypes":["ILLNESS"],"identifiedOn":"%s","eliminatedOn":"%s"}""".formatted(from, to))
                .post("/api/v1/households/" + id + "/monitoring-history")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(code));
    }
}
