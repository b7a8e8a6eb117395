package cn.ruralwatch.household;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.household.household.PersonalDataReencryption;
import cn.ruralwatch.personal.CryptoMode;
import cn.ruralwatch.personal.PersonalDataConfig;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ID, phone and bank numbers: encrypted at rest under the configured mode (AES or SM4), found by keyed hash, masked by
 * role, every full read audited, and still readable and findable across a key rotation.
 */
@QuarkusTest
@DependsOnCryptoMode
class PersonalDataProtectionTest {

    static final String VILLAGE = "450422103201";
    static final String TOWNSHIP = "450422103";
    static final String PHONE = "13877105678";
    static final String BANK_ACCOUNT = "6228480012345678901";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PersonalDataProtector protector;

    @Inject
    PersonalDataConfig config;

    @Inject
    PersonalDataReencryption reencryption;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void village() {
        RestAssured.requestSpecification = null;
        Fixtures.village(Tokens.as(Roles.COUNTY_ADMIN, "450422"), VILLAGE);
    }

    @Test
    void storesOnlyCiphertextsAndKeyedHashesUnderTheConfiguredKey() throws Exception {
        // the sm-mode test run sets RURALWATCH_PERSONAL_DATA_MODE=sm; make sure it took effect
        assertEquals(
                "sm".equals(System.getenv("RURALWATCH_PERSONAL_DATA_MODE")) ? CryptoMode.SM : CryptoMode.STANDARD,
                config.mode());
        String head = Fixtures.idNumber("19680417", true);
        String wife = Fixtures.idNumber("19700823", false);
        String id = register(head, wife);

        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select id_number_cipher, id_number_hash from member where household_id = ? order by position")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rows = s.executeQuery()) {
                for (String idNumber : List.of(head, wife)) {
                    assertTrue(rows.next());
                    String cipher = rows.getString(1);
                    assertTrue(cipher.startsWith(protector.currentCipherPrefix()), cipher);
                    assertTrue(cipher.startsWith(config.mode() == CryptoMode.SM ? "sm4gcm:" : "aes256gcm:"), cipher);
                    assertEquals(config.encryptionKey(), PersonalDataProtector.keyIdOf(cipher));
                    assertEquals(idNumber, protector.decrypt(PersonalDataKind.ID_NUMBER, cipher));
                    assertEquals(protector.lookupHash(PersonalDataKind.ID_NUMBER, idNumber), rows.getString(2));
                }
            }
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select phone_cipher, bank_account_cipher from household where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(PHONE, protector.decrypt(PersonalDataKind.PHONE, rows.getString(1)));
                assertEquals(BANK_ACCOUNT, protector.decrypt(PersonalDataKind.BANK_ACCOUNT, rows.getString(2)));
            }
        }
    }

    @Test
    void aDumpOfEveryTableShowsNoPlaintextNumbers() throws Exception {
        String head = Fixtures.idNumber("19580101", true);
        String son = Fixtures.idNumber("19850202", true);
        String id = register(head, son);
        // a full read and a look-up leave audit entries and outbox rows behind too
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE)
                .get("/api/v1/households/" + id)
                .then()
                .statusCode(200);
        lookUp(Tokens.as(Roles.COUNTY_ADMIN, "450422"), son).then().statusCode(200);

        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rows = c.createStatement()
                        .executeQuery("select tablename from pg_tables where schemaname = current_schema()")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertTrue(
                tables.containsAll(List.of("member", "household", "outbox_event", "idempotency_key")),
                tables::toString);
        StringBuilder dump = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            for (String table : tables) {
                try (ResultSet rows = c.createStatement().executeQuery("select t::text from \"" + table + "\" t")) {
                    while (rows.next()) {
                        dump.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        String all = dump.toString();
        assertTrue(all.contains(PersonalDataKind.ID_NUMBER.mask(head)), "the history holds the masked number");
        for (String plaintext : List.of(head, son, PHONE, BANK_ACCOUNT)) {
            assertFalse(
                    all.contains(plaintext),
                    "plaintext " + PersonalDataKind.ID_NUMBER.mask(plaintext) + " in the dump");
        }
    }

    @Test
    void retriesAreRecognisedByAKeyedDigestOfTheBody() throws Exception {
        String body = Fixtures.household(VILLAGE, Fixtures.idNumber("19590303", true));
        String key = "keyed-" + java.util.UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            ids.add(Tokens.as(Roles.COUNTY_ADMIN, "450422")
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/api/v1/households")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        assertEquals(ids.get(0), ids.get(1));
        try (Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s =
                        c.prepareStatement("select fingerprint from idempotency_key where idem_key = ?")) {
            s.setString(1, key);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next());
                // a plain SHA-256 of a body could be matched against a dictionary of ID numbers; this one is keyed
                assertTrue(rows.getString(1).startsWith(protector.currentHashPrefix()), rows.getString(1));
            }
        }
    }

    @Test
    void masksForRolesWithoutFullViewAndAuditsEveryFullRead() throws Exception {
        String head = Fixtures.idNumber("19600606", true);
        String id = register(head);

        for (String role : List.of(Roles.TOWNSHIP_OFFICER, Roles.AUDITOR)) {
            Tokens.as(role, TOWNSHIP)
                    .get("/api/v1/households/" + id)
                    .then()
                    .statusCode(200)
                    .body("members[0].idNumber", equalTo(head.substring(0, 6) + "********" + head.substring(14)))
                    .body("attributes.phone", equalTo("138****5678"))
                    .body("attributes.bankAccount", equalTo("6228***********8901"));
        }
        assertEquals(0, auditEntries(id, "READ_UNMASKED").size(), "masked reads reveal nothing");

        for (String role : List.of(Roles.VILLAGE_CLERK, Roles.COUNTY_ADMIN, Roles.INTEGRATION)) {
            Tokens.as(role, VILLAGE)
                    .header("X-Request-Id", "full-read-" + role)
                    .get("/api/v1/households/" + id)
                    .then()
                    .statusCode(200)
                    .body("members[0].idNumber", equalTo(head))
                    .body("attributes.phone", equalTo(PHONE))
                    .body("attributes.bankAccount", equalTo(BANK_ACCOUNT));
        }
        List<JsonNode> reads = auditEntries(id, "READ_UNMASKED");
        assertEquals(3, reads.size());
        JsonNode clerk = reads.getFirst();
        assertEquals("test-village-clerk", clerk.get("actor").asText());
        assertEquals(Roles.VILLAGE_CLERK, clerk.get("roles").get(0).asText());
        assertEquals(VILLAGE, clerk.get("actorDivision").asText());
        assertEquals(VILLAGE, clerk.get("entityDivision").asText());
        assertEquals("full-read-" + Roles.VILLAGE_CLERK, clerk.get("requestId").asText());
        assertEquals("household", clerk.get("entityType").asText());
        assertEquals(
                List.of("attributes.phone", "attributes.bankAccount", "members[0].idNumber"),
                clerk.get("changes").findValuesAsText("field"));
        assertFalse(clerk.toString().contains(head), "the audit entry does not repeat the number");
        EventSchemas.assertValid(EventTypes.AUDIT_RECORDED, clerk.toString());
    }

    @Test
    void registrationIsAuditedByItsRevisionWhichHoldsTheNumbersMasked() throws Exception {
        String head = Fixtures.idNumber("19620707", false);
        String id = register(head);

        List<JsonNode> created = auditEntries(id, "CREATE");
        assertEquals(1, created.size());
        JsonNode entry = created.getFirst();
        EventSchemas.assertValid(EventTypes.AUDIT_RECORDED, entry.toString());
        assertEquals("test-county-admin", entry.get("actor").asText());
        assertEquals("household-service", entry.get("service").asText());
        assertEquals(VILLAGE, entry.get("entityDivision").asText());
        // the household as registered is written once, in its first revision, which the entry names
        assertEquals(0, entry.get("revision").asLong());
        assertEquals(0, entry.get("changes").size(), entry::toString);
        assertFalse(
                entry.toString().contains(PersonalDataKind.ID_NUMBER.mask(head)),
                "the entry does not copy the household");

        JsonPath revision = Tokens.as(Roles.AUDITOR, TOWNSHIP)
                .get("/api/v1/households/" + id + "/revisions/0")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("test-county-admin", revision.getString("revision.actor"));
        assertEquals("REGISTER", revision.getString("revision.operation"));
        assertEquals(
                PersonalDataKind.ID_NUMBER.mask(head),
                revision.getString("revision.changes.find { it.field == 'members[0].idNumber' }.newValue"));
        assertEquals(
                "138****5678", revision.getString("revision.changes.find { it.field == 'attributes.phone' }.newValue"));
        assertEquals(
                "6228***********8901",
                revision.getString("revision.changes.find { it.field == 'attributes.bankAccount' }.newValue"));
        assertEquals(VILLAGE, revision.getString("revision.changes.find { it.field == 'villageCode' }.newValue"));
        assertNull(revision.getString("revision.changes.find { it.field == 'villageCode' }.oldValue"));
        assertFalse(revision.prettify().contains(head), "the revision holds the number masked");
    }

    @Test
    void findsTheHouseholdByExactIdNumberWithinTheCallersRegionOnly() {
        String head = Fixtures.idNumber("19750303", true);
        String child = Fixtures.idNumber("20100404", false);
        String id = register(head, child);

        lookUp(Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP), child.toLowerCase())
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("members", hasSize(2))
                .body("members[1].idNumber", equalTo(PersonalDataKind.ID_NUMBER.mask(child)));
        String unknown = lookUp(Tokens.as(Roles.COUNTY_ADMIN, "450422"), Fixtures.idNumber("19750305", true))
                .then()
                .statusCode(404)
                .extract()
                .path("detail");
        String otherTownship = lookUp(Tokens.as(Roles.TOWNSHIP_OFFICER, "450422102"), child)
                .then()
                .statusCode(404)
                .extract()
                .path("detail");
        assertEquals(unknown, otherTownship, "outside the region the person is simply not found");
        lookUp(Tokens.as(Roles.COUNTY_ADMIN, "450422"), "4504221975")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("idNumber"));
    }

    @Test
    void valuesUnderARetiredKeyStayReadableAndFindableUntilReencryptionMovesThem() throws Exception {
        String head = Fixtures.idNumber("19720909", true);
        String id = register(head);
        // as if written before the rotation: under the retired keys, in AES whatever the current mode
        PersonalDataProtector before =
                PersonalDataProtector.of(CryptoMode.STANDARD, config.keys(), "retired-aes", "retired-lookup");
        execute(
                "update member set id_number_cipher = ?, id_number_hash = ? where household_id = ?",
                before.encrypt(PersonalDataKind.ID_NUMBER, head),
                before.lookupHash(PersonalDataKind.ID_NUMBER, head),
                UUID.fromString(id));
        execute(
                "update household set phone_cipher = ?, bank_account_cipher = ? where id = ?",
                before.encrypt(PersonalDataKind.PHONE, PHONE),
                "plain::" + BANK_ACCOUNT,
                UUID.fromString(id));
        assertTrue(reencryption.pending() >= 2);

        Tokens.as(Roles.COUNTY_ADMIN, "450422")
                .get("/api/v1/households/" + id)
                .then()
                .statusCode(200)
                .body("members[0].idNumber", equalTo(head))
                .body("attributes.phone", equalTo(PHONE))
                .body("attributes.bankAccount", equalTo(BANK_ACCOUNT));
        lookUp(Tokens.as(Roles.COUNTY_ADMIN, "450422"), head)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        // the same person cannot be registered again while the old hash is still stored
        Tokens.as(Roles.COUNTY_ADMIN, "450422")
                .contentType(ContentType.JSON)
                .body(Fixtures.household(VILLAGE, head))
                .post("/api/v1/households")
                .then()
                .statusCode(409);

        assertTrue(reencryption.run() >= 2);

        assertEquals(0, reencryption.pending());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select m.id_number_cipher, m.id_number_hash, h.phone_cipher, h.bank_account_cipher"
                                + " from member m join household h on h.id = m.household_id where h.id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(config.encryptionKey(), PersonalDataProtector.keyIdOf(rows.getString(1)));
                assertEquals(protector.lookupHash(PersonalDataKind.ID_NUMBER, head), rows.getString(2));
                assertEquals(config.encryptionKey(), PersonalDataProtector.keyIdOf(rows.getString(3)));
                assertEquals(config.encryptionKey(), PersonalDataProtector.keyIdOf(rows.getString(4)));
            }
        }
        Tokens.as(Roles.COUNTY_ADMIN, "450422")
                .get("/api/v1/households/" + id)
                .then()
                .statusCode(200)
                .body("members[0].idNumber", equalTo(head))
                .body("attributes.phone", equalTo(PHONE))
                .body("attributes.bankAccount", equalTo(BANK_ACCOUNT));
    }

    private static String register(String... idNumbers) {
        String body = Fixtures.household(VILLAGE, idNumbers)
                .replaceFirst(
                        "\\}$",
                        ",\"attributes\":{\"phone\":\"" + PHONE + "\",\"bankAccount\":\"" + BANK_ACCOUNT + "\"}}");
        return Tokens.as(Roles.COUNTY_ADMIN, "450422")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static io.restassured.response.Response lookUp(
            io.restassured.specification.RequestSpecification caller, String idNumber) {
        return caller.contentType(ContentType.JSON)
                .body("{\"idNumber\":\"" + idNumber + "\"}")
                .post("/api/v1/households/lookup");
    }

    /** The audit entries of a household still in the outbox, oldest first. */
    private List<JsonNode> auditEntries(String householdId, String action) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select payload::text from outbox_event"
                        + " where event_type = ? and aggregate_id = ? and payload->>'action' = ? order by id")) {
            s.setString(1, EventTypes.AUDIT_RECORDED);
            s.setString(2, householdId);
            s.setString(3, action);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    entries.add(mapper.readTree(rows.getString(1)));
                }
            }
        }
        return entries;
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, s.executeUpdate());
        }
    }
}
