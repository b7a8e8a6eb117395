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
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicReader;
import cn.ruralwatch.testing.TopicWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
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

    static final String NATIONAL = "standards.find { it.standardCode == 'NATIONAL_HOUSEHOLD_2021' }";
    static final String MEDICAL = NATIONAL + ".results.find { it.indicatorCode == 'BASIC_MEDICAL_INSURANCE' }";

    @Test
    void uninsuredMemberFailsTheNationalStandardWithReasonsAndIsPublished() throws Exception {
        HouseholdFixture household = new HouseholdFixture("450422101201").income(2025, "9000");
        household.member(LocalDate.of(1970, 3, 12));
        String uninsured = household.member(LocalDate.of(2005, 6, 20), m -> m.medicalInsurance = "NOT_ENROLLED");
        household.publish();

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get("/api/v1/households/" + household.id + "/evaluations")
                        .then()
                        .statusCode(200));
        given().get("/api/v1/households/" + household.id + "/evaluations")
                .then()
                .body("villageCode", equalTo("450422101201"))
                .body(NATIONAL + ".allMet", equalTo(false))
                .body(NATIONAL + ".standardVersion", equalTo(1))
                // judged on the household's data as it stands: version 0, the one published
                .body(NATIONAL + ".householdVersion", equalTo(0))
                .body(NATIONAL + ".current", equalTo(true))
                .body(NATIONAL + ".judgedAt", org.hamcrest.Matchers.notNullValue())
                .body(NATIONAL + ".results", hasSize(6))
                .body(MEDICAL + ".name", equalTo("基本医疗有保障（参加城乡居民基本医疗保险）"))
                .body(MEDICAL + ".met", equalTo(false))
                .body(MEDICAL + ".numerator", equalTo(1))
                .body(MEDICAL + ".denominator", equalTo(2))
                .body(MEDICAL + ".reasons", hasSize(1))
                .body(MEDICAL + ".reasons[0].memberId", equalTo(uninsured))
                .body(MEDICAL + ".reasons[0].field", equalTo("medicalInsurance"))
                .body(MEDICAL + ".reasons[0].value", equalTo("NOT_ENROLLED"))
                .body(NATIONAL + ".results.find { it.indicatorCode == 'HOUSING_SECURITY' }.met", equalTo(true));

        List<TopicReader.Event> events =
                await().atMost(Duration.ofSeconds(15)).until(() -> published(household.id), list -> list.size() >= 2);
        TopicReader.Event changed = events.stream()
                .filter(e -> EventTypes.EVALUATION_CHANGED.equals(e.header("ce_type")))
                .filter(e -> e.data().contains("NATIONAL_HOUSEHOLD_2021"))
                .findFirst()
                .orElseThrow();
        assertEquals("/indicator-service", changed.header("ce_source"));
        EventSchemas.assertValid(EventTypes.EVALUATION_CHANGED, changed.data());
        assertEquals(false, mapper.readTree(changed.data()).get("allMet").asBoolean(true));
        TopicReader.Event risk = events.stream()
                .filter(e -> EventTypes.RISK_DETECTED.equals(e.header("ce_type")))
                .findFirst()
                .orElseThrow();
        EventSchemas.assertValid(EventTypes.RISK_DETECTED, risk.data());
        assertEquals(
                "ILLNESS", mapper.readTree(risk.data()).get("riskTypes").get(0).asText());
    }

    @Test
    void householdMeetingEveryIndicatorIsNotARisk() {
        HouseholdFixture household = new HouseholdFixture("450422101201").income(2025, "12000");
        household.member(LocalDate.of(1970, 3, 12));
        household.member(LocalDate.of(2012, 9, 1), m -> m.schooling = "IN_SCHOOL");
        household.publish();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get(
                        "/api/v1/households/" + household.id + "/evaluations")
                .then()
                .statusCode(200)
                .body(NATIONAL + ".allMet", equalTo(true))
                .body(NATIONAL + ".results.find { it.indicatorCode == 'COMPULSORY_EDUCATION' }.denominator", equalTo(1))
                .body(MEDICAL + ".reasons", hasSize(0)));
        assertTrue(
                published(household.id).stream().noneMatch(e -> EventTypes.RISK_DETECTED.equals(e.header("ce_type"))));
    }

    @Test
    void householdThatMovesHasItsUnchangedOutcomesUnderItsNewVillage() throws Exception {
        HouseholdFixture household = new HouseholdFixture("450422101201").income(2025, "9000");
        household.member(LocalDate.of(1970, 3, 12));
        household.member(LocalDate.of(2005, 6, 20), m -> m.medicalInsurance = "NOT_ENROLLED");
        household.publish();
        String results = "select count(*) from indicator_result where household_id = '" + household.id
                + "' and standard_code = 'NATIONAL_HOUSEHOLD_2021'";
        await().atMost(Duration.ofSeconds(15)).until(() -> count(results) == 6);
        String digest = "select outcomes_digest from household_evaluation where household_id = '" + household.id
                + "' and standard_code = 'NATIONAL_HOUSEHOLD_2021'";
        String before = text(digest);
        assertTrue(before != null && before.length() == 32, "the outcomes stored are recorded as one digest");

        // the same people and facts in another village of the township: every outcome is the same
        household.village = "450422101202";
        household.version = 1;
        household.publish();
        await().atMost(Duration.ofSeconds(15)).until(() -> count(results + " and village_code = '450422101202'") == 6);
        given().get("/api/v1/households/" + household.id + "/evaluations")
                .then()
                .body("villageCode", equalTo("450422101202"))
                .body(NATIONAL + ".householdVersion", equalTo(1))
                .body(MEDICAL + ".met", equalTo(false));
        assertEquals(
                6,
                count(results + " and village_code = '450422101202' and met = previously_met"),
                "each unchanged outcome is recorded again under the new village from the move on");
        assertEquals(
                6,
                count("select count(*) from indicator_result_history h join indicator_result r"
                        + " using (household_id, standard_code, indicator_code) where h.household_id = '"
                        + household.id + "' and h.standard_code = 'NATIONAL_HOUSEHOLD_2021'"
                        + " and h.village_code = '450422101201' and h.superseded_at = r.evaluated_at"),
                "the history keeps each outcome under the old village until the move");
        assertTrue(!before.equals(text(digest)), "the digest covers the village");
        await().atMost(Duration.ofSeconds(15)).until(() -> published(household.id).stream()
                .filter(e -> EventTypes.EVALUATION_CHANGED.equals(e.header("ce_type")))
                .anyMatch(e -> e.data().contains("\"villageCode\":\"450422101202\"")
                        && e.data().contains("NATIONAL_HOUSEHOLD_2021")));
    }

    @Test
    void redeliveredEventIsAppliedOnceAndAnOlderStateIsIgnored() throws Exception {
        HouseholdFixture household = new HouseholdFixture("450422101201").income(2025, "9000");
        household.member(LocalDate.of(1970, 3, 12), m -> m.medicalInsurance = "NOT_ENROLLED");
        String eventId = household.publish();
        // the same event again, as Kafka may deliver it
        cn.ruralwatch.testing.TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.HOUSEHOLD_EVENTS,
                household.id,
                eventId,
                EventTypes.HOUSEHOLD_REGISTERED,
                "/household-service",
                HouseholdEventData.json(
                        EventTypes.HOUSEHOLD_REGISTERED,
                        new cn.ruralwatch.events.HouseholdRegistered(household.state(), null)));
        // version 2 insures the head; version 1 (older, arriving late) must not undo it
        household.version = 2;
        household.insureAll("ENROLLED");
        household.publish();
        household.version = 1;
        household.insureAll("NOT_ENROLLED");
        String late = household.publish();
        await().atMost(Duration.ofSeconds(15)).until(() -> inboxed(late));

        given().get("/api/v1/households/" + household.id + "/evaluations")
                .then()
                .body(MEDICAL + ".met", equalTo(true));
        assertEquals(1, count("select count(*) from inbox_event where event_id = '" + eventId + "'"));
        String medical = "where household_id = '" + household.id
                + "' and standard_code = 'NATIONAL_HOUSEHOLD_2021' and indicator_code = 'BASIC_MEDICAL_INSURANCE'";
        assertEquals(
                1,
                count("select count(*) from indicator_result_history " + medical + " and not met"),
                "failed once, then met: one version replaced; neither the copy nor the late state recorded anything");
        assertEquals(1, count("select count(*) from indicator_result " + medical + " and met and not previously_met"));
        assertEquals(2, count("select version from household_projection where household_id = '" + household.id + "'"));
    }

    @Test
    void unprocessableEventIsParkedWithReasonWithoutTakingItsBatchAlong() throws Exception {
        String householdId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        send(householdId, eventId, "{\"householdId\": 42, \"members\": \"not a list\"}");
        // sent right behind the bad one, so that both are most likely delivered in one batch
        HouseholdFixture good = new HouseholdFixture("450422101201").income(2025, "9000");
        good.member(LocalDate.of(1980, 1, 1));
        good.publish();
        String reason = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> text("select reason from dead_letter where state = 'PARKED' and event_id = '" + eventId
                                + "' and record_key = '" + householdId + "' and consumer = 'indicator-service'"),
                        found -> found != null);
        assertTrue(reason.contains("does not match its schema"), reason);
        given().get("/api/v1/households/" + householdId + "/evaluations").then().statusCode(404);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get("/api/v1/households/" + good.id + "/evaluations")
                        .then()
                        .statusCode(200));
        assertEquals(0, count("select count(*) from dead_letter where record_key = '" + good.id + "'"));
        assertEquals(
                0,
                count("select count(*) from inbox_event where event_id = '" + eventId + "'"),
                "a parked event is not recorded as applied, so a re-drive can still apply it");
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
        send(
                householdId,
                eventId,
                HouseholdEventData.registered(
                        householdId,
                        "450422101201",
                        List.of(
                                new HouseholdEventData.MemberSketch(
                                        headId, "HEAD", "MALE", LocalDate.of(1970, 3, 12), "ENROLLED"),
                                new HouseholdEventData.MemberSketch(
                                        memberId, "SON", "MALE", LocalDate.of(2005, 6, 20), insurance))));
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

    private long count(String sql) throws Exception {
        return Rows.count(dataSource, sql);
    }

    private String text(String sql) throws Exception {
        return Rows.text(dataSource, sql);
    }
}
