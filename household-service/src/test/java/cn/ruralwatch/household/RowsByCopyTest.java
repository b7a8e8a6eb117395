package cn.ruralwatch.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.household.household.Household;
import cn.ruralwatch.household.household.HouseholdApi;
import cn.ruralwatch.household.household.HouseholdChangeRecorder;
import cn.ruralwatch.household.household.HouseholdChangeRecorder.Operation;
import cn.ruralwatch.household.household.HouseholdService;
import cn.ruralwatch.household.household.Member;
import cn.ruralwatch.household.household.MonitoringCategory;
import cn.ruralwatch.household.household.MonitoringEpisode;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.EntityRows;
import cn.ruralwatch.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A bulk import writes new households by COPY through the entities' mapping ({@link EntityRows}) instead of persisting
 * them: the rows must be those persist writes, column by column, and read back through Hibernate as the household
 * given (encrypted numbers included); a person who lives in a household already fails the batch as persist does.
 */
@QuarkusTest
class RowsByCopyTest {

    static final String VILLAGE = "450422101207";

    @Inject
    HouseholdService registrations;

    @Inject
    EntityRows rows;

    @Inject
    HouseholdChangeRecorder recorder;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /** What a household's rows and its reading back through Hibernate gave. */
    record Stored(List<String> rows, List<String> numbers) {}

    @Test
    void aHouseholdWrittenByCopyHasTheRowsPersistWrites() throws Exception {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        Fixtures.village(VILLAGE);
        HouseholdApi.Registration registration = mapper.readValue(
                """
                {"villageCode":"%s",
                 "members":[
                   {"name":"韦某强","idNumber":"%s","relation":"HEAD",
                    "attributes":{"laborAbility":"ORDINARY","health":"DISABLED","disabilityGrade":2,
                      "medicalInsurance":"ENROLLED","pensionInsurance":"ENROLLED","employmentKind":"LOCAL_EMPLOYMENT",
                      "employmentLocation":"IN_COUNTY","employmentMonths":8,"employmentMonthlyIncome":3200.50,
                      "chronicDiseaseCertificate":"ISSUED","familyDoctorContract":true}},
                   {"name":"韦某明","idNumber":"%s","relation":"SON",
                    "attributes":{"educationStage":"JUNIOR_SECONDARY","schoolingStatus":"IN_SCHOOL"}},
                   {"name":"黄某","idNumber":"%s","relation":"SPOUSE","leftBy":"DEATH","leftOn":"2024-05-01"}],
                 "attributes":{"address":"横县同心镇沙村新村屯 12 号","phone":"13877112345",
                   "bankAccount":"6230520080001234567","povertyStatus":"EXITED","exitYear":2019,
                   "housingSafetyGrade":"B","housingAreaPerCapita":38.50,"housingRenovation":"NONE",
                   "drinkingWater":{"quantity":true,"quality":false,"convenience":true,"supplyGuarantee":true},
                   "electricity":true,"tvBroadband":false,"television":true,"smartphone":true,"roadToHamlet":true,
                   "industries":["百香果","桑蚕, \\"优质\\""],"cooperative":"横县沙村百香果种植专业合作社"},
                 "monitoring":{"category":"EDGE_AT_RISK","riskTypes":["ILLNESS","DISABILITY"],"riskState":"AT_RISK",
                   "identifiedYear":2025,"monitoredSince":"2025-03-01"},
                 "incomes":[{"year":2025,"wage":88000,"business":6800,"property":300,"transfer":3200,
                   "productionCosts":2500,"assessedOn":"2025-12-20"}]}""".formatted(
                                VILLAGE,
                                Fixtures.idNumber("19680415", true),
                                Fixtures.idNumber("20110820", true),
                                Fixtures.idNumber("19700822", false)),
                HouseholdApi.Registration.class);
        UUID id = UUID.randomUUID();
        List<UUID> memberIds = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        Stored copied = storedBy(registration, id, memberIds, household -> {
            rows.insert(Household.class, List.of(household));
            rows.insert(Member.class, household.members);
        });
        Stored persisted = storedBy(registration, id, memberIds, household -> {
            entityManager.persist(household);
            entityManager.flush();
        });

        assertEquals(persisted.rows(), copied.rows());
        assertEquals(persisted.numbers(), copied.numbers());
        // not two empty answers: every table has its rows, the values as given, the township from the village
        assertEquals(6, copied.rows().size());
        assertTrue(
                copied.rows().getFirst().contains("\"risk_types\": [\"ILLNESS\", \"DISABILITY\"]"),
                copied.rows().getFirst());
        assertTrue(
                copied.rows().get(1).contains("\"township_code\": \"450422101\""),
                copied.rows().get(1));
        assertTrue(
                copied.rows().get(3).contains("\"left_by\": \"DEATH\""),
                copied.rows().get(3));
        assertTrue(
                copied.rows().get(4).contains("\"wage\": 88000"), copied.rows().get(4));
        assertTrue(
                copied.rows().get(5).contains("\"risk_types\": [\"DISASTER\"]"),
                copied.rows().get(5));
        assertEquals(
                List.of(
                        "13877112345",
                        "6230520080001234567",
                        registration.members().get(0).idNumber(),
                        registration.members().get(1).idNumber(),
                        registration.members().get(2).idNumber()),
                copied.numbers());
    }

