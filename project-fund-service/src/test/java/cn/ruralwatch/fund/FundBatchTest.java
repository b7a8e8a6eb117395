package cn.ruralwatch.fund;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdChanged;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicReader;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FundBatchTest {

    static final String COUNTY = "450422";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void countyIsKnown() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        householdEvent(COUNTY, EventTypes.DIVISION_REGISTERED, """
                {"code":"450422","name":"测试县","level":"COUNTY","parentCode":null}""");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> count("select count(*) from known_division where code = '" + COUNTY + "'") == 1);
    }

    @Test
    void registersBatchAndPublishesIt() {
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"countyCode":"450422","sourceLevel":"CENTRAL","year":2023,"batchNumber":4,
                         "amount":3650000.5,"documentNumber":"桂财农〔2023〕45号","purpose":"产业发展"}""")
                .post("/api/v1/fund-batches")
                .then()
                .statusCode(201)
                .body("amount", equalTo(3650000.50f))
                .extract()
                .path("id");
        given().get("/api/v1/fund-batches/" + id).then().statusCode(200).body("batchNumber", equalTo(4));
        given().queryParam("county", COUNTY)
                .queryParam("year", 2023)
                .get("/api/v1/fund-batches")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        TopicReader.Event event = await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.FUND_EVENTS)
                                        .stream()
                                        .filter(e -> id.equals(e.key()))
                                        .toList(),
                        list -> !list.isEmpty())
                .getFirst();
        assertEquals(EventTypes.FUND_BATCH_REGISTERED, event.header("ce_type"));
        EventSchemas.assertValid(EventTypes.FUND_BATCH_REGISTERED, event.data());
        given().contentType(ContentType.JSON)
                .body("""
                        {"countyCode":"450422","sourceLevel":"CENTRAL","year":2023,"batchNumber":4,"amount":1}""")
                .post("/api/v1/fund-batches")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("batchNumber"));
    }

    @Test
    void rejectsUnknownCountyAndBadAmounts() throws Exception {
        long before = count("select count(*) from fund_batch");
        given().contentType(ContentType.JSON)
                .body("""
                        {"countyCode":"999999","sourceLevel":"COUNTY","year":2023,"batchNumber":1,"amount":100}""")
                .post("/api/v1/fund-batches")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("countyCode"))
                .body("errors[0].code", equalTo("UNKNOWN_COUNTY"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"countyCode":"450422","sourceLevel":"COUNTY","year":2023,"batchNumber":1,"amount":10.005}""")
                .post("/api/v1/fund-batches")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"countyCode":"450422","sourceLevel":"COUNTY","year":2023,"batchNumber":1,"amount":-5}""")
                .post("/api/v1/fund-batches")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        assertEquals(before, count("select count(*) from fund_batch"));
    }

    @Test
    void knowsHouseholdsFromHouseholdEventsUntilTheyAreMerged() {
        String householdId = UUID.randomUUID().toString();
        List<HouseholdEventData.MemberSketch> members = List.of(
                new HouseholdEventData.MemberSketch(
                        UUID.randomUUID().toString(), "HEAD", "FEMALE", LocalDate.of(1960, 1, 1), "ENROLLED"),
                new HouseholdEventData.MemberSketch(
                        UUID.randomUUID().toString(), "SON", "MALE", LocalDate.of(1985, 3, 1), "ENROLLED"));
        householdEvent(
                householdId,
                EventTypes.HOUSEHOLD_REGISTERED,
                HouseholdEventData.registered(householdId, "450422101201", members));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> count("select count(*) from known_household where household_id = '" + householdId
                                + "' and member_count = 2")
                        == 1);

        HouseholdState state = HouseholdEventData.state(householdId, "450422101201", 1, members);
        HouseholdState merged = new HouseholdState(
                state.householdId(),
                2,
                state.villageCode(),
                state.headName(),
                "MERGED",
                state.registeredAt(),
                state.povertyStatus(),
                state.exitYear(),
                state.monitoring(),
                state.minimumLiving(),
                state.extremePoverty(),
                state.housing(),
                state.drinkingWater(),
                state.electricity(),
                state.tvBroadband(),
                state.roadToHamlet(),
                state.industries(),
                state.cooperative(),
                state.incomes(),
                state.members());
        householdEvent(
                householdId,
                EventTypes.HOUSEHOLD_CHANGED,
                HouseholdEventData.json(
                        EventTypes.HOUSEHOLD_CHANGED,
                        new HouseholdChanged("MERGED_INTO", "合户", List.of("status"), merged)));
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        count("select count(*) from known_household where household_id = '" + householdId + "'") == 0);
    }

    private static void householdEvent(String key, String type, String data) {
        EventSchemas.assertValid(type, data);
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.HOUSEHOLD_EVENTS,
                key,
                UUID.randomUUID().toString(),
                type,
                "/household-service",
                data);
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
