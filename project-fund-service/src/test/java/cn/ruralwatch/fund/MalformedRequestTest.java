package cn.ruralwatch.fund;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.ExhaustedPool;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller can send that is not what the API takes, budget adjustments racing disbursements, and moments the
 * database is not there: a 4xx or a 503 problem, never a 500, and the money always adds up.
 */
@QuarkusTest
class MalformedRequestTest {

    static final String COUNTY = "450462";
    static final String TOWNSHIP = "450462101";
    static final String VILLAGE = "450462101201";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @BeforeEach
    void countyIsKnown() {
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        FundFixtures.divisions(dataSource, COUNTY, TOWNSHIP, VILLAGE);
    }

    @Test
    void repeatedKeysTrailingTokensUnknownFieldsAndNulAreRefusedNamingThem() throws Exception {
        long projects = projects();
        String valid = "{\"divisionCode\":\"" + VILLAGE
                + "\",\"name\":\"百香果基地\",\"projectType\":\"INDUSTRY\",\"year\":2025,\"plannedInvestment\":100000}";
        register(valid.replace("{", "{\"name\":\"另一个\","))
                .statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("DUPLICATE_FIELD"));
        register(valid + " {}").statusCode(400).body("errors[0].code", equalTo("TRAILING_TOKENS"));
        // the services outside household-service dropped unknown fields silently
        register(valid.replace("}", ",\"plannedInvestmnet\":5}"))
                .statusCode(400)
                .body("errors[0].field", equalTo("plannedInvestmnet"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"))
                .body("errors[0].message", containsString("plannedInvestmnet"));
        register(valid.replace("百香果基地", "百香果\\u0000基地"))
                .statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("NUL_CHARACTER"));
        register(valid.replace("100000", "100000.5e400"))
                .statusCode(400)
                .body("errors[0].field", equalTo("plannedInvestment"));
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(valid.replace("\"year\":2025", "\"year\":2025.5"))
                .post("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].message", equalTo("The value of field year has the wrong type or format."));
        assertEquals(projects, projects());
    }

