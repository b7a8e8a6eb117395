package cn.ruralwatch.household;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search within the caller's region by every criterion officials use, paged and sorted. */
@QuarkusTest
class HouseholdSearchTest {

    static final String VILLAGE = "450422104201";
    static final String OTHER_TOWNSHIP_VILLAGE = "450422105201";

    static String poor;
    static String monitored;
    static String comfortable;
    static String monitoredHead;

    @Inject
    DataSource dataSource;

    @Inject
    Sql sql;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void households() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (poor != null) {
            return;
        }
        Fixtures.village(VILLAGE);
        Fixtures.village(OTHER_TOWNSHIP_VILLAGE);
        poor = register("""
                {"villageCode":"%s","incomes":[{"year":2025,"wage":6000}],
                 "members":[{"name":"覃搜甲","idNumber":"%s","relation":"HEAD","attributes":{"laborAbility":"LOST","health":"DISABLED","disabilityGrade":2}}]}""".formatted(VILLAGE, Fixtures.idNumber("19500101", true)));
        monitoredHead = Fixtures.idNumber("19800202", false);
        monitored = register("""
                {"villageCode":"%s","incomes":[{"year":2025,"wage":14000}],
                 "monitoring":{"category":"EDGE_AT_RISK","riskTypes":["ILLNESS"],"riskState":"AT_RISK","identifiedYear":2024},
                 "members":[{"name":"覃搜乙","idNumber":"%s","relation":"HEAD","attributes":{"laborAbility":"ORDINARY","health":"SERIOUS_ILLNESS"}},
                            {"name":"黄搜丙","idNumber":"%s","relation":"SON","attributes":{"laborAbility":"SKILLED"}}]}""".formatted(VILLAGE, monitoredHead, Fixtures.idNumber("20010303", true)));
        comfortable = register("""
                {"villageCode":"%s","incomes":[{"year":2025,"wage":90000}],
                 "members":[{"name":"黄搜丁","idNumber":"%s","relation":"HEAD","attributes":{"laborAbility":"SKILLED","health":"HEALTHY"}}]}""".formatted(OTHER_TOWNSHIP_VILLAGE, Fixtures.idNumber("19750505", true)));
    }

    @Test
    void findsByNamePrefixInTheDivision() {
        search("{\"division\":\"450422\",\"name\":\"覃搜\",\"sort\":\"INCOME\",\"descending\":true}")
                .body("totalItems", equalTo(2))
                .body("items.id", contains(monitored, poor))
                .body("items[0].headName", equalTo("覃搜乙"))
                .body("items[0].memberCount", equalTo(2));
        // a member who is not the head is found too
        search("{\"name\":\"黄搜\",\"division\":\"" + VILLAGE + "\"}").body("items.id", contains(monitored));
    }

    @Test
    void aRowShowsTheHeadAndCountsTheMembersWhoLiveInTheHousehold() {
        // the head is not the first member, and a member who died is on the register but no longer lives there
        String id = register("""
                {"villageCode":"%s","members":[
                  {"name":"覃列甲","idNumber":"%s","relation":"FATHER","leftBy":"DEATH","leftOn":"2020-03-15"},
                  {"name":"覃列乙","idNumber":"%s","relation":"SON"},
                  {"name":"覃列丙","idNumber":"%s","relation":"HEAD"}]}""".formatted(
                        VILLAGE,
                        Fixtures.idNumber("19400404", true),
                        Fixtures.idNumber("19900909", true),
                        Fixtures.idNumber("19650606", true)));

        search("{\"division\":\"" + VILLAGE + "\",\"name\":\"覃列\"}")
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].villageCode", equalTo(VILLAGE))
                .body("items[0].headName", equalTo("覃列丙"))
                .body("items[0].memberCount", equalTo(2))
                .body("items[0].status", equalTo("ACTIVE"))
                .body(
                        "items[0].registeredAt",
                        equalTo(given().get("/api/v1/households/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("registeredAt")));
    }

    @Test
    void aMemberIsSearchedInTheTownshipItsHouseholdLivesInAfterAMoveOrASplit() {
        String id = register(
                """
                {"villageCode":"%s","members":[{"name":"覃迁甲","idNumber":"%s","relation":"HEAD"},
                                               {"name":"覃迁乙","idNumber":"%s","relation":"SON"}]}""".formatted(VILLAGE, Fixtures.idNumber("19600606", true), Fixtures.idNumber("19880707", true)));
        String township = VILLAGE.substring(0, 9);
        String otherTownship = OTHER_TOWNSHIP_VILLAGE.substring(0, 9);
        search("{\"division\":\"" + township + "\",\"name\":\"覃迁\"}").body("items.id", contains(id));
        search("{\"division\":\"" + otherTownship + "\",\"name\":\"覃迁\"}").body("totalItems", equalTo(0));
        assertEquals(List.of(township, township), townships(id));

        // the household moves to a village of another township: its members follow it
        given().contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"0\"")
                .body("{\"villageCode\":\"" + OTHER_TOWNSHIP_VILLAGE + "\",\"reason\":\"易地搬迁\"}")
                .patch("/api/v1/households/" + id)
                .then()
                .statusCode(200);
        search("{\"division\":\"" + township + "\",\"name\":\"覃迁\"}").body("totalItems", equalTo(0));
        search("{\"division\":\"" + OTHER_TOWNSHIP_VILLAGE + "\",\"name\":\"覃迁\"}")
                .body("items.id", contains(id));
        search("{\"division\":\"450422\",\"name\":\"覃迁\"}").body("items.id", contains(id));
        assertEquals(List.of(otherTownship, otherTownship), townships(id));

        // the son splits off into a household back in the first township: his record there is found there, the one
        // he left is no longer searched
        String sonId = given().get("/api/v1/households/" + id).then().extract().path("members[1].id");
        String split = given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("""
                        {"members":[{"memberId":"%s","relation":"HEAD"}],"villageCode":"%s","effectiveOn":"%s",
                         "reason":"分户"}""".formatted(sonId, VILLAGE, Fixtures.today()))
                .post("/api/v1/households/" + id + "/splits")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        search("{\"division\":\"" + township + "\",\"name\":\"覃迁乙\"}").body("items.id", contains(split));
        search("{\"division\":\"" + otherTownship + "\",\"name\":\"覃迁乙\"}").body("totalItems", equalTo(0));
        search("{\"division\":\"450422\",\"name\":\"覃迁\",\"sort\":\"VILLAGE\"}").body("items.id", contains(split, id));
        assertEquals(List.of(township), townships(split));
    }

    /** The township the database keeps on each member record of the household, in the order of the members. */
    @SuppressWarnings("unchecked")
    private List<String> townships(String household) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select township_code from member where household_id = :id order by position")
                .setParameter("id", UUID.fromString(household))
                .getResultList());
    }

    @Test
    void everyStatementIsPlannedWithItsDivisionPrefix() throws Exception {
        // a generic plan for "village_code like ?" cannot use the division index and scans every household
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery("show plan_cache_mode")) {
            setting.next();
            assertEquals("force_custom_plan", setting.getString(1));
        }
    }

    @Test
    void aBulkTransactionKeepsItsPlansAndTheConnectionPlansWithValuesAgainAfterIt() {
        String inBulk = QuarkusTransaction.requiringNew().call(() -> {
            sql.planOnce();
            return (String)
                    entityManager.createNativeQuery("show plan_cache_mode").getSingleResult();
        });
        assertEquals("auto", inBulk);
        // the next transaction on this thread (the pool hands it the connection it just gave back): the setting was
        // the transaction's own
        String after = QuarkusTransaction.requiringNew().call(() ->
                (String) entityManager.createNativeQuery("show plan_cache_mode").getSingleResult());
        assertEquals("force_custom_plan", after);
    }

    @Test
    void countsEveryMatchOnEveryPage() {
        search("{\"division\":\"450422\",\"name\":\"覃搜\",\"sort\":\"INCOME\",\"size\":1,\"page\":1}")
                .body("totalItems", equalTo(2))
                .body("items.id", contains(monitored)); // 6000 per person first, then 7000
        // past the last page the matches are still counted
        search("{\"division\":\"450422\",\"name\":\"覃搜\",\"size\":1,\"page\":5}")
                .body("totalItems", equalTo(2))
                .body("items", org.hamcrest.Matchers.empty());
        search("{\"division\":\"450422\",\"name\":\"无此人\"}")
                .body("totalItems", equalTo(0))
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    @DependsOnCryptoMode
    void findsByExactIdNumberThroughItsHash() {
        search("{\"idNumber\":\"" + monitoredHead + "\"}").body("items.id", contains(monitored));
    }

    @Test
    void filtersByCategoryLabourHealthAndIncomeBand() {
        search("{\"division\":\"450422\",\"category\":\"EDGE_AT_RISK\",\"name\":\"覃搜\"}")
                .body("items.id", contains(monitored));
        search("{\"division\":\"450422\",\"laborAbility\":\"LOST\",\"name\":\"覃搜\"}")
                .body("items.id", contains(poor));
        search("{\"division\":\"450422\",\"health\":\"SERIOUS_ILLNESS\",\"name\":\"覃搜\"}")
                .body("items.id", contains(monitored));
        // 6000 and 7000 per person; 90000 is outside the band
        search("{\"division\":\"450422104\",\"incomeFrom\":0,\"incomeTo\":7500,\"sort\":\"INCOME\"}")
                .body("items.id", contains(poor, monitored));
        search("{\"division\":\"450422\",\"incomeFrom\":7500,\"name\":\"黄搜\"}").body("items.id", contains(comfortable));
    }

    @Test
    void staysInTheCallersRegion() {
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.TOWNSHIP_OFFICER, "450422104")
                .contentType(ContentType.JSON)
                .body("{\"name\":\"黄搜\"}")
                .post("/api/v1/households/search")
                .then()
                .statusCode(200)
                .body("items.id", contains(monitored));
        Tokens.as(Roles.TOWNSHIP_OFFICER, "450422104")
                .contentType(ContentType.JSON)
                .body("{\"division\":\"450422105\"}")
                .post("/api/v1/households/search")
                .then()
                .statusCode(404);
    }

    @Test
    void countsTheVillagesHouseholdsAndMembersByStatusCategoryAndRisk() {
        given().queryParam("division", VILLAGE.substring(0, 9))
                .get("/api/v1/household-counts")
                .then()
                .statusCode(200)
                .body("division", equalTo(VILLAGE.substring(0, 9)))
                .body("villages.villageCode", contains(VILLAGE))
                .body("villages[0].households", equalTo(2))
                .body("villages[0].members", equalTo(3))
                .body("villages[0].byPovertyStatus.values().sum()", equalTo(2))
                .body("villages[0].monitoredHouseholds", equalTo(1))
                .body("villages[0].byMonitoringCategory.EDGE_AT_RISK", equalTo(1))
                .body("villages[0].atRiskHouseholds", equalTo(1));
    }

    @Test
    void refusesMalformedCriteria() {
        given().contentType(ContentType.JSON)
                .body("{\"idNumber\":\"12345\",\"incomeFrom\":-1,\"size\":501}")
                .post("/api/v1/households/search")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("idNumber", "incomeFrom"));
    }

    private static ValidatableResponse search(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/households/search")
                .then()
                .statusCode(200);
    }

    private static String register(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
