package cn.ruralwatch.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job engine as the re-evaluation jobs meet it on a multi-replica deployment. A worker that vanished leaves its
 * job RUNNING with a lease that ends: that is what a killed replica looks like in {@code background_job}, and what
 * these tests write.
 */
@QuarkusTest
class JobEngineTest {

    static final String COUNTY = "450423";
    private static final java.util.concurrent.atomic.AtomicInteger VILLAGES =
            new java.util.concurrent.atomic.AtomicInteger(200);

    /** Each test works in villages of its own, so that its households are the only ones a job walks. */
    private final String village = "450423101" + VILLAGES.incrementAndGet();

    private final String otherVillage = "450424101" + VILLAGES.incrementAndGet();

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void authenticate() {
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
    }

    @Test
    void aJobWhoseWorkerVanishedIsResumedFromItsLastCheckpointOnAnotherWorker() throws Exception {
        List<String> households = households(village, 3);
        String first = households.stream().sorted().findFirst().orElseThrow();
        UUID job = orphaned(village, 1, 3, "now() - interval '1 minute'", first, 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/evaluation-jobs/" + job)
                .then()
                .statusCode(200)
                .body("state", equalTo("DONE"))
                .body("total", equalTo(3))
                // one household was done before the worker vanished; the other two after the checkpoint
                .body("processed", equalTo(3)));
        assertEquals(2, Rows.count(dataSource, "select attempts from background_job where id = '" + job + "'"));
    }

    @Test
    void aJobCutOffAsOftenAsItMayIsGivenUpWithTheReasonInsteadOfKillingWorkerAfterWorker() throws Exception {
        households(village, 1);
        UUID job = orphaned(village, 3, 3, "now() - interval '1 minute'", null, 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/evaluation-jobs/" + job)
                .then()
                .statusCode(200)
                .body("state", equalTo("FAILED"))
                .body("error", containsString("多次意外中断")));
        assertEquals(3, Rows.count(dataSource, "select attempts from background_job where id = '" + job + "'"));
    }

    @Test
    void jobsOfOneCountyRunOneAtATimeWhileAnotherCountysRun() throws Exception {
        households(village, 1);
        households(otherVillage, 1);
        // a live worker on another replica holds a job of the county
        UUID held = orphaned(village, 1, 3, "now() + interval '10 minutes'", null, 0);
        UUID sameCounty = queued(village);
        UUID otherCounty = queued(otherVillage);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(state(otherCounty)));
        assertEquals("QUEUED", state(sameCounty), "waits for the county's running job");
        assertEquals("RUNNING", state(held), "not taken from its live worker");
        assertEquals(1, Rows.count(dataSource, "select attempts from background_job where id = '" + held + "'"));

        // the other replica stops holding it: its lease ends, and the engine takes both up in turn
        Rows.execute(
                dataSource,
                "update background_job set lease_until = now() - interval '1 second' where id = '" + held + "'");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SUCCEEDED".equals(state(held)) && "SUCCEEDED".equals(state(sameCounty)));
    }

    @Test
    void aQueuedJobIsCancelledAndStaysCancelled() throws Exception {
        households(village, 1);
        // behind a running job of its county, so that it is still queued when cancelled
        UUID held = orphaned(village, 1, 3, "now() + interval '10 minutes'", null, 0);
        UUID job = queued(village);
        given().post("/api/v1/evaluation-jobs/" + job + "/cancel")
                .then()
                .statusCode(200)
                .body("state", equalTo("CANCELLED"));
        given().post("/api/v1/evaluation-jobs/" + job + "/cancel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.VILLAGE_CLERK, village)
                .post("/api/v1/evaluation-jobs/" + held + "/cancel")
                .then()
                .statusCode(403);
        authenticate();
        // the running one is asked to stop; its worker is gone, so the engine ends it when the lease runs out
        given().post("/api/v1/evaluation-jobs/" + held + "/cancel")
                .then()
                .statusCode(200)
                .body("state", equalTo("RUNNING"));
        Rows.execute(
                dataSource,
                "update background_job set lease_until = now() - interval '1 second' where id = '" + held + "'");
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(state(held)));
        assertEquals("CANCELLED", state(job));
    }

    private String state(UUID job) throws Exception {
        return Rows.text(dataSource, "select state from background_job where id = '" + job + "'");
    }

    /** A job as a worker that vanished (or still lives) left it. */
    private UUID orphaned(String village, int attempts, int maxAttempts, String leaseUntil, String checkpoint, int done)
            throws Exception {
        UUID id = UUID.randomUUID();
        Rows.execute(dataSource, """
                insert into background_job (id, kind, scope_division, fairness_key, requested_by, parameters, state,
                                            attempts, max_attempts, lease_owner, lease_token, lease_until, started_at,
                                            checkpoint, progress)
                values ('%s', 'EVALUATION', '%s', '%s', 'test', '{"regionCode":"%s","standardCodes":[],"reason":"测试"}',
                        'RUNNING', %d, %d, 'replica-gone', gen_random_uuid(), %s, now(), %s,
                        '{"total":%d,"processed":%d,"changedHouseholds":0}')""".formatted(
                        id,
                        village,
                        village.substring(0, 6),
                        village,
                        attempts,
                        maxAttempts,
                        leaseUntil,
                        checkpoint == null ? "null" : "'" + checkpoint + "'",
                        checkpoint == null ? 0 : 3,
                        done));
        return id;
    }

    private UUID queued(String village) throws Exception {
        UUID id = UUID.randomUUID();
        Rows.execute(dataSource, """
                insert into background_job (id, kind, scope_division, fairness_key, requested_by, parameters, max_attempts)
                values ('%s', 'EVALUATION', '%s', '%s', 'test', '{"regionCode":"%s","standardCodes":[],"reason":"测试"}', 3)""".formatted(id, village, village.substring(0, 6), village));
        return id;
    }

    /** Households of the village, projected. */
    private List<String> households(String village, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HouseholdFixture household = new HouseholdFixture(village).income(2025, "9000");
            household.member(LocalDate.of(1980, 1, 1));
            household.publish();
            ids.add(household.id);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Rows.count(
                                dataSource,
                                "select count(*) from household_projection where household_id in ('"
                                        + String.join("','", ids) + "')")
                        == count);
        return ids;
    }
}
