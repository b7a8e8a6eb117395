package cn.ruralwatch.fund;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PV distribution plan distributes no more than its stations earned in its year, less what other plans already
 * distribute from that same revenue: a township's plan and its villages' plans share the villages' revenue.
 */
@QuarkusTest
class PvRevenueLimitTest {

    static final String COUNTY = "420282";
    static final String TOWNSHIP = "420282101";
    static final String VILLAGE = "420282101201";
    static final String IDLE_VILLAGE = "420282101202";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void townshipIsKnown() {
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        FundFixtures.divisions(dataSource, COUNTY, TOWNSHIP, VILLAGE);
        FundFixtures.divisions(dataSource, COUNTY, TOWNSHIP, IDLE_VILLAGE);
    }

    @Test
    void aPlanBeyondTheRecordedRevenueOrWhatOtherPlansLeaveOfItIsRefused() throws Exception {
        // the station: 135,595 元 recorded for 2023 (11 × 11,300 + 11,295)
        String station = station(VILLAGE);
        for (int month = 1; month <= 12; month++) {
            given().contentType(ContentType.JSON)
                    .body("{\"generationKwh\":25000.00,\"revenue\":" + (month == 12 ? "11295.00" : "11300.00") + "}")
                    .put("/api/v1/pv-stations/" + station + "/outputs/2023/" + month)
                    .then()
                    .statusCode(200);
        }
        // a station that has recorded nothing for the year
        station(IDLE_VILLAGE);
        long plans = plans();

        // 500,000 元 against 135,595 元
        plan(VILLAGE, "500000.00")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("distributable"))
                .body("errors[0].code", equalTo("EXCEEDS_REVENUE"))
                .body("errors[0].message", containsString("500000.00"))
                .body("errors[0].message", containsString("已登记的发电收益 135595.00 元"))
                .body("errors[0].message", containsString("其他方案已分配的 0.00 元"));
        plan(IDLE_VILLAGE, "1.00")
                .statusCode(422)
                .body("errors[0].code", equalTo("EXCEEDS_REVENUE"))
                .body("errors[0].message", containsString("发电收益 0.00 元"));
        assertEquals(plans, plans());

        // within the revenue: the village's plan
        var village = plan(VILLAGE, "100000.00").statusCode(201).extract();
        assertEquals(plans + 1, plans());
        // the township's plan draws on the same revenue: together they would distribute 140,000 元
        plan(TOWNSHIP, "40000.00")
                .statusCode(422)
                .body("errors[0].code", equalTo("EXCEEDS_REVENUE"))
                .body("errors[0].message", containsString("方案可分配收益 40000.00 元"))
                .body("errors[0].message", containsString(TOWNSHIP + " 2023 年已登记的发电收益 135595.00 元"))
                .body("errors[0].message", containsString("其他方案已分配的 100000.00 元"))
                .body("errors[0].message", containsString("尚可分配 35595.00 元"));
        assertEquals(plans + 1, plans());
        var township = plan(TOWNSHIP, "35595.00").statusCode(201).extract();

        // the village's plan may not grow into what the township's plan takes; unchanged, it is not counted twice
        replace(village.path("id"), village.header("ETag"), VILLAGE, "100000.01")
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].message", containsString(TOWNSHIP))
                .body("errors[0].message", containsString("其他方案已分配的 35595.00 元"));
        replace(village.path("id"), village.header("ETag"), VILLAGE, "100000.00")
                .statusCode(200);
        assertEquals(
                "135595.00",
                Rows.text(
                        dataSource,
                        "select sum(distributable)::text from pv_distribution_plan where division_code like '"
                                + TOWNSHIP + "%' and plan_year = 2023"));

        // publication checks again, and the township's plan still keeps within what is left
        given().contentType(ContentType.JSON)
                .header("If-Match", township.header("ETag"))
                .body("{\"publishedOn\":\"2024-03-15\"}")
                .post("/api/v1/pv-distribution-plans/" + township.path("id") + "/publication")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"));
    }

    private String station(String village) {
        return given().contentType(ContentType.JSON)
                .body("{\"villageCode\":\"" + village + "\",\"name\":\"村级光伏电站 " + village
                        + "\",\"capacityKw\":300.00,\"connectedOn\":\"2019-06-30\"}")
                .post("/api/v1/pv-stations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A plan of small works paid all as labour, so that only the revenue can refuse it. */
    private static String body(String division, String distributable) {
        return "{\"divisionCode\":\"" + division + "\",\"year\":2023,\"distributable\":" + distributable
                + ",\"jobs\":[],\"works\":[{\"name\":\"村内道路维护\",\"villageCode\":\""
                + (division.length() == 12 ? division : VILLAGE)
                + "\",\"amount\":" + distributable + ",\"labourAmount\":" + distributable + "}]}";
    }

    private ValidatableResponse plan(String division, String distributable) {
        return given().contentType(ContentType.JSON)
                .body(body(division, distributable))
                .post("/api/v1/pv-distribution-plans")
                .then();
    }

    private ValidatableResponse replace(String id, String etag, String division, String distributable) {
        return given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(body(division, distributable))
                .put("/api/v1/pv-distribution-plans/" + id)
                .then();
    }

    private long plans() throws Exception {
        return Rows.count(dataSource, "select count(*) from pv_distribution_plan");
    }
}
