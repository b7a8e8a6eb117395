package cn.ruralwatch.household;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provinces and cities above counties, so a province's or city's officials see their counties; and a village's kind
 * (行政村 or 社区) and poverty-village status (贫困村, 摘帽 year, 脱贫村 since), as the reports count them (seed 000: 5
 * 贫困村, 沙村 摘帽 2016; seed 003: 22 村 and 2 社区, 3 脱贫村).
 */
@QuarkusTest
class ProvinceCityAndVillageStatusTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void eachRequestCarriesItsOwnToken() {
        RestAssured.requestSpecification = null;
    }

    private static RequestSpecification as(String division) {
        return Tokens.as(Roles.COUNTY_ADMIN, division).contentType(ContentType.JSON);
    }

    @Test
    void aProvinceOrCitySeesItsCountiesAndACountyDoesNotSeeAbove() {
        // the province's token carries the padded form 520000; the tree keeps the prefix 52
        as("520000")
                .body("""
                        {"code":"520000","name":"贵州省","level":"PROVINCE"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(201)
                .body("code", equalTo("52"))
                .body("level", equalTo("PROVINCE"))
                .body("parentCode", nullValue());
        as("52").body("""
                        {"code":"520200","name":"六盘水市","level":"CITY","parentCode":"520000"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(201)
                .body("code", equalTo("5202"))
                .body("parentCode", equalTo("52"));
        as("5202").body("""
                        {"code":"520221","name":"水城县","level":"COUNTY","parentCode":"5202"}""").post("/api/v1/divisions").then().statusCode(201).body("parentCode", equalTo("5202"));
        as("520221").body("""
                        {"code":"520221101","name":"玉舍镇","level":"TOWNSHIP","parentCode":"520221"}""").post("/api/v1/divisions").then().statusCode(201);

        // the province and the city see the county and what is under it; the county does not see the city
        as("520000").get("/api/v1/divisions/520221101").then().statusCode(200).body("name", equalTo("玉舍镇"));
        as("520000")
                .get("/api/v1/divisions/520000/children")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("5202"));
        as("5202").get("/api/v1/divisions/5202/children").then().body("items.code", hasItem("520221"));
        as("520221").get("/api/v1/divisions/5202").then().statusCode(404);
        as("520221").get("/api/v1/divisions/520200").then().statusCode(404);

        // a province has no parent; a township needs one
        as("52").body("""
                        {"code":"53","name":"云南省","level":"PROVINCE","parentCode":"52"}""").post("/api/v1/divisions").then().statusCode(403);
        as("52").body("""
                        {"code":"52","name":"贵州省","level":"PROVINCE","parentCode":"5202"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parentCode"));
        as("52").body("""
                        {"code":"5203","name":"遵义市","level":"CITY","parentCode":"520221"}""").post("/api/v1/divisions").then().statusCode(400).body("errors[0].field", equalTo("level"));
    }

    @Test
    void aVillageIsAVillageOrACommunityAndMayBeAPovertyVillageThatExited() throws Exception {
        Fixtures.division(as("450481"), "450481", "测试县", "COUNTY", null);
        Fixtures.division(as("450481"), "450481101", "同心镇", "TOWNSHIP", "450481");
        as("450481")
                .body("""
                        {"code":"450481101201","name":"沙村","level":"VILLAGE","parentCode":"450481101",
                         "povertyVillage":true,"povertyExitYear":2016}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(201)
                .body("villageKind", equalTo("VILLAGE"))
                .body("povertyVillage", equalTo(true))
                .body("povertyExitYear", equalTo(2016));
        as("450481")
                .body("""
                        {"code":"450481101202","name":"城东社区","level":"VILLAGE","parentCode":"450481101",
                         "villageKind":"COMMUNITY"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(201)
                .body("villageKind", equalTo("COMMUNITY"))
                .body("povertyVillage", equalTo(false))
                .body("povertyExitYear", nullValue());
        JsonNode registered = Outboxes.events(dataSource, mapper, "450481101201", EventTypes.DIVISION_REGISTERED)
                .getFirst();
        EventSchemas.assertValid(EventTypes.DIVISION_REGISTERED, registered.toString());
        assertEquals("VILLAGE", registered.get("villageKind").asText());
        assertTrue(registered.get("povertyVillage").asBoolean());
        assertEquals(2016, registered.get("povertyExitYear").asInt());
        as("450481").get("/api/v1/divisions/450481101").then().body("villageKind", nullValue());
        // a division file names a community by its level 社区
        as("450481")
                .contentType("text/csv; charset=UTF-8")
                .body("区划代码,名称,层级,上级代码\n450481101206,张敬湾社区,社区,450481101\n450481101207,朝阳村,行政村,450481101\n")
                .post("/api/v1/divisions/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(2));
        as("450481").get("/api/v1/divisions/450481101206").then().body("villageKind", equalTo("COMMUNITY"));
        as("450481").get("/api/v1/divisions/450481101207").then().body("villageKind", equalTo("VILLAGE"));

        // a 贫困村 still to exit: its status changes with If-Match, audited, in the history and as an event
        as("450481").body("""
                        {"code":"450481101203","name":"凤阁村","level":"VILLAGE","parentCode":"450481101",
                         "povertyVillage":true}""").post("/api/v1/divisions").then().statusCode(201);
        String etag = as("450481").get("/api/v1/divisions/450481101203").header("ETag");
        String exited = """
                {"villageKind":"VILLAGE","povertyVillage":true,"povertyExitYear":2020,"reason":"2020 年贫困村出列"}""";
        as("450481")
                .body(exited)
                .put("/api/v1/divisions/450481101203/village-status")
                .then()
                .statusCode(428);
        as("450481")
                .header("If-Match", etag)
                .body(exited)
                .put("/api/v1/divisions/450481101203/village-status")
                .then()
                .statusCode(200)
                .body("povertyExitYear", equalTo(2020))
                .header("ETag", equalTo("\"1\""));
        List<JsonNode> set = Outboxes.events(dataSource, mapper, "450481101203", EventTypes.VILLAGE_STATUS_SET);
        assertEquals(1, set.size());
        EventSchemas.assertValid(EventTypes.VILLAGE_STATUS_SET, set.getFirst().toString());
        assertEquals(2020, set.getFirst().get("povertyExitYear").asInt());
        assertEquals(
                1,
                Outboxes.count(
                        dataSource,
                        "select count(*) from division_revision where division_code = '450481101203'"
                                + " and operation = 'VILLAGE' and reason = '2020 年贫困村出列'"
                                + " and changes::text like '%povertyExitYear%'"));
        as("450481")
                .header("If-Match", etag)
                .body(exited)
                .put("/api/v1/divisions/450481101203/village-status")
                .then()
                .statusCode(412);

        // an exit year of a village that was not poor, a year to come, status on a township: refused, nothing changed
        as("450481")
                .body("""
                        {"code":"450481101204","name":"错村","level":"VILLAGE","parentCode":"450481101",
                         "povertyVillage":false,"povertyExitYear":2018}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("povertyExitYear"))
                .body("errors[0].code", equalTo("NOT_A_POVERTY_VILLAGE"));
        as("450481")
                .body("""
                        {"code":"450481102","name":"错镇","level":"TOWNSHIP","parentCode":"450481",
                         "villageKind":"COMMUNITY"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("villageKind"));
        as("450481")
                .header("If-Match", "\"1\"")
                .body("""
                        {"villageKind":"VILLAGE","povertyVillage":true,"povertyExitYear":2100}""")
                .put("/api/v1/divisions/450481101203/village-status")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("FUTURE"));
        String townshipTag = as("450481").get("/api/v1/divisions/450481101").header("ETag");
        as("450481")
                .header("If-Match", townshipTag)
                .body("""
                        {"villageKind":"VILLAGE","povertyVillage":true}""")
                .put("/api/v1/divisions/450481101/village-status")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"));
        as("450481").get("/api/v1/divisions/450481101203").then().body("povertyExitYear", equalTo(2020));
        assertEquals(
                0,
                Outboxes.count(
                        dataSource, "select count(*) from division where code in ('450481101204', '450481102')"));
    }
}
