package cn.ruralwatch.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.launcher.Component;
import cn.ruralwatch.launcher.ServiceComponent;
import cn.ruralwatch.launcher.Suite;
import cn.ruralwatch.launcher.SuiteSettings;
import cn.ruralwatch.synthetic.SyntheticCounty;
import cn.ruralwatch.testing.TestIdNumbers;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nothing accepted is lost under the faults of production. Two instances of every stateful service run against one
 * PostgreSQL and one Kafka; during a county's import PostgreSQL is stopped, the replica running the import is killed
 * with SIGKILL, Kafka is stopped for longer than a minute while households are registered, and report-service is
 * killed while it catches up. Afterwards every service agrees, nothing was applied twice or parked, every accepted
 * change has its audit entry and the import completed exactly once. {@code bench/fault-injection.sh} runs the same
 * at county size with five-minute outages.
 */
@Tag(SystemUnderTest.LOCAL_SUITE)
class FaultInjectionIT {

    private static final String COUNTY = "450481";
    private static final int IMPORTED = 1200;
    private static final int REGISTERED = 12;
    private static final List<String> BACKENDS =
            List.of("household-service", "indicator-service", "project-fund-service", "report-service");

    private static Suite suite;
    private static OpenApiConformance conformance;

    @BeforeAll
    static void startSuiteWithTwoReplicasOfEachService() throws Exception {
        Path root = Path.of(System.getProperty("ruralwatch.root", "..")).toAbsolutePath();
        Path logs = Path.of(System.getProperty("ruralwatch.logs", "target/suite-logs"))
                .resolve("faults");
        suite = Suite.start(SuiteSettings.ephemeral(root, logs)
                .withEnvironment(Map.of(
                        "RURALWATCH_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "100000",
                        "RURALWATCH_GATEWAY_RATE_LIMIT_BURST", "100000",
                        // a killed worker's job is taken up sooner than in production (60 s)
                        "RURALWATCH_JOBS_LEASE", "10s",
                        "RURALWATCH_JOBS_TRANSIENT_BACKOFF", "2s",
                        "RURALWATCH_INBOX_MAX_BACKOFF", "3s",
                        "RURALWATCH_OUTBOX_MAX_BACKOFF", "3s")));
        for (String service : BACKENDS) {
            suite.startReplica(service);
        }
        RestAssured.baseURI = suite.gatewayUrl();
        conformance = OpenApiConformance.of(suite.gatewayUrl());
        RestAssured.filters(conformance);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        System.out.println("Suite with replicas started: " + suite.startTimes());
    }

    /** Every response the tests received matched the merged OpenAPI document (checked as the suite stops). */
    @AfterAll
    static void stopSuite() {
        RestAssured.replaceFiltersWith(List.of());
        try {
            if (conformance != null) {
                conformance.assertConformance();
            }
        } finally {
            if (suite != null) {
                suite.close();
            }
        }
    }

    private static RequestSpecification as(String role) {
        return new RequestSpecBuilder()
                .setBaseUri(suite.gatewayUrl())
                .addHeader(
                        "Authorization",
                        "Bearer " + suite.identity().token("faults-" + role, role, COUNTY, Duration.ofHours(2)))
                .build();
    }

    @Test
    void nothingAcceptedIsLostWhenTheDatabaseAndTheBrokerGoAwayAndServicesAreKilledDuringAnImport() throws Exception {
        RequestSpecification admin = as("county-admin");
        SyntheticCounty.Settings settings = new SyntheticCounty.Settings(
                COUNTY, "故障县", IMPORTED, 7, LocalDate.now().getYear() - 1, LocalDate.now());
        CountyImports.Submitted submitted = CountyImports.submit(admin, settings, "故障县农户.csv");
        SyntheticCounty.Written written = submitted.written();
        String importId = submitted.importId();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> given().spec(admin)
                                .get("/api/v1/household-imports/" + importId)
                                .path("processedRows"),
                        rows -> rows != null && (Integer) rows > 0);

        // 1. PostgreSQL away: callers are told to come back, nothing is half-written
        suite.stop("postgres");
        given().spec(admin)
                .get("/api/v1/households?division=" + COUNTY)
                .then()
                .statusCode(503)
                .header("Retry-After", not(equalTo(null)))
                .contentType("application/problem+json");
        // the outage lasts 8 s: consumers, relays and the import meet it and wait it out
        Thread.sleep(Duration.ofSeconds(8));
        suite.start("postgres");

        // 2. the replica holding the import is killed; the other takes it up when the lease ends
        Component holder = importWorker(importId);
        if (holder != null) {
            suite.kill(holder.name());
            suite.start(holder.name());
        }