    @Test
    void aBatchRegisteredTwiceAtTheSameMomentIsAConflictNamingTheBatch() throws Exception {
        List<Callable<Integer>> registrations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            registrations.add(() -> given().contentType(ContentType.JSON)
                    .body("{\"countyCode\":\"" + COUNTY
                            + "\",\"sourceLevel\":\"CITY\",\"year\":2021,\"batchNumber\":5,\"amount\":1000}")
                    .post("/api/v1/fund-batches")
                    .statusCode());
        }
        List<Integer> statuses = all(registrations);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().contentType(ContentType.JSON)
                .body("{\"countyCode\":\"" + COUNTY
                        + "\",\"sourceLevel\":\"CITY\",\"year\":2021,\"batchNumber\":5,\"amount\":1000}")
                .post("/api/v1/fund-batches")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("batchNumber"))
                .body("errors[0].code", equalTo("ALREADY_REGISTERED"))
                .body("errors[0].message", equalTo("2021年市级第 5 批资金已登记"));
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from fund_batch where county_code = '" + COUNTY
                                + "' and fund_year = 2021 and batch_number = 5"));
    }

    @Test
    void aMonthOfAYearNoCalendarHoldsIsRefusedNamingTheYear() {
        String station = given().contentType(ContentType.JSON)
                .body("{\"villageCode\":\"" + VILLAGE + "\",\"name\":\"畸形村光伏电站\",\"capacityKw\":100}")
                .post("/api/v1/pv-stations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"generationKwh\":100,\"revenue\":40}")
                .put("/api/v1/pv-stations/" + station + "/outputs/2147483647/6")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
    }

    /** Under {@code If-Match: *} the loser of two repayments changed nothing, yet wrote an audit entry and totals. */
    @Test
    void aLoanRepaidTwiceAtTheSameMomentIsRepaidOnce() throws Exception {
        String head = UUID.randomUUID().toString();
        String household = FundFixtures.household(
                dataSource,
                VILLAGE,
                "EXITED",
                List.of(new HouseholdEventData.MemberSketch(
                        head, "HEAD", "MALE", LocalDate.of(1975, 4, 2), "ENROLLED", "ORDINARY")));
        String loan = given().contentType(ContentType.JSON)
                .body("{\"householdId\":\"" + household + "\",\"borrowerMemberId\":\"" + head
                        + "\",\"bank\":\"农村商业银行\",\"contractNumber\":\"C-" + household
                        + "\",\"principal\":20000,\"annualRatePercent\":3.45,\"subsidyPercent\":100,"
                        + "\"disbursedOn\":\"2023-03-01\",\"termMonths\":24,\"purpose\":\"养殖\"}")
                .post("/api/v1/microcredit-loans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<Callable<Integer>> repayments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            repayments.add(() -> given().contentType(ContentType.JSON)
                    .header("If-Match", "*")
                    .body("{\"repaidOn\":\"2024-02-29\"}")
                    .post("/api/v1/microcredit-loans/" + loan + "/repayment")
                    .statusCode());
        }
        List<Integer> statuses = all(repayments);
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from outbox_event where event_type = 'audit.recorded.v1'"
                                + " and payload->>'entityId' = '" + loan + "' and payload->>'action' = 'UPDATE'"));
    }

    @Test
    void aPageFarBeyondTheEndIsEmpty() {
        given().queryParam("division", COUNTY)
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 500)
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body("items", emptyIterable())
                .body("page", equalTo(Integer.MAX_VALUE));
        given().queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 500)
                .get("/api/v1/projects/" + UUID.randomUUID() + "/disbursements")
                .then()
                .statusCode(404);
    }

    /**
     * An adjustment locked the batch FOR UPDATE while a disbursement, holding its budget line, inserted a row that
     * references the batch (a KEY SHARE lock): each waited for the other, and PostgreSQL broke the deadlock with a 500.
     */
    @Test
    void budgetAdjustmentsRacingDisbursementsNeitherDeadlockNorOverspend() throws Exception {
        String batch = FundFixtures.batch(COUNTY, "PROVINCIAL", 2023, 9, "5000000.00");
        String project = approvedProject(batch, "100000.00");
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String amount = String.valueOf(100000 + (i + 1) * 1000);
            requests.add(() -> given().contentType(ContentType.JSON)
                    .header("If-Match", "*")
                    .body(
                            "{\"action\":\"ADJUST\",\"performedOn\":\"2025-03-01\",\"note\":\"调整\",\"budget\":[{\"batchId\":\""
                                    + batch + "\",\"amount\":" + amount + "}]}")
                    .post("/api/v1/projects/" + project + "/steps")
                    .statusCode());
            for (int j = 0; j < 3; j++) {
                requests.add(() -> given().contentType(ContentType.JSON)
                        .body("{\"batchId\":\"" + batch
                                + "\",\"amount\":1000,\"paidOn\":\"2024-05-01\",\"payee\":\"某公司\"}")
                        .post("/api/v1/projects/" + project + "/disbursements")
                        .statusCode());
            }
        }
        List<Integer> statuses = all(requests);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201 || s == 409), statuses.toString());
        assertEquals(36, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        // the line holds what was paid, the batch what its lines were promised
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from project_budget_line l where project_id = '" + project + "'"
                                + " and disbursed = (select sum(amount) from disbursement d where d.project_id = l.project_id)"
                                + " and disbursed = 36000 and amount >= disbursed"));
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from fund_batch b where id = '" + batch + "'"
                                + " and allocated = (select sum(amount) from project_budget_line where batch_id = b.id)"));
    }

    @Test
    void anUnreachableDatabaseAnswers503WithRetryAfterAndTheServiceRecovers() throws Exception {
        long projects = projects();
        String valid = "{\"divisionCode\":\"" + VILLAGE
                + "\",\"name\":\"停库期间的项目\",\"projectType\":\"INDUSTRY\",\"year\":2025,\"plannedInvestment\":1}";
        try (ExhaustedPool exhausted = ExhaustedPool.of(dataSource, poolSize)) {
            register(valid)
                    .statusCode(503)
                    .header("Retry-After", "2")
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ruralwatch:problem:service-unavailable"))
                    .body("detail", containsString("未做任何修改"));
        }
        assertEquals(projects, projects());
        register(valid).statusCode(201);
        assertEquals(projects + 1, projects());
    }

    private String approvedProject(String batch, String amount) {
        var created = register("{\"divisionCode\":\"" + VILLAGE + "\",\"name\":\"项目 " + UUID.randomUUID()
                        + "\",\"projectType\":\"INFRASTRUCTURE\",\"year\":2023,\"plannedInvestment\":100000}")
                .statusCode(201)
                .extract();
        String id = created.path("id");
        String etag = step(id, created.header("ETag"), "{\"action\":\"APPLY\",\"performedOn\":\"2025-01-10\"}");
        etag = step(id, etag, "{\"action\":\"REVIEW\",\"performedOn\":\"2025-01-20\"}");
        etag = step(
                id,
                etag,
                "{\"action\":\"APPROVE\",\"performedOn\":\"2025-02-01\",\"documentNumber\":\"批复 9 号\","
                        + "\"budget\":[{\"batchId\":\"" + batch + "\",\"amount\":" + amount + "}]}");
        step(id, etag, "{\"action\":\"START\",\"performedOn\":\"2025-02-10\"}");
        return id;
    }

    private static String step(String id, String etag, String body) {
        return given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(body)
                .post("/api/v1/projects/" + id + "/steps")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static ValidatableResponse register(String json) {
        return given().contentType(ContentType.JSON)
                .body(json)
                .post("/api/v1/projects")
                .then();
    }

    private long projects() throws Exception {
        return Rows.count(dataSource, "select count(*) from project where division_code like '" + COUNTY + "%'");
    }

    private static List<Integer> all(List<Callable<Integer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(requests)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
