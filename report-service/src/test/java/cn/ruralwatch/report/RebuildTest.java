package cn.ruralwatch.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RebuildTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void authenticate() {
        authenticate(Roles.COUNTY_ADMIN, "455088");
    }

    /** Every request carries this caller's token (and no other: a spec builder copies the one in force). */
    private static void authenticate(String role, String division) {
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(role, division);
    }

    @Test
    void aRebuildFromTheTopicsGivesTheSameFigures() throws Exception {
        ReportEvents.division("455088", "乙县", "COUNTY", null);
        ReportEvents.division("455088101", "一镇", "TOWNSHIP", "455088");
        ReportEvents.division("455088101201", "一村", "VILLAGE", "455088101");
        String exited = ReportEvents.household("455088101201", 3, "EXITED", null);
        String monitored = ReportEvents.household(
                "455088101201",
                2,
                "NOT_POOR",
                new HouseholdState.Monitoring(
                        "EDGE_AT_RISK", List.of("ILLNESS"), "AT_RISK", 2025, LocalDate.of(2025, 6, 1), null));
        ReportEvents.evaluation(
                exited,
                "455088101201",
                true,
                "2026-03-01T00:00:00Z",
                UUID.randomUUID().toString());
        ReportEvents.evaluation(
                monitored,
                "455088101201",
                false,
                "2026-03-01T00:00:00Z",
                UUID.randomUUID().toString());
        ReportEvents.fundBatch("455088", 2023, 1, "500000.00");
        ReportEvents.benefitTotals(exited, "455088101201", 1, "{\"INDUSTRY_REWARD\":800.00}", "800.00");
        String station = ReportEvents.pvStation("455088101201", "60.00");
        ReportEvents.pvOutput(station, "455088101201", 5, "7000.00", "2023-06-02T00:00:00Z");
        ReportEvents.pvOutput(station, "455088101201", 5, "6500.00", "2023-06-01T00:00:00Z");
        ReportEvents.pvPlan("455088101201", "6000.00", "5000.00", "1000.00", "0.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", "455088")
                .queryParam("year", 2023)
                .get("/api/v1/reports/overview")
                .then()
                .body("households", equalTo(2))
                .body("evaluatedHouseholds", equalTo(2))
                .body("linkageFunds.amount", equalTo(500000.00f))
                .body("householdBenefits.total", equalTo(800.00f))
                .body("pvRevenue.revenue", equalTo(7000.00f))
                .body("pvRevenue.plans", equalTo(1)));
        Map<String, Object> overview = overview();
        Map<String, Object> breakdown = breakdown();

        // an audit entry that never reached the audit log (lost before the dead letters existed, say)
        String lostEntry = ReportEvents.auditEntry("455088101201", exited);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from audit_entry where entry_id = '" + lostEntry + "'") == 1);
        // a read model that lost rows (a restore, a bad migration): the rebuild brings them back
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("delete from report_household where village_code like '455088%'");
            s.executeUpdate("delete from report_village_summary where village_code like '455088%'");
            s.executeUpdate("delete from report_village_indicator where village_code like '455088%'");
            s.executeUpdate("delete from report_fund_batch where county_code = '455088'");
            s.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
            s.executeUpdate("delete from audit_entry where entry_id = '" + lostEntry + "'");
            s.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
        }
        given().queryParam("division", "455088")
                .get("/api/v1/reports/breakdown")
                .then()
                .body("total.households", equalTo(0));

        RestAssured.requestSpecification = null;
        Tokens.as(Roles.VILLAGE_CLERK, "455088101201")
                .post("/api/v1/reports/rebuilds")
                .then()
                .statusCode(403);
        // a county's administrator cannot blank every county's figures for a while: only operators rebuild
        Tokens.as(Roles.COUNTY_ADMIN, "455088")
                .post("/api/v1/reports/rebuilds")
                .then()
                .statusCode(403);
        authenticate(Roles.OPERATOR, "455088");
        String location = given().post("/api/v1/reports/rebuilds")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/reports/jobs/"))
                .body("kind", equalTo("REBUILD"))
                .body("division", equalTo("455088"))
                .extract()
                .header("Location");
        JsonPath done = Jobs.done(location);
        authenticate(Roles.COUNTY_ADMIN, "455088");
        long applied = done.getLong("progress.eventsApplied");
        long skipped = done.getLong("progress.eventsSkipped");
        assertTrue(applied > 0, "events replayed");
        assertEquals(done.getLong("progress.eventsToReplay"), applied + skipped);

        assertEquals(overview, overview());
        assertEquals(breakdown, breakdown());
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*), sum(denominator) from report_indicator_result"
                        + " where village_code like '455088%'")) {
            r.next();
            assertEquals(2, r.getInt(1));
            assertEquals(6, r.getInt(2));
        }
        assertEquals(
                1,
                count("select count(*) from audit_entry where entry_id = '" + lostEntry + "'"),
                "the lost audit entry is back");
        assertEquals(
                0,
                count("select count(*) from information_schema.schemata where schema_name like 'report_re%'"),
                "nothing is left aside");
        given().get("/api/v1/reports/jobs?kind=REBUILD")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(done.getString("id")));
        given().get("/api/v1/reports/jobs/" + UUID.randomUUID()).then().statusCode(404);
        given().get(location + "/file").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRebuildFillsTheHeadsNamesOfADatabaseThatKeptNoNames() throws Exception {
        ReportEvents.division("455288", "戊县", "COUNTY", null);
        ReportEvents.division("455288101", "三镇", "TOWNSHIP", "455288");
        ReportEvents.division("455288101201", "三村", "VILLAGE", "455288101");
        String cheng = ReportEvents.namedHousehold("455288101201", 4, "PLANNED_EXIT", null, "程海源");
        String unnamed = ReportEvents.namedHousehold("455288101201", 2, "PLANNED_EXIT", null, null);
        authenticate(Roles.COUNTY_ADMIN, "455288");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", "455288")
                .get("/api/v1/reports/households")
                .then()
                .body("totalItems", equalTo(2))
                .body("items.find { it.householdId == '" + cheng + "' }.headName", equalTo("程海源")));
        // as a database migrated to V14 holds its households: the column added, no names in it; the live consumers
        // have applied these events already and do not apply them again
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("update report_household set head_name = null where village_code like '455288%'");
        }
        given().queryParam("division", "455288")
                .get("/api/v1/reports/households")
                .then()
                .body("items.headName", equalTo(Arrays.asList(null, null)));

        authenticate(Roles.OPERATOR, "455288");
        String location = given().post("/api/v1/reports/rebuilds")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        Jobs.done(location);
        authenticate(Roles.COUNTY_ADMIN, "455288");
        given().queryParam("division", "455288")
                .get("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.find { it.householdId == '" + cheng + "' }.headName", equalTo("程海源"))
                .body("items.find { it.householdId == '" + cheng + "' }.villageName", equalTo("三村"))
                .body("items.find { it.householdId == '" + unnamed + "' }.headName", nullValue());
        assertEquals(
                1,
                count("select count(*) from report_household where village_code like '455288%'"
                        + " and head_name = '程海源'"));
    }

    @Test
    void readersSeeTheCurrentFiguresUntilTheRebuiltOnesAreSwappedIn() throws Exception {
        ReportEvents.division("455188", "丙县", "COUNTY", null);
        ReportEvents.division("455188101", "二镇", "TOWNSHIP", "455188");
        ReportEvents.division("455188101201", "二村", "VILLAGE", "455188101");
        for (int i = 0; i < 4; i++) {
            ReportEvents.household("455188101201", 2 + i);
        }
        authenticate(Roles.COUNTY_ADMIN, "455188");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("division", "455188")
                .get("/api/v1/reports/breakdown")
                .then()
                .body("total.households", equalTo(4))
                .body("total.members", equalTo(14)));
        auditEntryApplied();
        Map<String, Object> before = given().queryParam("division", "455188")
                .get("/api/v1/reports/breakdown")
                .then()
                .extract()
                .jsonPath()
                .getMap("");
        String location;
        // the rebuild stops where it adds audit entries, its read models half filled aside, while the test holds the
        // audit log: meanwhile every reader sees the figures as they were
        try (AutoCloseable held = hold("lock table audit_entry in share mode")) {
            authenticate(Roles.OPERATOR, "455188");
            location = given().post("/api/v1/reports/rebuilds")
                    .then()
                    .statusCode(202)
                    .extract()
                    .header("Location");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                                    + " where c.relname = 'audit_entry' and not l.granted")
                            > 0);
            assertEquals(
                    1,
                    count("select count(*) from information_schema.schemata where schema_name = 'report_rebuild'"),
                    "the new read models are being filled aside");
            authenticate(Roles.COUNTY_ADMIN, "455188");
            for (int i = 0; i < 5; i++) {
                assertEquals(
                        before,
                        given().queryParam("division", "455188")
                                .get("/api/v1/reports/breakdown")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getMap(""));
                given().queryParam("division", "455188")
                        .get("/api/v1/reports/overview")
                        .then()
                        .body("households", equalTo(4));
            }
        }
        authenticate(Roles.OPERATOR, "455188");
        Jobs.done(location);
        authenticate(Roles.COUNTY_ADMIN, "455188");
        assertEquals(
                before,
                given().queryParam("division", "455188")
                        .get("/api/v1/reports/breakdown")
                        .then()
                        .extract()
                        .jsonPath()
                        .getMap(""));
    }

    @Test
    void aRunningRebuildIsCancelledAndLeavesNothingAside() throws Exception {
        auditEntryApplied();
        authenticate(Roles.OPERATOR, "455188");
        String location;
        try (AutoCloseable held = hold("lock table audit_entry in share mode")) {
            location = given().post("/api/v1/reports/rebuilds")
                    .then()
                    .statusCode(202)
                    .extract()
                    .header("Location");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                                    + " where c.relname = 'audit_entry' and not l.granted")
                            > 0);
            // running: it stops where it next looks, not at once
            given().post(location + "/cancel").then().statusCode(200).body("state", equalTo("RUNNING"));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(location).then().body("state", equalTo("CANCELLED")));
        // the job engine tells the rebuild it ended once the job's state is recorded: the copies go right after
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("select count(*) from information_schema.schemata where schema_name like 'report_re%'")
                                == 0);
        // the state in words of the caller's language: Chinese words, the code in English
        given().post(location + "/cancel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("已取消"));
        given().header("Accept-Language", "en")
                .post(location + "/cancel")
                .then()
                .statusCode(409)
                .body("detail", containsString("CANCELLED"));
        given().post("/api/v1/reports/jobs/" + UUID.randomUUID() + "/cancel")
                .then()
                .statusCode(404);
    }

    /** An audit entry in the topic and the log, so that a rebuild has one to add (and waits where the log is held). */
    private void auditEntryApplied() {
        String id = ReportEvents.auditEntry("455188101201", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from audit_entry where entry_id = '" + id + "'") == 1);
    }

    /** Runs a statement in a transaction kept open (its locks held) until closed, then rolled back. */
    private AutoCloseable hold(String sql) throws Exception {
        Connection holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        holder.createStatement().execute(sql);
        return () -> {
            try {
                holder.rollback();
            } finally {
                holder.close();
            }
        };
    }

    private long count(String sql) throws Exception {
        return cn.ruralwatch.testing.Rows.count(dataSource, sql);
    }

    private static Map<String, Object> overview() {
        Map<String, Object> body = given().queryParam("division", "455088")
                .queryParam("year", 2023)
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        body.remove("asOf");
        return body;
    }

    private static Map<String, Object> breakdown() {
        return given().queryParam("division", "455088")
                .get("/api/v1/reports/breakdown")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }
}
