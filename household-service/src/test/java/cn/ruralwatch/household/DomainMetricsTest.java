package cn.ruralwatch.household;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.synthetic.SyntheticCounty;
import cn.ruralwatch.testing.Management;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * household-service's own metrics on its management port, with labels that never name a household: what imports
 * stored, how import jobs ended, its jobs by kind and state and how long they ran, its dead letters by state, its
 * consumers' lag and its outbox.
 */
@QuarkusTest
class DomainMetricsTest {

    private static final String COUNTY = "450434";
    private static final int HOUSEHOLDS = 15;

    @BeforeEach
    void logging() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // the county's admin on each request, not another test's default caller
        RestAssured.requestSpecification = null;
    }

    @Test
    void anImportShowsInTheImportAndJobMetrics() {
        String before = Management.metrics();
        double created = Management.sum(before, "household_imports_households_total", Map.of("outcome", "created"));
        double members = Management.sum(before, "household_imports_members_total", Map.of());
        double completed = Management.sum(before, "household_import_jobs_total", Map.of("outcome", "COMPLETED"));
        double ran = Management.sum(
                before, "jobs_duration_seconds_count", Map.of("kind", "HOUSEHOLD_IMPORT", "state", "SUCCEEDED"));

        SyntheticCounty county = new SyntheticCounty(new SyntheticCounty.Settings(
                COUNTY, "度量县", HOUSEHOLDS, 9, Fixtures.today().getYear() - 1, Fixtures.today()));
        StringWriter divisions = new StringWriter();
        county.writeDivisions(divisions);
        StringWriter households = new StringWriter();
        county.writeHouseholds(households);
        Tokens.as(Roles.COUNTY_ADMIN, COUNTY)
                .contentType("text/csv; charset=UTF-8")
                .body(divisions.toString())
                .post("/api/v1/divisions/import")
                .then()
                .statusCode(200);
        String job = Tokens.as(Roles.COUNTY_ADMIN, COUNTY)
                .contentType("text/csv")
                .queryParam("fileName", "度量县.csv")
                .body(households.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/household-imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonPath imported = HouseholdImportTest.awaitCompleted(job, () -> Tokens.as(Roles.COUNTY_ADMIN, COUNTY));
        assertEquals(HOUSEHOLDS, imported.getInt("householdsCreated"), imported.prettify());
        int stored = imported.getInt("membersStored");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = Management.metrics();
            assertEquals(
                    created + HOUSEHOLDS,
                    Management.sum(metrics, "household_imports_households_total", Map.of("outcome", "created")),
                    metrics.lines().filter(l -> l.contains("import")).toList().toString());
            assertEquals(members + stored, Management.sum(metrics, "household_imports_members_total", Map.of()));
            assertEquals(
                    completed + 1,
                    Management.sum(metrics, "household_import_jobs_total", Map.of("outcome", "COMPLETED")));
            assertEquals(
                    ran + 1,
                    Management.sum(
                            metrics,
                            "jobs_duration_seconds_count",
                            Map.of("kind", "HOUSEHOLD_IMPORT", "state", "SUCCEEDED")));
            assertTrue(
                    Management.sum(metrics, "jobs", Map.of("kind", "HOUSEHOLD_IMPORT", "state", "SUCCEEDED")) >= 1,
                    "jobs by kind and state");
        });
    }

    @Test
    void deadLettersConsumerLagAndTheOutboxAreMetrics() {
        // an indicator event of a kind household-service has no use for: consumed, changes nothing
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.INDICATOR_EVENTS,
                "metrics",
                UUID.randomUUID().toString(),
                "indicator.unused-by-households.v1",
                "/indicator-service",
                "{}");
        String metrics = await().atMost(Duration.ofSeconds(30))
                .until(
                        Management::metrics,
                        m -> Management.sum(
                                        m,
                                        "kafka_consumer_fetch_manager_records_consumed_total",
                                        Map.of("client_id", "kafka-consumer-indicator-events"))
                                > 0);
        for (String state : new String[] {"PARKED", "REDRIVEN", "DISCARDED"}) {
            assertTrue(metrics.contains("dead_letters{state=\"" + state + "\"}"), "dead letters " + state);
        }
        // the consumer of each topic (client id kafka-consumer-<topic>, in the service's group) and its lag
        assertTrue(
                metrics.contains(
                        "kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-indicator-events\""),
                "the largest lag of the consumer of indicator-events");
        assertTrue(Management.has(metrics, "outbox_events_pending"));
        assertTrue(Management.has(metrics, "outbox_events_published_total"));
        // no label names a household, member or other record
        assertTrue(
                !Pattern.compile("\\{[^}]*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-")
                        .matcher(metrics)
                        .find(),
                "no id in any label");
    }
}
