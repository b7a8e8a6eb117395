package cn.ruralwatch.fund;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fund batches belong to a county: nobody outside it sees or registers them. */
@QuarkusTest
class FundBatchScopeTest {

    static final String COUNTY = "450440";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void countyIsKnown() {
        RestAssured.requestSpecification = null;
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.HOUSEHOLD_EVENTS,
                COUNTY,
                UUID.randomUUID().toString(),
                EventTypes.DIVISION_REGISTERED,
                "/household-service",
                """
                {"code":"450440","name":"资金县","level":"COUNTY","parentCode":null}""");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> count("select count(*) from known_division where code = '" + COUNTY + "'") == 1);
    }

    @Test
    void batchesAreVisibleOnlyWithinTheCounty() throws Exception {
        String id = Tokens.as(Roles.COUNTY_ADMIN, COUNTY)
                .contentType(ContentType.JSON)
                .body("""
                        {"countyCode":"450440","sourceLevel":"PROVINCIAL","year":2024,"batchNumber":7,"amount":800000}""")
                .post("/api/v1/fund-batches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Tokens.as(Roles.AUDITOR, COUNTY)
                .get("/api/v1/fund-batches/" + id)
                .then()
                .statusCode(200);
        // the city of the county (4504, written 450400 in its token) and the province see it; another city does not
        Tokens.as(Roles.AUDITOR, "450400")
                .get("/api/v1/fund-batches/" + id)
                .then()
                .statusCode(200)
                .body("countyCode", equalTo(COUNTY));
        Tokens.as(Roles.AUDITOR, "45")
                .queryParam("county", COUNTY)
                .get("/api/v1/fund-batches")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        Tokens.as(Roles.AUDITOR, "450500")
                .get("/api/v1/fund-batches/" + id)
                .then()
                .statusCode(404);
        Tokens.as(Roles.TOWNSHIP_OFFICER, "450440101")
                .get("/api/v1/fund-batches/" + id)
                .then()
                .statusCode(404);
        Tokens.as(Roles.TOWNSHIP_OFFICER, "450440101")
                .get("/api/v1/fund-batches")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        Tokens.as(Roles.COUNTY_ADMIN, "450441")
                .get("/api/v1/fund-batches/" + id)
                .then()
                .statusCode(404);
        Tokens.as(Roles.COUNTY_ADMIN, "450441")
                .queryParam("county", COUNTY)
                .get("/api/v1/fund-batches")
                .then()
                .statusCode(404);
        long before = count("select count(*) from fund_batch");
        Tokens.as(Roles.COUNTY_ADMIN, "450441")
                .contentType(ContentType.JSON)
                .body("""
                        {"countyCode":"450440","sourceLevel":"PROVINCIAL","year":2024,"batchNumber":8,"amount":1}""")
                .post("/api/v1/fund-batches")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("UNKNOWN_COUNTY"));
        assertEquals(before, count("select count(*) from fund_batch"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
