package cn.ruralwatch.household;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.access.VerifiedTokens;
import cn.ruralwatch.embedded.DevIdentityProvider;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    VerifiedTokens verifiedTokens;

    @BeforeEach
    void noDefaultToken() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void missingOrInvalidTokenIsUnauthorized() {
        given().get("/api/v1/households")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:ruralwatch:problem:unauthorized"));
        given().header("Authorization", "Bearer not.a.token")
                .get("/api/v1/households")
                .then()
                .statusCode(401)
                .body("type", equalTo("urn:ruralwatch:problem:unauthorized"));
    }

    @Test
    void tokenFromAnotherIssuerOrKeyIsUnauthorized() throws Exception {
        DevIdentityProvider stranger =
                DevIdentityProvider.inDirectory(Files.createTempDirectory("stranger"), SuiteInfrastructure.TEST_ISSUER);
        given().header("Authorization", Tokens.bearer(stranger, Roles.COUNTY_ADMIN, "450422"))
                .get("/api/v1/households")
                .then()
                .statusCode(401);
        DevIdentityProvider devIssuer =
                DevIdentityProvider.inDirectory(Files.createTempDirectory("dev"), DevIdentityProvider.ISSUER);
        given().header("Authorization", Tokens.bearer(devIssuer, Roles.COUNTY_ADMIN, "450422"))
                .get("/api/v1/households")
                .then()
                .statusCode(401);
    }

    @Test
    void aTokenThatPassedIsReusedAndOnlyThatExactToken() {
        String bearer = Tokens.bearer(SuiteInfrastructure.identity(), Roles.AUDITOR, "450422");
        String token = bearer.substring("Bearer ".length());
        assertTrue(verifiedTokens.get(token).isEmpty());
        given().header("Authorization", bearer).get("/api/v1/households").then().statusCode(200);
        assertTrue(verifiedTokens.get(token).isPresent(), "the service's authentication keeps the token it checked");
        given().header("Authorization", bearer).get("/api/v1/households").then().statusCode(200);

        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().header("Authorization", "Bearer " + tampered)
                .get("/api/v1/households")
                .then()
                .statusCode(401)
                .body("type", equalTo("urn:ruralwatch:problem:unauthorized"));
        assertTrue(verifiedTokens.get(tampered).isEmpty());
    }

    @Test
    void roleWithoutThePermissionIsForbiddenAndChangesNothing() throws Exception {
        long divisions = count("select count(*) from division");
        given().header(
                        "Authorization",
                        Tokens.bearer(SuiteInfrastructure.identity(), Roles.VILLAGE_CLERK, "450422101201"))
                .contentType(ContentType.JSON)
                .body("""
                        {"code":"450499","name":"越权县","level":"COUNTY"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:forbidden"))
                .body("title", equalTo("无权执行此操作"));
        long households = count("select count(*) from household");
        given().header("Authorization", Tokens.bearer(SuiteInfrastructure.identity(), Roles.AUDITOR, "450422"))
                .contentType(ContentType.JSON)
                .body(Fixtures.household("450422101201", Fixtures.idNumber("19700101", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(403);
        assertEquals(divisions, count("select count(*) from division"));
        assertEquals(households, count("select count(*) from household"));
    }

    @Test
    void everyRoleMayRead() {
        for (String role : Roles.ALL) {
            given().header("Authorization", Tokens.bearer(SuiteInfrastructure.identity(), role, "450422"))
                    .get("/api/v1/households")
                    .then()
                    .statusCode(200);
        }
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
