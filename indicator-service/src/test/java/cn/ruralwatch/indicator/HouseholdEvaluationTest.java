package cn.ruralwatch.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicReader;
import cn.ruralwatch.testing.TopicWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
class HouseholdEvaluationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void logging() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void householdWithUnverifiedInsuranceFailsWithReasonsAndIsPublished() throws Exception {
        String householdId = UUID.randomUUID().toString();
        String unknownMember = UUID.randomUUID().toString();
        publishRegistered(
                householdId,
                UUID.randomUUID().toString(),
                unknownMember,
                "UNKNOWN",
                UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get("/api/v1/households/" + householdId + "/evaluations")
                        .then()
                        .statusCode(200));
        given().get("/api/v1/households/" + householdId + "/evaluations")
                .then()
                .body("allMet", equalTo(false))
                .body("results", hasSize(1))
                .body("results[0].indicatorCode", equalTo("BASIC_MEDICAL_INSURANCE"))
                .body("results[0].name", equalTo("有基本医疗保障"))
                .body("results[0].met", equalTo(false))
                .body("results[0].reasons", hasSize(1))
                .body("results[0].reasons[0].memberId", equalTo(unknownMember))
                .body("results[0].reasons[0].value", equalTo("UNKNOWN"));

        TopicReader.Event changed = await().atMost(Duration.ofSeconds(15))
                .until(() -> published(householdId), list -> !list.isEmpty())
                .getFirst();
        assertEquals(EventTypes.EVALUATION_CHANGED, changed.header("ce_type"));
        assertEquals("/indicator-service", changed.header("ce_source"));
        EventSchemas.assertValid(EventTypes.EVALUATION_CHANGED, changed.data());
        assertEquals(false, mapper.readTree(changed.data()).get("allMet").asBoolean(true));
    }

    @Test
    void householdWithAllMembersEnrolledMeetsTheIndicator() {
        String householdId = UUID.randomUUID().toString();
        publishRegistered(
                householdId,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "ENROLLED",
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get("/api/v1/households/" + householdId + "/evaluations")
                        .then()
                        .statusCode(200)
                        .body("allMet", equalTo(true))
                        .body("results[0].reasons", hasSize(0)));
    }

    @Test
    void redeliveredEventIsAppliedOnce() throws Exception {
        String householdId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String data = registered(
                householdId, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "UNKNOWN");
        send(householdId, eventId, data);
        send(householdId, eventId, data);
        String marker = UUID.randomUUID().toString();
        // a later event on the same partition proves both copies were consumed
        send(householdId, marker, data);
        await().atMost(Duration.ofSeconds(15)).until(() -> inboxed(marker));
        assertEquals(1, historyRows(householdId), "one evaluation recorded, not one per delivery");
        assertEquals(1, count("select count(*) from inbox_event where event_id = '" + eventId + "'"));
    }

    @Test
    void unprocessableEventGoesToDeadLetterTopicWithReason() {
        String householdId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        send(householdId, eventId, "{\"householdId\": 42, \"members\": \"not a list\"}");
        String dlq = Topics.deadLetter("indicator-service", Topics.HOUSEHOLD_EVENTS);
        TopicReader.Event dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), dlq).stream()
                                .filter(e -> householdId.equals(e.key()))
                                .toList(),
                        list -> !list.isEmpty())
                .getFirst();
        assertTrue(
                dead.header("dead-letter-reason").contains(eventId),
                dead.headers().toString());
        assertEquals(eventId, dead.header("ce_id"));
        given().get("/api/v1/households/" + householdId + "/evaluations").then().statusCode(404);
    }

    @Test
    void unknownHouseholdIsNotFound() {
        given().get("/api/v1/households/" + UUID.randomUUID() + "/evaluations")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    static void publishRegistered(
            String householdId, String headId, String memberId, String insurance, String eventId) {
        send(householdId, eventId, registered(householdId, headId, memberId, insurance));
    }

    private static String registered(String householdId, String headId, String memberId, String insurance) {
        return HouseholdEventData.registered(
                householdId,
                "450422101201",
                List.of(
                        new HouseholdEventData.MemberSketch(
                                headId, "HEAD", "MALE", LocalDate.of(1970, 3, 12), "ENROLLED"),
                        new HouseholdEventData.MemberSketch(
                                memberId, "SON", "MALE", LocalDate.of(2005, 6, 20), insurance)));
    }

    private static void send(String key, String eventId, String data) {
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.HOUSEHOLD_EVENTS,
                key,
                eventId,
                EventTypes.HOUSEHOLD_REGISTERED,
                "/household-service",
                data);
    }

    private static List<TopicReader.Event> published(String householdId) {
        return TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.INDICATOR_EVENTS).stream()
                .filter(e -> householdId.equals(e.key()))
                .toList();
    }

    private boolean inboxed(String eventId) throws Exception {
        return count("select count(*) from inbox_event where event_id = '" + eventId + "'") == 1;
    }

    private long historyRows(String householdId) throws Exception {
        return count("select count(*) from evaluation_history where household_id = '" + householdId + "'");
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
