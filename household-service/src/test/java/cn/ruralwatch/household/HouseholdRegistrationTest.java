package cn.ruralwatch.household;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.CloudEventHeaders;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HouseholdRegistrationTest {

    static final String VILLAGE = "450422101201";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PersonalDataProtector protector;

    @BeforeEach
    void divisions() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.village(VILLAGE);
    }

    @Test
    void registersHouseholdAndPublishesEventWithoutPersonalNumbers() {
        String head = Fixtures.idNumber("19700312", true);
        String spouse = Fixtures.idNumber("19720105", false);
        String child = Fixtures.idNumber("20050620", true);
        String location = given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s","members":[
                          {"name":"韦某强","idNumber":"%s","relation":"HEAD","attributes":{"medicalInsurance":"ENROLLED"}},
                          {"name":"黄某梅","idNumber":"%s","relation":"SPOUSE","attributes":{"medicalInsurance":"ENROLLED"}},
                          {"name":"韦某明","idNumber":"%s","relation":"SON"}]}""".formatted(VILLAGE, head, spouse, child))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/households/"))
                .header("ETag", equalTo("\"0\""))
                .body("id", notNullValue())
                .body("members", hasSize(3))
                .body("members[0].sex", equalTo("MALE"))
                .body("members[1].sex", equalTo("FEMALE"))
                .body("members[1].birthDate", equalTo("1972-01-05"))
                .body("members[2].attributes.medicalInsurance", equalTo("UNKNOWN"))
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().get("/api/v1/households/" + id)
                .then()
                .statusCode(200)
                .body("villageCode", equalTo(VILLAGE))
                .body("members.name", hasItem("黄某梅"));
        given().queryParam("division", "450422101")
                .get("/api/v1/households")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("page", equalTo(0))
                .body("size", equalTo(20));

        TopicReader.Event event = await().atMost(Duration.ofSeconds(15))
                .until(() -> eventsFor(id), events -> !events.isEmpty())
                .getFirst();
        assertEquals(EventTypes.HOUSEHOLD_REGISTERED, event.header(CloudEventHeaders.TYPE));
        assertEquals("/household-service", event.header(CloudEventHeaders.SOURCE));
        assertEquals("1.0", event.header(CloudEventHeaders.SPEC_VERSION));
        assertEquals(id, event.header(CloudEventHeaders.SUBJECT));
        assertEquals("application/json", event.header(CloudEventHeaders.CONTENT_TYPE));
        EventSchemas.assertValid(EventTypes.HOUSEHOLD_REGISTERED, event.data());
        assertTrue(
                !event.data().contains(head)
                        && !event.data().contains(spouse)
                        && !event.data().contains(child),
                "events carry no ID numbers");
    }

    @Test
    void sameIdempotencyKeyRegistersOnce() {
        String body = Fixtures.household(VILLAGE, Fixtures.idNumber("19800101", true));
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "retry-1")
                .body(body)
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "retry-1")
                .body(body)
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(first, second);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "retry-1")
                .body(Fixtures.household(VILLAGE, Fixtures.idNumber("19800102", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:ruralwatch:problem:unprocessable"));
    }

    @Test
    void rejectsIdNumberWithWrongCheckDigit() throws Exception {
        String valid = Fixtures.idNumber("19650101", true);
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        String invalid = valid.substring(0, 17) + wrong;
        assertRejectedAndNothingStored(
                Fixtures.household(VILLAGE, invalid), 400, "members[0].idNumber", "CHECK_DIGIT", invalid);
    }

    @Test
    void rejectsUnknownVillage() throws Exception {
        String id = Fixtures.idNumber("19650102", true);
        assertRejectedAndNothingStored(
                Fixtures.household("450422101299", id), 400, "villageCode", "UNKNOWN_VILLAGE", id);
    }

    @Test
    void rejectsTwoHeads() throws Exception {
        String a = Fixtures.idNumber("19650103", true);
        String b = Fixtures.idNumber("19650104", false);
        String body = """
                {"villageCode":"%s","members":[
                  {"name":"甲","idNumber":"%s","relation":"HEAD"},
                  {"name":"乙","idNumber":"%s","relation":"HEAD"}]}""".formatted(VILLAGE, a, b);
        assertRejectedAndNothingStored(body, 400, "members", "HEAD_COUNT", a);
    }

    @Test
    @DependsOnCryptoMode
    void rejectsPersonAlreadyInAnotherHousehold() throws Exception {
        String shared = Fixtures.idNumber("19500505", false);
        given().contentType(ContentType.JSON)
                .body(Fixtures.household(VILLAGE, shared))
                .post("/api/v1/households")
                .then()
                .statusCode(201);
        String newcomer = Fixtures.idNumber("19900505", true);
        assertRejectedAndNothingStored(
                Fixtures.household(VILLAGE, newcomer, shared),
                409,
                "members[1].idNumber",
                "ALREADY_REGISTERED",
                newcomer);
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        long before = count("select count(*) from household");
        given().contentType(ContentType.JSON)
                .body("{\"villageCode\": \"450422101201\", \"members\": [")
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:malformed-json"))
                .body("title", equalTo("请求体不是合法的 JSON"))
                .body("detail", containsString("第 1 行"));
        assertEquals(before, count("select count(*) from household"));
    }

    @Test
    void rejectsUnknownEnumValueNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s","members":[{"name":"甲","idNumber":"%s","relation":"UNCLE"}]}""".formatted(VILLAGE, Fixtures.idNumber("19650105", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("members[0].relation"));
    }

    @Test
    void rejectsWrongContentType() throws Exception {
        long before = count("select count(*) from household");
        given().contentType(ContentType.TEXT)
                .body("villageCode=450422101201")
                .post("/api/v1/households")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:unsupported-media-type"));
        assertEquals(before, count("select count(*) from household"));
    }

    @Test
    void rejectsTenMegabyteBody() throws Exception {
        long before = count("select count(*) from household");
        String padding = "x".repeat(10 * 1024 * 1024);
        given().contentType(ContentType.JSON)
                .body("{\"villageCode\":\"" + padding + "\",\"members\":[]}")
                .post("/api/v1/households")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:payload-too-large"));
        assertEquals(before, count("select count(*) from household"));
    }

    @Test
    void validationMessagesFollowAcceptLanguage() {
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body("{\"members\":[]}")
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("title", equalTo("The request did not pass validation"))
                .body("errors.field", hasItem("villageCode"))
                .body("errors.field", hasItem("members"));
        given().contentType(ContentType.JSON)
                .body("{\"members\":[]}")
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("title", equalTo("请求数据未通过校验"));
    }

    @Test
    void unknownRouteAndUnknownHouseholdAnswerProblems() {
        given().get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:route-not-found"));
        given().get("/api/v1/households/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:not-found"))
                .body("detail", startsWith("农户"));
        given().get("/api/v1/households/not-a-uuid").then().statusCode(404);
        given().queryParam("size", 501)
                .get("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    private void assertRejectedAndNothingStored(
            String body, int status, String field, String code, String idNumberThatMustNotBeStored) throws Exception {
        long households = count("select count(*) from household");
        long outbox = count("select count(*) from outbox_event");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/households")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.code", hasItem(code))
                .body("errors[0].message", notNullValue())
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
        assertEquals(households, count("select count(*) from household"), "no household stored");
        assertEquals(outbox, count("select count(*) from outbox_event"), "no event written");
        assertEquals(
                0,
                count("select count(*) from member where id_number_hash = '"
                        + protector.lookupHash(PersonalDataKind.ID_NUMBER, idNumberThatMustNotBeStored) + "'"));
    }

    private List<TopicReader.Event> eventsFor(String householdId) {
        return TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.HOUSEHOLD_EVENTS).stream()
                .filter(e -> householdId.equals(e.key()))
                .toList();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