        // 3. Kafka away for longer than a minute while households are registered: they wait in the outbox
        suite.stop("kafka");
        Instant kafkaStopped = Instant.now();
        String village = settings.villageCode(0);
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < REGISTERED; i++) {
            registered.add(given().spec(admin)
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", "faults-" + i)
                    .body("""
                            {"villageCode":"%s","members":[{"name":"故障户%d","idNumber":"%s","relation":"HEAD"}]}""".formatted(village, i, TestIdNumbers.next("19650505", i % 2 == 0)))
                    .post("/api/v1/households")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        // the outage itself lasts 65 s: longer than the minute after which a consumer used to be closed for good
        Thread.sleep(Duration.ofSeconds(65).minus(Duration.between(kafkaStopped, Instant.now())));
        long appliedByReport = count("report", "select count(*) from inbox_event");
        suite.start("kafka");

        // 4. report-service killed while it catches up on the backlog: once it has applied some of it
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count("report", "select count(*) from inbox_event") > appliedByReport);
        suite.kill("report-service");
        suite.start("report-service");

        // the import completed, once
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> given().spec(admin)
                                .get("/api/v1/household-imports/" + importId)
                                .path("status"),
                        status -> "COMPLETED".equals(status) || "FAILED".equals(status));
        JsonPath job =
                given().spec(admin).get("/api/v1/household-imports/" + importId).jsonPath();
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(IMPORTED, job.getInt("householdsCreated"), job.prettify());
        assertEquals(0, job.getInt("householdsRejected"), job.prettify());
        assertEquals(written.members(), job.getInt("membersStored"), job.prettify());
        int expected = IMPORTED + REGISTERED;
        assertEquals(
                expected,
                count("household", "select count(*) from household where village_code like '" + COUNTY + "%'"));

        // every service agrees: household-service's counts, indicator-service's evaluations, report-service's figures
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    given().spec(admin)
                            .queryParam("division", COUNTY)
                            .get("/api/v1/reports/overview")
                            .then()
                            .statusCode(200)
                            .body("households", equalTo(expected))
                            .body("evaluatedHouseholds", equalTo(expected));
                    given().spec(admin)
                            .queryParam("division", COUNTY)
                            .get("/api/v1/reports/reconciliation")
                            .then()
                            .statusCode(200)
                            .body("consistent", equalTo(true))
                            .body("driftCount", equalTo(0));
                });
        // both replicas of report-service answer the same figures: their caches follow one shared generation
        for (ServiceComponent report : instancesOf("report-service")) {
            given().header(
                            "Authorization",
                            "Bearer " + suite.identity().token("faults", "county-admin", COUNTY, Duration.ofHours(1)))
                    .baseUri(report.url())
                    .queryParam("division", COUNTY)
                    .get("/api/v1/reports/overview")
                    .then()
                    .statusCode(200)
                    .body("households", equalTo(expected));
        }

        // no event applied twice, none lost, none parked
        assertEquals(
                expected,
                count(
                        "report",
                        "select count(*) from inbox_event where consumer = 'report-service'"
                                + " and event_type = 'household.registered.v1'"));
        assertEquals(
                expected,
                count("report", "select count(*) from report_household where village_code like '" + COUNTY + "%'"));
        assertEquals(
                expected,
                count(
                        "indicator",
                        "select count(*) from household_projection where village_code like '" + COUNTY + "%'"));
        assertEquals(
                expected,
                count(
                        "project_fund",
                        "select count(*) from known_household where village_code like '" + COUNTY + "%'"));
        RequestSpecification operator = as("operator");
        for (String service : BACKENDS) {
            given().spec(operator)
                    .queryParam("state", "PARKED")
                    .get("/api/v1/dead-letters/" + service)
                    .then()
                    .statusCode(200)
                    .body("totalItems", equalTo(0));
        }
        // household-service's consumer of indicator-events outlived the broker's absence: the risks indicator-service
        // found in the households registered meanwhile (no medical insurance) arrived as warning clues
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            for (String household : registered) {
                given().spec(admin)
                        .queryParam("householdId", household)
                        .get("/api/v1/warning-clues")
                        .then()
                        .statusCode(200)
                        .body("items.source", org.hamcrest.Matchers.hasItem("INDICATOR_ALERT"));
            }
        });
        // every accepted change has its audit entry
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> given().spec(as("auditor"))
                .queryParam("entityType", "household")
                .queryParam("action", "CREATE")
                .queryParam("size", 1)
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(expected)));
        System.out.printf(
                "Faults survived: import %s in %s attempt(s), %d households, %d registered while Kafka was away%n",
                importId,
                count("household", "select attempts from background_job where kind = 'HOUSEHOLD_IMPORT'"),
                expected,
                REGISTERED);
    }

    /** The household-service instance whose worker holds the import now, or null once it is done. */
    private static Component importWorker(String importId) throws Exception {
        String owner = text(
                "household",
                "select lease_owner from background_job j join household_import i"
                        + " on i.job_id = j.id where i.id = '" + importId + "' and j.state = 'RUNNING'");
        if (owner == null) {
            return null;
        }
        long pid = Long.parseLong(owner.split("/")[1]);
        for (ServiceComponent instance : instancesOf("household-service")) {
            if (instance.pid().isPresent() && instance.pid().getAsLong() == pid) {
                return instance;
            }
        }
        return null;
    }

    private static List<ServiceComponent> instancesOf(String service) {
        List<ServiceComponent> instances = new ArrayList<>();
        instances.add(suite.service(service));
        suite.replicas().stream()
                .filter(r -> r.name().startsWith(service + "-replica"))
                .forEach(instances::add);
        return instances;
    }

    private static long count(String database, String sql) throws Exception {
        String value = text(database, sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String text(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(suite.postgres().jdbcUrl(database), "postgres", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