    @Test
    void aPersonWhoLivesInAHouseholdAlreadyFailsTheBatchAsAConflict() throws Exception {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        Fixtures.village(VILLAGE);
        String person = Fixtures.idNumber("19750101", true);
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Fixtures.household(VILLAGE, person))
                .post("/api/v1/households")
                .then()
                .statusCode(201);
        long households = count();
        Household again = registrations.build(
                mapper.readValue(
                        Fixtures.household(VILLAGE, Fixtures.idNumber("19760101", false), person),
                        HouseholdApi.Registration.class),
                Instant.now());
        Household other = registrations.build(
                mapper.readValue(
                        Fixtures.household(VILLAGE, Fixtures.idNumber("19770101", true)),
                        HouseholdApi.Registration.class),
                Instant.now());

        ProblemException refused = assertThrows(ProblemException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> recorder.registeredAll(List.of(other, again), Operation.IMPORT, "测试")));

        assertEquals(ProblemType.CONFLICT, refused.type());
        assertEquals(
                List.of("ALREADY_REGISTERED"),
                refused.violations().stream().map(Violation::code).toList());
        assertEquals(households, count(), "nothing of the batch stays");
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("select count(*) from household where village_code = ?1")
                        .setParameter(1, VILLAGE)
                        .getSingleResult())
                .longValue());
    }

    /**
     * Builds the household as a registration does, with the given ids and a past monitoring episode, writes it the
     * given way and reads its rows (each as JSON, the encrypted columns left out: their ciphertexts differ every time)
     * and its numbers read back through Hibernate; then rolls back, so that both ways start from the same database.
     */
    private Stored storedBy(
            HouseholdApi.Registration registration, UUID id, List<UUID> memberIds, Consumer<Household> write) {
        Instant at = Instant.parse("2026-03-02T03:04:05.123456Z");
        Household household = registrations.build(registration, at);
        household.id = id;
        for (int m = 0; m < memberIds.size(); m++) {
            household.members.get(m).id = memberIds.get(m);
        }
        household.updatedAt = at;
        household.version = 3;
        household.recomputeIncomes();
        household.pastMonitoring.add(new MonitoringEpisode(
                MonitoringCategory.SUDDEN_HARDSHIP,
                List.of("DISASTER"),
                LocalDate.of(2021, 4, 1),
                LocalDate.of(2022, 6, 30)));
        QuarkusTransaction.begin();
        try {
            write.accept(household);
            entityManager.clear();
            List<String> stored = new ArrayList<>();
            stored.add(row(
                    "select cast(to_jsonb(h) - 'phone_cipher' - 'bank_account_cipher' as text) from household h where id = ?1",
                    id));
            for (UUID memberId : memberIds) {
                stored.add(row(
                        "select cast(to_jsonb(m) - 'id_number_cipher' as text) from member m where id = ?1", memberId));
            }
            stored.add(row(
                    "select cast(jsonb_agg(to_jsonb(i) order by year) as text) from household_income i where household_id = ?1",
                    id));
            stored.add(row(
                    "select cast(jsonb_agg(to_jsonb(e) order by identified_on) as text) from household_monitoring_episode e"
                            + " where household_id = ?1",
                    id));
            Household read = entityManager.find(Household.class, id);
            List<String> numbers = new ArrayList<>(List.of(read.phone, read.bankAccount));
            read.members.forEach(member -> numbers.add(member.idNumber));
            return new Stored(stored, numbers);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private String row(String query, UUID id) {
        return String.valueOf(
                entityManager.createNativeQuery(query).setParameter(1, id).getSingleResult());
    }
}
