package cn.ruralwatch.household;

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
 * Every coded value of household's API is shown in words: its OpenAPI document gives each enumeration a name, a
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
        assertEquals("之儿媳", label(document, "Relation", "zh", "DAUGHTER_IN_LAW"));
        assertEquals("Daughter-in-law", label(document, "Relation", "en", "DAUGHTER_IN_LAW"));
        assertEquals("边缘易致贫户", label(document, "MonitoringCategory", "zh", "EDGE_AT_RISK"));
        assertEquals("Edge household at risk of poverty", label(document, "MonitoringCategory", "en", "EDGE_AT_RISK"));
        // the labels follow the order of the values
        assertEquals(
                List.of("HEAD", "SPOUSE"),
                codes(document.at("/components/schemas/Relation/x-enum-labels/zh"))
                        .subList(0, 2));
        // codes of the API the platform modules contribute are labelled by those modules
        assertEquals("已重新投递", label(document, "DeadLetterState", "zh", "REDRIVEN"));
        assertEquals("Succeeded", label(document, "JobState", "en", "SUCCEEDED"));
        // a nested enumeration is named for what it is, not "Decision" or "State"
        assertEquals("关联农户", label(document, "ClueDecision", "zh", "LINK"));
        assertTrue(document.at("/components/schemas/Decision").isMissingNode());
        assertTrue(document.at("/components/schemas/State").isMissingNode());
    }

    private static List<String> codes(JsonNode labels) {
        List<String> codes = new java.util.ArrayList<>();
        labels.fieldNames().forEachRemaining(codes::add);
        return codes;
    }
}
