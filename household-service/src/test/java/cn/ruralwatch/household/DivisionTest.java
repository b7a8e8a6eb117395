package cn.ruralwatch.household;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DivisionTest {

    @BeforeEach
    void eachRequestCarriesItsOwnToken() {
        RestAssured.requestSpecification = null;
    }

    private static io.restassured.specification.RequestSpecification admin(String county) {
        return Tokens.as(Roles.COUNTY_ADMIN, county);
    }

    @Test
    void buildsTreeAndListsChildren() {
        Fixtures.division(admin("450423"), "450423", "另一县", "COUNTY", null);
        admin("450423")
                .contentType(ContentType.JSON)
                .body("""
                        {"code":"450423102","name":"平顶镇","level":"TOWNSHIP","parentCode":"450423"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/divisions/450423102"))
                .body("level", equalTo("TOWNSHIP"));
        admin("450423")
                .get("/api/v1/divisions/450423102")
                .then()
                .statusCode(200)
                .body("name", equalTo("平顶镇"));
        admin("450423")
                .get("/api/v1/divisions/450423/children")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("450423102"))
                .body("totalItems", equalTo(1));
    }

    /** What a frontend asks first: the account, its roles, its region in words and the operations it may call. */
    @Test
    void theCallerSeesTheirAccountRegionAndWhatTheyMayDo() {
        Fixtures.division(admin("450425"), "450425", "三县", "COUNTY", null);
        admin("450425")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("subject", equalTo("test-county-admin"))
                .body("roles", org.hamcrest.Matchers.contains("county-admin"))
                .body("division.code", equalTo("450425"))
                .body("division.name", equalTo("三县"))
                .body("division.level", equalTo("COUNTY"))
                .body("operations", hasItem("registerDivision"))
                .body("operations", hasItem("getCaller"))
                .body("operations", org.hamcrest.Matchers.not(hasItem("redriveDeadLetters")));
        Tokens.as(Roles.OPERATOR, "450425")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", org.hamcrest.Matchers.contains("operator"))
                .body("division.name", equalTo("三县"))
                .body("operations", hasItem("listDeadLetters"))
                .body("operations", org.hamcrest.Matchers.not(hasItem("registerHousehold")));
        given().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void rejectsChildCodeThatDoesNotExtendItsParent() {
        Fixtures.division(admin("450424"), "450424", "第三县", "COUNTY", null);
        Fixtures.division(admin("450424"), "450424101", "一镇", "TOWNSHIP", "450424");
        admin("450424")
                .contentType(ContentType.JSON)
                .body("""
                        {"code":"450424102201","name":"错村","level":"VILLAGE","parentCode":"450424101"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].code", equalTo("PREFIX"));
        admin("450424")
                .contentType(ContentType.JSON)
                .body("""
                        {"code":"450424101201","name":"跳级村","level":"VILLAGE","parentCode":"450424"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("LEVEL"));
        admin("450424").get("/api/v1/divisions/450424101201").then().statusCode(404);
    }

    @Test
    void divisionOutsideTheCountyIsForbidden() {
        Fixtures.division(admin("450427"), "450427", "第六县", "COUNTY", null);
        admin("450427")
                .contentType(ContentType.JSON)
                .body("""
                        {"code":"450499101","name":"外镇","level":"TOWNSHIP","parentCode":"450427"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:ruralwatch:problem:forbidden"));
        admin("450427").get("/api/v1/divisions/450499101").then().statusCode(404);
    }

    @Test
    void duplicateCodeIsAConflict() {
        Fixtures.division(admin("450425"), "450425", "第四县", "COUNTY", null);
        admin("450425")
                .contentType(ContentType.JSON)
                .body("""
                        {"code":"450425","name":"第四县","level":"COUNTY"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(409)
                .body("errors[0].code", equalTo("ALREADY_REGISTERED"));
    }

    @Test
    void renameNeedsCurrentEntityTag() {
        Fixtures.division(admin("450426"), "450426", "第五县", "COUNTY", null);
        String etag =
                admin("450426").get("/api/v1/divisions/450426").then().extract().header("ETag");
        admin("450426")
                .contentType(ContentType.JSON)
                .body("{\"name\":\"新名县\"}")
                .put("/api/v1/divisions/450426")
                .then()
                .statusCode(428)
                .body("type", equalTo("urn:ruralwatch:problem:precondition-required"));
        admin("450426")
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"name\":\"新名县\"}")
                .put("/api/v1/divisions/450426")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("新名县"));
        admin("450426")
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"name\":\"再改名\"}")
                .put("/api/v1/divisions/450426")
                .then()
                .statusCode(412);
        admin("450426").get("/api/v1/divisions/450426").then().body("name", equalTo("新名县"));
    }
}
