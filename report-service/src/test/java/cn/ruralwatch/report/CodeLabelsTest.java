package cn.ruralwatch.report;

import static cn.ruralwatch.testing.CodeTableChecks.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.testing.CodeTableChecks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every coded value of report-service's API is shown in words: its OpenAPI document gives each enumeration a name, a
 * description and, for every value, a Chinese and an English label ({@code x-enum-labels}), from which the gateway
 * builds its code tables. A value added without labels fails here.
 */
@QuarkusTest
class CodeLabelsTest {

    @Test
    void everyCodedValueOfTheApiHasAChineseAndAnEnglishLabel() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        JsonNode document = new ObjectMapper()
                .readTree(RestAssured.given()
                        .get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());

        assertEquals(List.of(), CodeTableChecks.missing(document));
        assertEquals("月末统计快照", label(document, "ReportJobKind", "zh", "SNAPSHOT"));
        assertEquals("Done", label(document, "ReportJobState", "en", "DONE"));
        assertEquals("脱贫户", label(document, "PovertyStatus", "zh", "EXITED"));
        assertEquals("Exited from poverty", label(document, "PovertyStatus", "en", "EXITED"));
        assertTrue(document.at("/components/schemas/State1").isMissingNode());
    }
}
