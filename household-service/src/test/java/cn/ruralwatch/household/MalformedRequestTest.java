package cn.ruralwatch.household;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.ExhaustedPool;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller can send that is not what the API takes, and moments the database is not there: always a 4xx or a 503
 * problem that names what is wrong, never a 500, and nothing stored.
 */
@QuarkusTest
class MalformedRequestTest {

    private static final String COUNTY = "450432";
    private static final String TOWNSHIP = "450432101";
    private static final String VILLAGE = "450432101201";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @BeforeEach
    void countyExists() {
        RestAssured.requestSpecification = null;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.division(admin(), COUNTY, "畸形县", "COUNTY", null);
        Fixtures.division(admin(), TOWNSHIP, "畸形镇", "TOWNSHIP", COUNTY);
        Fixtures.division(admin(), VILLAGE, "畸形村", "VILLAGE", TOWNSHIP);
    }

    private static RequestSpecification admin() {
        return Tokens.as(Roles.COUNTY_ADMIN, COUNTY);
    }

    @Test
    void aRepeatedKeyIsRefusedNamingItAndNothingIsStored() throws Exception {
        long households = households();
        register("""
                        {"villageCode":"%s","villageCode":"%s","members":[{"name":"甲","idNumber":"%s","relation":"HEAD"}]}""".formatted(VILLAGE, VILLAGE, Fixtures.idNumber("19800101", true)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:validation-failed"))
                .body("errors[0].field", equalTo("villageCode"))
                .body("errors[0].code", equalTo("DUPLICATE_FIELD"))
                .body("errors[0].message", containsString("出现了多次"));
        // a record's repeated key used to fail Jackson's binding with an empty 500
        admin().contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body("""
                        {"villageCode":"%s","members":[{"name":"甲","name":"乙","idNumber":"%s","relation":"HEAD"}]}""".formatted(VILLAGE, Fixtures.idNumber("19800102", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("members[0].name"))
                .body("errors[0].code", equalTo("DUPLICATE_FIELD"))
                .body("errors[0].message", equalTo("The field \"name\" appears more than once in the same object."));
        assertEquals(households, households());
    }

    @Test
    void anythingAfterTheBodyAndUnknownFieldsAreRefused() throws Exception {
        long households = households();
        String valid = """
                {"villageCode":"%s","members":[{"name":"甲","idNumber":"%s","relation":"HEAD"}]}""".formatted(VILLAGE, Fixtures.idNumber("19800103", true));
        for (String trailing : List.of(" {}", " garbage", ",", "\n" + valid)) {
            register(valid + trailing)
                    .statusCode(400)
                    .body("errors[0].field", equalTo(""))
                    .body("errors[0].code", equalTo("TRAILING_TOKENS"));
        }
        register(valid.replace("\"relation\"", "\"relatoin\""))
                .statusCode(400)
                .body("errors[0].field", equalTo("members[0].relatoin"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        // the same on a rename, whose body has one field
        admin().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"nmae\":\"新名\"}")
                .put("/api/v1/divisions/" + VILLAGE)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("nmae"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        assertEquals(households, households());
        admin().get("/api/v1/divisions/" + VILLAGE).then().body("name", equalTo("畸形村"));
    }

    @Test
    void textPostgresqlCannotStoreIsRefusedInBodiesAndParameters() throws Exception {
        long households = households();
        register("""
                        {"villageCode":"%s","members":[{"name":"甲\\u0000乙","idNumber":"%s","relation":"HEAD"}]}""".formatted(VILLAGE, Fixtures.idNumber("19800104", true)))
                .statusCode(400)
                .body("errors[0].field", equalTo("members[0].name"))
                .body("errors[0].code", equalTo("NUL_CHARACTER"));
        register("""
                        {"villageCode":"%s","members":[{"name":"甲\\ud800","idNumber":"%s","relation":"HEAD"}]}""".formatted(VILLAGE, Fixtures.idNumber("19800105", true)))
                .statusCode(400)
                .body("errors[0].field", equalTo("members[0].name"))
                .body("errors[0].code", equalTo("UNPAIRED_SURROGATE"));
        register("""
                        {"villageCode":"%s","members":[null]}""".formatted(VILLAGE))
                .statusCode(400)
                .body("errors[0].field", equalTo("members[0]"))
                .body("errors[0].code", equalTo("NOT_NULL"));
        admin().urlEncodingEnabled(false)
                .get("/api/v1/households?division=" + COUNTY + "%00")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("division"))
                .body("errors[0].code", equalTo("NUL_CHARACTER"));
        admin().urlEncodingEnabled(false)
                .get("/api/v1/divisions/" + COUNTY + "%C3%28")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].code", equalTo("INVALID_ENCODING"));
        assertEquals(households, households());
    }

    @Test
    void datesAndNumbersBeyondWhatIsStoredAreRefusedNamingTheParameter() {
        String household = admin().contentType(ContentType.JSON)
                .body(Fixtures.household(VILLAGE, Fixtures.idNumber("19800106", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        admin().queryParam("asOf", "+999999999-12-31")
                .get("/api/v1/households/" + household)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        admin().queryParam("page", "2147483648")
                .get("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].code", equalTo("INVALID_INTEGER"));
        admin().queryParam("overdue", "maybe")
                .get("/api/v1/monitoring-cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("overdue"))
                .body("errors[0].code", equalTo("INVALID_BOOLEAN"));
        // absent, a primitive boolean is still false
        admin().get("/api/v1/monitoring-cases").then().statusCode(200);
    }

    @Test
    void aPageFarBeyondTheEndIsEmpty() {
        int children = admin().get("/api/v1/divisions/" + COUNTY + "/children")
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
        admin().queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 500)
                .get("/api/v1/divisions/" + COUNTY + "/children")
                .then()
                .statusCode(200)
                .body("items", emptyIterable())
                .body("page", equalTo(Integer.MAX_VALUE))
                .body("size", equalTo(500))
                .body("totalItems", equalTo(children));
        admin().queryParam("division", COUNTY)
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 500)
                .get("/api/v1/households")
                .then()
                .statusCode(200)
                .body("items", emptyIterable());
    }

    @Test
    void concurrentRenamesOfOneVersionAnswerPreconditionFailedForAllButOne() throws Exception {
        String township = "450432102";
        Fixtures.division(admin(), township, "并发镇", "TOWNSHIP", COUNTY);
        String etag =
                admin().get("/api/v1/divisions/" + township).then().extract().header("ETag");
        List<Callable<Integer>> renames = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "并发镇" + i;
            renames.add(() -> admin().contentType(ContentType.JSON)
                    .header("If-Match", etag)
                    .body("{\"name\":\"" + name + "\"}")
                    .put("/api/v1/divisions/" + township)
                    .statusCode());
        }
        List<Integer> statuses = all(renames);
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        admin().get("/api/v1/divisions/" + township).then().body("version", equalTo(1));
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from division_revision where division_code = '" + township
                                + "' and operation = 'RENAME'"));
    }

    @Test
    void concurrentPopulationBasesOfOneYearAreSetOneAfterTheOther() throws Exception {
        List<Callable<Integer>> sets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int people = 1000 + i;
            sets.add(() -> admin().contentType(ContentType.JSON)
                    .body("{\"registeredPopulation\":" + people + ",\"agriculturalPopulation\":900,\"households\":300}")
                    .put("/api/v1/divisions/" + TOWNSHIP + "/population/2024")
                    .statusCode());
        }
        List<Integer> statuses = all(sets);
        assertEquals(List.of(200, 200, 200, 200, 200, 200), statuses);
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from division_population where division_code = '" + TOWNSHIP
                                + "' and year = 2024"));
    }

