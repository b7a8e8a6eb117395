package cn.ruralwatch.indicator;

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
 * Every coded value of indicator's API is shown in words: its OpenAPI document gives each enumeration a name, a
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
        assertEquals("按人", label(document, "IndicatorUnit", "zh", "MEMBER"));
        assertEquals("Per person", label(document, "IndicatorUnit", "en", "MEMBER"));
        assertEquals("行政村", label(document, "StandardLevel", "zh", "VILLAGE"));
        assertEquals("贫困发生率", label(document, "RegisteredMeasure", "zh", "POVERTY_INCIDENCE"));
        assertEquals("Parked", label(document, "DeadLetterState", "en", "PARKED"));
        assertTrue(document.at("/components/schemas/Unit").isMissingNode());
        assertTrue(document.at("/components/schemas/Level").isMissingNode());
    }
}
