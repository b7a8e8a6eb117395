package cn.ruralwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests beyond the limits of the HTTP layer — request line, headers, body — are refused at the gateway with a
 * problem in the caller's language, before any token is checked or any service is asked: Vert.x's own answers to
 * them had empty bodies.
 */
@QuarkusTest
class HttpLimitsTest {

    @TestHTTPResource("/api/v1/households")
    URI households;

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

    /**
     * Java's HttpClient asks every plain-HTTP request to upgrade to HTTP/2 (h2c) and misreads some large answers to
     * the upgraded request: the port answers in HTTP/1.1, and the answer (here a problem that closes the connection,
     * whose Connection header HTTP/2 would forbid) arrives whole.
     */
    @Test
    void aRequestToUpgradeToCleartextHttp2IsAnsweredInHttp11() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        assertEquals(HttpClient.Version.HTTP_2, client.version());
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(households)
                        .header("Accept-Language", "en")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_1_1, answer.version());
        assertEquals(401, answer.statusCode());
        assertEquals(
                "application/problem+json",
                answer.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(answer.body().contains("\"status\":401"), answer.body());
    }
}
