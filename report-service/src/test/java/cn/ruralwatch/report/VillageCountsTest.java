package cn.ruralwatch.report;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The villages a township's report counts (seed 000: 5 贫困村, 沙村 摘帽 2016…; seed 003: 22 村 and 2 社区, 3 脱贫村), from
 * the villages' kind and poverty-village status as household-service registers and sets them.
 */
@QuarkusTest
class VillageCountsTest {

    @BeforeEach
    void eachRequestCarriesItsOwnToken() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void theOverviewCountsVillagesCommunitiesPovertyVillagesAndThoseThatExited() {
        ReportEvents.division("450487", "村数县", "COUNTY", null);
        ReportEvents.division("450487101", "金山镇", "TOWNSHIP", "450487");
        ReportEvents.village("450487101201", "朝阳村", "450487101", "VILLAGE", true, 2019);
        ReportEvents.village("450487101202", "仕秦村", "450487101", "VILLAGE", true, null);
        ReportEvents.village("450487101203", "马龙村", "450487101", "VILLAGE", false, null);
        ReportEvents.village("450487101204", "金山社区", "450487101", "COMMUNITY", false, null);
        // a village registered before villages carried a status counts as a 行政村
        ReportEvents.division("450487101205", "龙口村", "VILLAGE", "450487101");
        // 仕秦村 exits later
        ReportEvents.villageStatus("450487101202", "VILLAGE", true, 2020);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Tokens.as(Roles.COUNTY_ADMIN, "450487")
                .queryParam("division", "450487101")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("villages.villages", equalTo(4))
                .body("villages.communities", equalTo(1))
                .body("villages.povertyVillages", equalTo(2))
                .body("villages.exitedPovertyVillages", equalTo(2)));
        Tokens.as(Roles.COUNTY_ADMIN, "450487")
                .queryParam("division", "450487101201")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("villages", nullValue());
    }
}
