package cn.ruralwatch.indicator;

import static org.awaitility.Awaitility.await;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A household's evaluation is visible within its village, township and county only. */
@QuarkusTest
class EvaluationScopeTest {

    @BeforeEach
    void eachRequestCarriesItsOwnToken() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void evaluationIsVisibleOnlyWithinTheCallersRegion() {
        String householdId = UUID.randomUUID().toString();
        HouseholdEvaluationTest.publishRegistered(
                householdId,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "ENROLLED",
                UUID.randomUUID().toString());
        String path = "/api/v1/households/" + householdId + "/evaluations";
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        Tokens.as(Roles.COUNTY_ADMIN, "450422").get(path).then().statusCode(200));
        Tokens.as(Roles.VILLAGE_CLERK, "450422101201").get(path).then().statusCode(200);
        Tokens.as(Roles.TOWNSHIP_OFFICER, "450422102")
                .get(path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Tokens.as(Roles.VILLAGE_CLERK, "450422101202").get(path).then().statusCode(404);
        Tokens.as(Roles.COUNTY_ADMIN, "450423").get(path).then().statusCode(404);
    }
}
