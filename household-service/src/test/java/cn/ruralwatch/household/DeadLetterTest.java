package cn.ruralwatch.household;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event that cannot be applied is parked, not lost: an operator finds it with its reason, fixes the cause and
 * re-drives it (applied once), or discards it with a note; each resolution is audited. Other roles cannot.
 */
@QuarkusTest
class DeadLetterTest {

    static final String BASE = "/api/v1/dead-letters/household-service";
    /** A village the county registers only after a department's clue about it arrived. */
    static final String LATE_VILLAGE = "450422105299";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void setUp() {
        RestAssured.requestSpecification = null;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.village(admin(), "450422105201");
    }

    @Test
    @DependsOnCryptoMode
    void clueAboutAnUnknownVillageIsParkedThenRedrivenOnceTheVillageIsRegistered() throws Exception {
        String reference = "MZ-" + UUID.randomUUID();
        String stranger = Fixtures.idNumber("19791010", true);
        String eventId = UUID.randomUUID().toString();
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.CLUE_INTAKE,
                reference,
                eventId,
                Topics.CLUE_REPORTED,
                "/civil-affairs",
                """
                {"externalRef":"%s","department":"县民政局","idNumber":"%s","villageCode":"%s","riskTypes":["ILLNESS"],
                 "description":"低保边缘户，突发重病","reportedOn":"2026-11-05"}""".formatted(reference, stranger, LATE_VILLAGE));

        long id = await().atMost(Duration.ofSeconds(30)).until(() -> parkedId(eventId), found -> found > 0);
        operator()
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("PARKED"))
                .body("consumer", equalTo("household-service"))
                .body("topic", equalTo(Topics.CLUE_INTAKE))
                .body("key", equalTo(reference))
                .body("eventType", equalTo(Topics.CLUE_REPORTED))
                .body("reason", containsString("no known village"))
                .body("attempts", equalTo(1));
        operator()
                .queryParam("state", "PARKED")
                .queryParam("topic", Topics.CLUE_INTAKE)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id));
        // the clue names a person: its payload is kept encrypted like other personal numbers
        String stored = Rows.text(dataSource, "select payload from dead_letter where id = " + id);
        assertFalse(stored.contains(stranger), "no ID number in plain text");
        assertFalse(stored.contains("县民政局"), "the whole message is encrypted");

        // only operators act on dead letters; auditors may look
        Tokens.as(Roles.COUNTY_ADMIN, "450422").get(BASE).then().statusCode(403);
        Tokens.as(Roles.COUNTY_ADMIN, "450422")
                .post(BASE + "/" + id + "/redrive")
                .then()
                .statusCode(403);
        Tokens.as(Roles.AUDITOR, "450422").get(BASE + "/" + id).then().statusCode(200);

        // re-driven before the cause is fixed: fails again, stays parked with the reason
        operator()
                .post(BASE + "/" + id + "/redrive")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("FAILED"))
                .body("reason", containsString("no known village"))
                .body("deadLetter.state", equalTo("PARKED"))
                .body("deadLetter.redriveAttempts", equalTo(1));
        assertEquals(0, clues(reference));

        Fixtures.division(admin(), LATE_VILLAGE, "新设村", "VILLAGE", LATE_VILLAGE.substring(0, 9));
        operator()
                .post(BASE + "/" + id + "/redrive")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("APPLIED"))
                .body("deadLetter.state", equalTo("REDRIVEN"))
                .body("deadLetter.resolvedBy", equalTo("test-operator"))
                .body("deadLetter.resolvedAt", notNullValue());
        assertEquals(1, clues(reference), "the clue is stored once");
        assertEquals(
                LATE_VILLAGE,
                Rows.text(
                        dataSource, "select village_code from warning_clue where external_ref = '" + reference + "'"));
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from inbox_event where consumer = 'household-service' and event_id = '"
                                + eventId + "'"));

        operator()
                .post(BASE + "/" + id + "/redrive")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("已重新投递"));
        // both attempts are in the audit log, with who did them
        assertEquals(2, audited(id));
    }

    @Test
    void riskOfAHouseholdNeverRegisteredIsDiscardedWithANote() throws Exception {
        String unknown = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.INDICATOR_EVENTS,
                unknown,
                eventId,
                EventTypes.RISK_DETECTED,
                "/indicator-service",
                """
                {"householdId":"%s","villageCode":"450422105201","standardCode":"NATIONAL_HOUSEHOLD_2021",
                 "riskTypes":["HOUSING"],"indicators":[{"code":"HOUSING_SECURITY","name":"住房安全有保障",
                 "reasons":["safetyGrade=C"]}],"detectedAt":"2026-11-20T02:00:00Z"}""".formatted(unknown));
        long id = await().atMost(Duration.ofSeconds(30)).until(() -> parkedId(eventId), found -> found > 0);

        operator()
                .contentType(ContentType.JSON)
                .body("{\"note\":\" \"}")
                .post(BASE + "/" + id + "/discard")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("note"));
        operator()
                .contentType(ContentType.JSON)
                .body("{\"note\":\"测试数据：该户从未登记，指标服务已删除其评估\"}")
                .post(BASE + "/" + id + "/discard")
                .then()
                .statusCode(200)
                .body("state", equalTo("DISCARDED"))
                .body("note", equalTo("测试数据：该户从未登记，指标服务已删除其评估"));
        operator().post(BASE + "/" + id + "/redrive").then().statusCode(409);
        operator().get(BASE + "/999999999").then().statusCode(404);
        assertEquals(1, audited(id));
        assertTrue(Rows.count(dataSource, "select count(*) from warning_clue where household_id = '" + unknown + "'")
                == 0);
    }

    @Test
    void eachServiceNamesItsDeadLetterOperations() {
        RestAssured.given()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "paths.'" + BASE + "/{id}/redrive'.post.operationId",
                        equalTo("redriveDeadLetterOfHouseholdService"))
                .body("paths.'" + BASE + "'.get.operationId", equalTo("listDeadLettersOfHouseholdService"));
    }

    private long parkedId(String eventId) throws Exception {
        return Rows.count(
                dataSource, "select coalesce(max(id), 0) from dead_letter where event_id = '" + eventId + "'");
    }

    private long clues(String reference) throws Exception {
        return Rows.count(dataSource, "select count(*) from warning_clue where external_ref = '" + reference + "'");
    }

    /** Audit entries of the dead letter written to the outbox with the resolution. */
    private long audited(long id) throws Exception {
        return Rows.count(
                dataSource,
                "select count(*) from outbox_event where topic = 'audit-events' and aggregate_id = 'household-service/"
                        + id + "' and payload::text like '%\"entityType\":\"dead-letter\"%'");
    }

    private static RequestSpecification operator() {
        return Tokens.as(Roles.OPERATOR, "450422");
    }

    private static RequestSpecification admin() {
        return Tokens.as(Roles.COUNTY_ADMIN, "450422");
    }
}
