package cn.ruralwatch.household;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An officer of township A can neither read, list, count nor change anything of township B; a clerk sees one village. */
@QuarkusTest
class DataScopeTest {

    static final String COUNTY = "450430";
    static final String TOWNSHIP_A = "450430101";
    static final String TOWNSHIP_B = "450430102";
    static final String VILLAGE_A1 = "450430101201";
    static final String VILLAGE_A2 = "450430101202";
    static final String VILLAGE_B1 = "450430102201";

    @Inject
    AgroalDataSource dataSource;

    private String householdA1;
    private String householdA2;
    private String householdB1;
    private String personInB;

    @BeforeEach
    void twoTownships() {
        RestAssured.requestSpecification = null;
        Fixtures.division(admin(), COUNTY, "范围县", "COUNTY", null);
        Fixtures.division(admin(), TOWNSHIP_A, "甲镇", "TOWNSHIP", COUNTY);
        Fixtures.division(admin(), TOWNSHIP_B, "乙镇", "TOWNSHIP", COUNTY);
        Fixtures.division(admin(), VILLAGE_A1, "甲一村", "VILLAGE", TOWNSHIP_A);
        Fixtures.division(admin(), VILLAGE_A2, "甲二村", "VILLAGE", TOWNSHIP_A);
        Fixtures.division(admin(), VILLAGE_B1, "乙一村", "VILLAGE", TOWNSHIP_B);
        householdA1 = register(VILLAGE_A1, Fixtures.idNumber("19700101", true));
        householdA2 = register(VILLAGE_A2, Fixtures.idNumber("19700102", true));
        personInB = Fixtures.idNumber("19700103", false);
        householdB1 = register(VILLAGE_B1, personInB);
    }

    @Test
    void townshipOfficerCannotReadListOrCountAnotherTownship() {
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP_A)
                .get("/api/v1/households/" + householdA1)
                .then()
                .statusCode(200);
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP_A)
                .get("/api/v1/households/" + householdB1)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP_A)
                .queryParam("division", TOWNSHIP_B)
                .get("/api/v1/households")
                .then()
                .statusCode(404);
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP_A)
                .queryParam("division", VILLAGE_B1)
                .get("/api/v1/households")
                .then()
                .statusCode(404);
        // asking for the whole county gives the officer's own township only, and counts only it
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP_A)
                .queryParam("division", COUNTY)
                .queryParam("size", 500)
                .get("/api/v1/households")
                .then()
                .statusCode(200)
                .body("items.villageCode", everyItem(startsWith(TOWNSHIP_A)))
                .body("items.id", hasItem(householdA1))
                .body("items.id", not(hasItem(householdB1)));
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP_A)
                .get("/api/v1/divisions/" + TOWNSHIP_B)
                .then()
                .statusCode(404);
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP_A)
                .get("/api/v1/divisions/" + TOWNSHIP_B + "/children")
                .then()
                .statusCode(404);
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP_A)
                .get("/api/v1/divisions/" + COUNTY)
                .then()
                .statusCode(404);
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP_A)
                .get("/api/v1/divisions/" + TOWNSHIP_A + "/children")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2));
    }

    @Test
    void townshipOfficerCannotChangeAnotherTownship() throws Exception {
        long households = count("select count(*) from household");
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP_A)
                .contentType(ContentType.JSON)
                .body(Fixtures.household(VILLAGE_B1, Fixtures.idNumber("19800101", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("UNKNOWN_VILLAGE"));
        // the person registered in township B is not revealed to township A
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP_A)
                .contentType(ContentType.JSON)
                .body(Fixtures.household(VILLAGE_A1, personInB))
                .post("/api/v1/households")
                .then()
                .statusCode(409)
                .body("errors[0].code", equalTo("ALREADY_REGISTERED"))
                .body("errors[0].message", not(containsString(householdB1)));
        assertEquals(households, count("select count(*) from household"));
        Tokens.as(Roles.COUNTY_ADMIN, "450431")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"name\":\"改名\"}")
                .put("/api/v1/divisions/" + TOWNSHIP_B)
                .then()
                .statusCode(404);
        Tokens.as(Roles.COUNTY_ADMIN, "450431")
                .contentType(ContentType.JSON)
                .body("""
                        {"code":"450430103","name":"越权镇","level":"TOWNSHIP","parentCode":"450430"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(403);
        assertEquals(0, count("select count(*) from division where code = '450430103'"));
    }

    @Test
    void villageClerkSeesOnlyTheVillage() {
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE_A1)
                .queryParam("size", 500)
                .get("/api/v1/households")
                .then()
                .statusCode(200)
                .body("items.villageCode", everyItem(equalTo(VILLAGE_A1)))
                .body("items.id", hasItem(householdA1));
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE_A1)
                .get("/api/v1/households/" + householdA2)
                .then()
                .statusCode(404);
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE_A1)
                .queryParam("division", TOWNSHIP_A)
                .get("/api/v1/households")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(householdA2)));
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE_A1)
                .get("/api/v1/divisions/" + VILLAGE_A2)
                .then()
                .statusCode(404);
    }

    private static RequestSpecification admin() {
        return Tokens.as(Roles.COUNTY_ADMIN, COUNTY);
    }

    private static String register(String village, String idNumber) {
        return admin().contentType(ContentType.JSON)
                .body(Fixtures.household(village, idNumber))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
