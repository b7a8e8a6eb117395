package cn.ruralwatch.report;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An officer of one township counts only that township; other townships and the county are not found. */
@QuarkusTest
class OverviewScopeTest {

    @BeforeEach
    void eachRequestCarriesItsOwnToken() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void overviewIsLimitedToTheCallersRegion() {
        ReportEvents.division("452088", "乙县", "COUNTY", null);
        ReportEvents.division("452088101", "东镇", "TOWNSHIP", "452088");
        ReportEvents.division("452088102", "西镇", "TOWNSHIP", "452088");
        ReportEvents.division("452088101201", "东村", "VILLAGE", "452088101");
        ReportEvents.division("452088102201", "西村", "VILLAGE", "452088102");
        ReportEvents.household("452088101201", 2);
        ReportEvents.household("452088102201", 5);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Tokens.as(Roles.COUNTY_ADMIN, "452088")
                .queryParam("division", "452088")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("households", equalTo(2))
                .body("members", equalTo(7)));
        Tokens.as(Roles.TOWNSHIP_OFFICER, "452088101")
                .queryParam("division", "452088101")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("households", equalTo(1))
                .body("members", equalTo(2));
        for (String outside : new String[] {"452088", "452088102", "452088102201"}) {
            Tokens.as(Roles.TOWNSHIP_OFFICER, "452088101")
                    .queryParam("division", outside)
                    .get("/api/v1/reports/overview")
                    .then()
                    .statusCode(404);
        }
        Tokens.as(Roles.VILLAGE_CLERK, "452088102201")
                .queryParam("division", "452088102201")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("members", equalTo(5));
    }
}
