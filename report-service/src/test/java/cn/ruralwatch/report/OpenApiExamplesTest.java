package cn.ruralwatch.report;

import cn.ruralwatch.testing.OpenApiExamples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** Every request body of the service's OpenAPI document shows a caller an example that the schema accepts. */
@QuarkusTest
class OpenApiExamplesTest {

    @Test
    void everyRequestBodyHasAnExampleMatchingItsSchema() {
        String document = RestAssured.given()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        OpenApiExamples.assertEveryRequestBodyHasAValidExample(document);
    }
}
