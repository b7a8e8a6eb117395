package cn.ruralwatch.household;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.synthetic.SyntheticCounty;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicReader;
import cn.ruralwatch.testing.TopicWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request id of the request that caused an event travels with it ({@code ce_requestid}): a registration's events,
 * the events an import job writes for the request that submitted it, and the audit entries of both; an event applied
 * by household-service puts the request id it carries in the log context (and a dead letter keeps it).
 */
@QuarkusTest
class RequestIdsInEventsTest {

    private static final String VILLAGE = "450422101201";
    private static final String IMPORT_COUNTY = "450433";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void village() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.village(VILLAGE);
    }

    @Test
    void aRegistrationsEventAndAuditEntryCarryItsRequestId() throws Exception {
        String requestId = "registration-" + UUID.randomUUID();
        String id = RestAssured.given()
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body(Fixtures.household(VILLAGE, Fixtures.idNumber("19640608", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .header("X-Request-Id", requestId)
                .extract()
                .path("id");

        TopicReader.Event registered = await().atMost(Duration.ofSeconds(20))
                .until(() -> event(Topics.HOUSEHOLD_EVENTS, id, EventTypes.HOUSEHOLD_REGISTERED), e -> e != null);
        assertEquals(requestId, registered.header("ce_requestid"));
        TopicReader.Event audited = await().atMost(Duration.ofSeconds(20))
                .until(() -> event(Topics.AUDIT_EVENTS, id, EventTypes.AUDIT_RECORDED), e -> e != null);
        assertEquals(requestId, audited.header("ce_requestid"));
        assertEquals(requestId, mapper.readTree(audited.data()).get("requestId").asText());
    }

    @Test
    void anImportJobsEventsCarryTheRequestIdThatSubmittedIt() throws Exception {
        SyntheticCounty county = new SyntheticCounty(new SyntheticCounty.Settings(
                IMPORT_COUNTY, "编号县", 12, 5, Fixtures.today().getYear() - 1, Fixtures.today()));
        StringWriter divisions = new StringWriter();
        county.writeDivisions(divisions);
        StringWriter households = new StringWriter();
        county.writeHouseholds(households);
        // this county's admin on each request, not the default caller
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.COUNTY_ADMIN, IMPORT_COUNTY)
                .contentType("text/csv; charset=UTF-8")
                .body(divisions.toString())
                .post("/api/v1/divisions/import")
                .then()
                .statusCode(200);
        String requestId = "import-" + UUID.randomUUID();

        String job = Tokens.as(Roles.COUNTY_ADMIN, IMPORT_COUNTY)
                .header("X-Request-Id", requestId)
                .contentType("text/csv")
                .queryParam("fileName", "编号县.csv")
                .body(households.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/household-imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonPath completed =
                HouseholdImportTest.awaitCompleted(job, () -> Tokens.as(Roles.COUNTY_ADMIN, IMPORT_COUNTY));
        assertEquals(12, completed.getInt("householdsCreated"), completed.prettify());

        List<String> imported = importedHouseholds();
        assertEquals(12, imported.size());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<TopicReader.Event> registered =
                    TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.HOUSEHOLD_EVENTS)
                            .stream()
                            .filter(e -> imported.contains(e.key()))
                            .filter(e -> EventTypes.HOUSEHOLD_REGISTERED.equals(e.header("ce_type")))
                            .toList();
            assertEquals(12, registered.size());
            registered.forEach(e -> assertEquals(requestId, e.header("ce_requestid"), e.key()));
        });
        TopicReader.Event audited = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> event(Topics.AUDIT_EVENTS, imported.getFirst(), EventTypes.AUDIT_RECORDED),
                        e -> e != null);
        assertEquals(requestId, mapper.readTree(audited.data()).get("requestId").asText(), "the job's audit entry");
    }

    @Test
    void anAppliedEventsRequestIdIsInTheLogAndItsDeadLetter() throws Exception {
        String requestId = "clue-" + UUID.randomUUID();
        String unknown = UUID.randomUUID().toString();
        try (CapturedLog deadLetters = CapturedLog.of("cn.ruralwatch.messaging.DeadLetters")) {
            TopicWriter.send(
                    SuiteInfrastructure.kafka().bootstrapServers(),
                    Topics.INDICATOR_EVENTS,
                    unknown,
                    UUID.randomUUID().toString(),
                    EventTypes.RISK_DETECTED,
                    "/indicator-service",
                    """
                    {"householdId":"%s","villageCode":"%s","standardCode":"NATIONAL_HOUSEHOLD_2021",
                     "riskTypes":["HOUSING"],"indicators":[],"detectedAt":"2026-11-20T02:00:00Z"}""".formatted(unknown, VILLAGE),
                    Map.of("ce_requestid", requestId));

            String parkedWith = await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetterRequestId(unknown), found -> found != null);
            assertEquals(requestId, parkedWith);
            LogRecord parked = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> deadLetters.records().stream()
                                    .filter(r -> String.valueOf(r.getMessage()).contains("parked"))
                                    .filter(r -> String.valueOf(((ExtLogRecord) r).getFormattedMessage())
                                            .contains(unknown))
                                    .findFirst()
                                    .orElse(null),
                            r -> r != null);
            assertTrue(parked instanceof ExtLogRecord, parked.getClass().getName());
            assertEquals(requestId, ((ExtLogRecord) parked).getMdc("requestId"), "in the log context");
        }
    }

    private String deadLetterRequestId(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("select headers->>'ce_requestid' from dead_letter where record_key = ?")) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private List<String> importedHouseholds() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("select id::text from household where village_code like ? order by id")) {
            q.setString(1, IMPORT_COUNTY + "%");
            try (ResultSet rs = q.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }

    private static TopicReader.Event event(String topic, String key, String type) {
        return TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), topic).stream()
                .filter(e -> key.equals(e.key()) && type.equals(e.header("ce_type")))
                .findFirst()
                .orElse(null);
    }
}
