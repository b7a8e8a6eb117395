package cn.ruralwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests beyond the limits of the HTTP layer — request line, headers, body — are refused at the gateway with a
 * problem in the caller's language, before any token is checked or any service is asked: Vert.x's own answers to
 * them had empty bodies.
 */
@QuarkusTest
class HttpLimitsTest {

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aRequestLineOverTheLimitIsA414Problem() {
        given().queryParam("division", "4".repeat(5000))
                .get("/api/v1/households")
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:uri-too-long"))
                .body("status", equalTo(414))
                .body("title", equalTo("请求地址过长"))
                .body("detail", containsString("4096"));
        given().header("Accept-Language", "en")
                .queryParam("division", "4".repeat(20_000))
                .get("/api/v1/households")
                .then()
                .statusCode(414)
                .body("title", equalTo("Request URI too long"));
    }

    @Test
    void headersOverTheLimitAreA431Problem() {
        given().header("X-Padding", "p".repeat(30_000))
                .get("/api/v1/households")
                .then()
                .statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:headers-too-large"))
                .body("status", equalTo(431))
                .body("detail", containsString("20 KB"));
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body("{\"villageCode\":\"" + "9".repeat(1_100_000) + "\"}")
                .post("/api/v1/households")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:payload-too-large"))
                .body("detail", equalTo("The request body exceeds the limit of 1 MB."));
    }

    @Test
    void anUnknownPathIsA404Problem() {
        given().get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:route-not-found"));
    }
}
