package cn.ruralwatch.report;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log: entries from audit-events, queried by auditors within their region, never changed. */
@QuarkusTest
class AuditLogTest {

    static final String TOWNSHIP_A = "453088101";
    static final String TOWNSHIP_B = "453088102";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void eachRequestCarriesItsOwnToken() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void auditorsQueryEntriesOfTheirRegionByActorEntityActionAndTime() {
        String householdA = UUID.randomUUID().toString();
        String householdB = UUID.randomUUID().toString();
        String entryA = entry(
                "2026-11-02T08:00:00Z",
                "clerk-a",
                "village-clerk",
                TOWNSHIP_A + "201",
                "CREATE",
                householdA,
                TOWNSHIP_A + "201",
                """
                [{"field":"members[0].idNumber","oldValue":null,"newValue":"453088********123X"}]""");
        entry(
                "2026-11-03T09:30:00Z",
                "clerk-a",
                "village-clerk",
                TOWNSHIP_A + "201",
                "READ_UNMASKED",
                householdA,
                TOWNSHIP_A + "201",
                """
                [{"field":"members[0].idNumber"}]""");
        entry(
                "2026-11-04T10:00:00Z",
                "clerk-b",
                "village-clerk",
                TOWNSHIP_B + "201",
                "CREATE",
                householdB,
                TOWNSHIP_B + "201",
                "[]");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> auditor("453088")
                .queryParam("entityType", "household")
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3)));

        auditor("453088")
                .queryParam("entityType", "household")
                .get("/api/v1/audit-entries")
                .then()
                .body("items.entityId", contains(householdB, householdA, householdA))
                .body("items[2].id", equalTo(entryA))
                .body("items[2].actor", equalTo("clerk-a"))
                .body("items[2].roles", contains("village-clerk"))
                .body("items[2].actorDivision", equalTo(TOWNSHIP_A + "201"))
                .body("items[2].client", equalTo("village-app"))
                .body("items[2].clientAddress", equalTo("10.0.0.7"))
                .body("items[2].requestId", equalTo("req-" + householdA))
                .body("items[2].service", equalTo("household-service"))
                .body("items[2].changes[0].field", equalTo("members[0].idNumber"))
                .body("items[2].changes[0].newValue", equalTo("453088********123X"));
        // an auditor of township A sees A's entries only
        auditor(TOWNSHIP_A)
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(200)
                .body("items.entityId", contains(householdA, householdA));
        auditor("453088")
                .queryParam("actor", "clerk-a")
                .queryParam("action", "READ_UNMASKED")
                .get("/api/v1/audit-entries")
                .then()
                .body("items", hasSize(1))
                .body("items[0].occurredAt", equalTo("2026-11-03T09:30:00Z"));
        auditor("453088")
                .queryParam("entityId", householdA)
                .queryParam("from", "2026-11-03T00:00:00Z")
                .queryParam("to", "2026-11-05T00:00:00Z")
                .get("/api/v1/audit-entries")
                .then()
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("READ_UNMASKED"));
        auditor("453088")
                .queryParam("entityType", "household")
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/audit-entries")
                .then()
                .body("items.entityId", contains(householdA))
                .body("totalItems", equalTo(3))
                .body("page", equalTo(1));
    }

    @Test
    void anEntryNamingItsRevisionLinksToIt() {
        String household = UUID.randomUUID().toString();
        // household-service records a household's change once, in its revision: the entry names it and the fields
        entry(
                "2026-11-07T08:00:00Z",
                "clerk-d",
                "village-clerk",
                "455088101201",
                "UPDATE",
                household,
                "455088101201",
                ",\"revision\":3",
                """
                [{"field":"attributes.phone","oldValue":null,"newValue":null},{"field":"members[1].name"}]""");
        entry(
                "2026-11-06T08:00:00Z",
                "clerk-d",
                "village-clerk",
                "455088101201",
                "CREATE",
                household,
                "455088101201",
                ",\"revision\":0",
                "[]");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> auditor("455088")
                .queryParam("entityId", household)
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(200)
                .body("items", hasSize(2)));
        auditor("455088")
                .queryParam("entityId", household)
                .get("/api/v1/audit-entries")
                .then()
                .body("items.action", contains("UPDATE", "CREATE"))
                .body("items.revision", contains(3, 0))
                .body(
                        "items.revisionPath",
                        contains(
                                "/api/v1/households/" + household + "/revisions/3",
                                "/api/v1/households/" + household + "/revisions/0"))
                .body("items[0].changes.field", contains("attributes.phone", "members[1].name"))
                .body("items[0].changes.newValue", contains(nullValue(), nullValue()))
                .body("items[1].changes", hasSize(0));
        // an entry holding its values itself names no revision
        String other = UUID.randomUUID().toString();
        entry(
                "2026-11-06T09:00:00Z",
                "clerk-d",
                "village-clerk",
                "455088101201",
                "READ_UNMASKED",
                other,
                "455088101201",
                """
                [{"field":"members[0].idNumber"}]""");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> auditor("455088")
                .queryParam("entityId", other)
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].revision", nullValue())
                .body("items[0].revisionPath", nullValue()));
    }

    @Test
    void onlyAuditorsReadTheLogAndBadFiltersAreNamed() {
        for (String role :
                new String[] {Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.INTEGRATION}) {
            Tokens.as(role, "453088").get("/api/v1/audit-entries").then().statusCode(403);
        }
        auditor("453088")
                .queryParam("from", "yesterday")
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        auditor("453088")
                .queryParam("from", "2026-11-05T00:00:00Z")
                .queryParam("to", "2026-11-01T00:00:00Z")
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("AFTER_TO"));
        auditor("453088")
                .queryParam("action", "DROP")
                .get("/api/v1/audit-entries")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("action"));
        auditor("453088").delete("/api/v1/audit-entries").then().statusCode(405);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() throws Exception {
        String entity = UUID.randomUUID().toString();
        entry(
                "2026-11-06T08:00:00Z",
                "clerk-c",
                "village-clerk",
                "454088101202",
                "UPDATE",
                entity,
                "454088101202",
                "[]");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> auditor("454088")
                .queryParam("entityId", entity)
                .get("/api/v1/audit-entries")
                .then()
                .body("items", hasSize(1)));
        for (String sql : new String[] {
            "update audit_entry set actor = 'someone-else' where entity_id = '" + entity + "'",
            "delete from audit_entry where entity_id = '" + entity + "'",
            "truncate audit_entry"
        }) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(sql));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        auditor("454088")
                .queryParam("entityId", entity)
                .get("/api/v1/audit-entries")
                .then()
                .body("items[0].actor", equalTo("clerk-c"));
    }

    private static io.restassured.specification.RequestSpecification auditor(String division) {
        return Tokens.as(Roles.AUDITOR, division);
    }

    /** Publishes an audit entry as a service would; returns its id. */
    private static String entry(
            String occurredAt,
            String actor,
            String role,
            String actorDivision,
            String action,
            String entityId,
            String entityDivision,
            String changes) {
        return entry(occurredAt, actor, role, actorDivision, action, entityId, entityDivision, "", changes);
    }

    /** Publishes an audit entry with more properties ({@code ,"name":value…}, or empty); returns its id. */
    private static String entry(
            String occurredAt,
            String actor,
            String role,
            String actorDivision,
            String action,
            String entityId,
            String entityDivision,
            String more,
            String changes) {
        String id = UUID.randomUUID().toString();
        String data = """
                {"occurredAt":"%s","service":"household-service","actor":"%s","roles":["%s"],"actorDivision":"%s",
                 "client":"village-app","clientAddress":"10.0.0.7","requestId":"req-%s","action":"%s",
                 "entityType":"household","entityId":"%s","entityDivision":"%s"%s,"changes":%s}""".formatted(
                occurredAt, actor, role, actorDivision, entityId, action, entityId, entityDivision, more, changes);
        EventSchemas.assertValid(EventTypes.AUDIT_RECORDED, data);
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.AUDIT_EVENTS,
                entityId,
                id,
                EventTypes.AUDIT_RECORDED,
                "/household-service",
                data);
        return id;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute(sql);
        }
    }
}
