package cn.ruralwatch.fund;

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
 * Every coded value of project-fund-service's API is shown in words: its OpenAPI document gives each enumeration a name, a
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
        assertEquals("资产确权", label(document, "ProjectAction", "zh", "REGISTER_ASSETS"));
        assertEquals("Register the assets", label(document, "ProjectAction", "en", "REGISTER_ASSETS"));
        assertEquals("土地流转", label(document, "FarmerLinkageMode", "zh", "LAND_LEASE"));
        assertEquals("已公示", label(document, "PvDistributionPlanStatus", "zh", "PUBLISHED"));
        assertEquals("Still failing", label(document, "DeadLetterRedriveOutcome", "en", "FAILED"));
        assertTrue(document.at("/components/schemas/Status").isMissingNode());
        assertTrue(document.at("/components/schemas/Linkage").isMissingNode());
    }
}