    @Test
    void anUnreachableDatabaseAnswers503WithRetryAfterAndTheServiceRecovers() throws Exception {
        long households = households();
        String body = Fixtures.household(VILLAGE, Fixtures.idNumber("19800107", true));
        try (ExhaustedPool exhausted = ExhaustedPool.of(dataSource, poolSize)) {
            admin().get("/api/v1/divisions/" + COUNTY)
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "2")
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ruralwatch:problem:service-unavailable"))
                    .body("status", equalTo(503))
                    .body("detail", containsString("Retry-After"))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("agroal")));
            admin().contentType(ContentType.JSON)
                    .header("Accept-Language", "en")
                    .body(body)
                    .post("/api/v1/households")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "2")
                    .body("title", equalTo("Service unavailable"));
        }
        admin().get("/api/v1/divisions/" + COUNTY).then().statusCode(200).body("code", equalTo(COUNTY));
        assertEquals(households, households());
        admin().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/households")
                .then()
                .statusCode(201);
        admin().queryParam("division", VILLAGE)
                .get("/api/v1/households")
                .then()
                .body("items.villageCode", hasItem(VILLAGE));
    }

    private static ValidatableResponse register(String json) {
        return admin().contentType(ContentType.JSON)
                .body(json)
                .post("/api/v1/households")
                .then();
    }

    private long households() throws Exception {
        return Rows.count(dataSource, "select count(*) from household where village_code = '" + VILLAGE + "'");
    }

    private static List<Integer> all(List<Callable<Integer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
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
