package cn.ruralwatch.household;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DivisionTest {

    @BeforeEach
    void authenticate() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
    }

    @Test
    void buildsTreeAndListsChildren() {
        Fixtures.division("450423", "另一县", "COUNTY", null);
        given().contentType(ContentType.JSON)
                .body("""
                        {"code":"450423102","name":"平顶镇","level":"TOWNSHIP","parentCode":"450423"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/divisions/450423102"))
                .body("level", equalTo("TOWNSHIP"));
        given().get("/api/v1/divisions/450423102").then().statusCode(200).body("name", equalTo("平顶镇"));
        given().get("/api/v1/divisions/450423/children")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("450423102"))
                .body("totalItems", equalTo(1));
    }

    @Test
    void rejectsChildCodeThatDoesNotExtendItsParent() {
        Fixtures.division("450424", "第三县", "COUNTY", null);
        given().contentType(ContentType.JSON)
                .body("""
                        {"code":"450499101","name":"错镇","level":"TOWNSHIP","parentCode":"450424"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].code", equalTo("PREFIX"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"code":"450424101201","name":"跳级村","level":"VILLAGE","parentCode":"450424"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("LEVEL"));
        given().get("/api/v1/divisions/450424101201").then().statusCode(404);
    }

    @Test
    void duplicateCodeIsAConflict() {
        Fixtures.division("450425", "第四县", "COUNTY", null);
        given().contentType(ContentType.JSON)
                .body("""
                        {"code":"450425","name":"第四县","level":"COUNTY"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(409)
                .body("errors[0].code", equalTo("ALREADY_REGISTERED"));
    }

    @Test
    void renameNeedsCurrentEntityTag() {
        Fixtures.division("450426", "第五县", "COUNTY", null);
        String etag = given().get("/api/v1/divisions/450426").then().extract().header("ETag");
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"新名县\"}")
                .put("/api/v1/divisions/450426")
                .then()
                .statusCode(428)
                .body("type", equalTo("urn:ruralwatch:problem:precondition-required"));
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"name\":\"新名县\"}")
                .put("/api/v1/divisions/450426")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("新名县"));
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"name\":\"再改名\"}")
                .put("/api/v1/divisions/450426")
                .then()
                .statusCode(412);
        given().get("/api/v1/divisions/450426").then().body("name", equalTo("新名县"));
    }
}
