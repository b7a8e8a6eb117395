package cn.ruralwatch.household;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The division tree down to natural villages, imported from CSV, with population bases per year and its history. */
@QuarkusTest
class DivisionTreeTest {

    static final String COUNTY = "450428";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void callerOfTheCounty() {
        RestAssured.requestSpecification = null;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static RequestSpecification admin() {
        return Tokens.as(Roles.COUNTY_ADMIN, COUNTY);
    }

    private static RequestSpecification other() {
        return Tokens.as(Roles.COUNTY_ADMIN, "450429");
    }

    @Test
    void importsTheTreeParentsFirstReportsBadRowsAndChangesNothingTheSecondTime() throws Exception {
        // children before their parents, a bad code, a wrong level, a parent that is not the code's prefix
        String csv = """
                区划代码,名称,层级
                450428101201,凤阁村,行政村
                450428101201001,那勒屯,自然村
                450428,导入县,县
                450428101,城厢镇,乡镇
                4504281012,残缺代码,
                450428101202,大梳村,乡镇
                450428101203,六景村,
                """;
        admin().contentType("text/csv; charset=UTF-8")
                .body(csv)
                .post("/api/v1/divisions/import")
                .then()
                .statusCode(200)
                .body("rows", equalTo(7))
                .body("created", equalTo(5))
                .body("unchanged", equalTo(0))
                .body("errors", hasSize(2))
                .body("errors[0].row", equalTo(6))
                .body("errors[0].field", equalTo("code"))
                .body("errors[1].row", equalTo(7))
                .body("errors[1].field", equalTo("level"));
        admin().get("/api/v1/divisions/450428101201/children")
                .then()
                .body("items.code", contains("450428101201001"))
                .body("items[0].level", equalTo("HAMLET"));
        long events = count("select count(*) from outbox_event where event_type = '" + EventTypes.DIVISION_REGISTERED
                + "' and aggregate_id like '450428%'");
        assertEquals(5, events);

        // the same file again changes nothing; a later file renames
        admin().contentType("text/csv; charset=UTF-8")
                .body(csv)
                .post("/api/v1/divisions/import")
                .then()
                .body("created", equalTo(0))
                .body("unchanged", equalTo(5))
                .body("errors", hasSize(2));
        assertEquals(
                events,
                count("select count(*) from outbox_event where event_type = '" + EventTypes.DIVISION_REGISTERED
                        + "' and aggregate_id like '450428%'"));
        admin().contentType("text/csv; charset=UTF-8")
                .body("code,name\n450428101201,凤阁村（更名）\n")
                .post("/api/v1/divisions/import")
                .then()
                .body("renamed", equalTo(1));
        admin().get("/api/v1/divisions/450428101201/revisions")
                .then()
                .body("items.operation", contains("IMPORT", "IMPORT"))
                .body("items[0].changes[0].newValue", equalTo("凤阁村（更名）"));

        admin().contentType("text/csv; charset=UTF-8")
                .body("编号,名字\n1,2\n")
                .post("/api/v1/divisions/import")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("HEADER"));
    }

    @Test
    void keepsPopulationBasesPerYearWithHistory() throws Exception {
        Fixtures.division(other(), "450429", "人口县", "COUNTY", null);
        Fixtures.division(other(), "450429102", "同心镇", "TOWNSHIP", "450429");
        other().contentType(ContentType.JSON)
                .body(
                        "{\"registeredPopulation\":26512,\"agriculturalPopulation\":24643,\"households\":7174,\"reason\":\"2014 年末户籍统计\"}")
                .put("/api/v1/divisions/450429102/population/2014")
                .then()
                .statusCode(200)
                .body("year", equalTo(2014))
                .body("agriculturalPopulation", equalTo(24643));
        other().contentType(ContentType.JSON)
                .body("{\"registeredPopulation\":100,\"agriculturalPopulation\":120,\"households\":30}")
                .put("/api/v1/divisions/450429102/population/2015")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("agriculturalPopulation"));
        other().contentType(ContentType.JSON)
                .body("{\"registeredPopulation\":26600,\"agriculturalPopulation\":24700,\"households\":7180}")
                .put("/api/v1/divisions/450429102/population/2015")
                .then()
                .statusCode(200);
        other().get("/api/v1/divisions/450429102/population")
                .then()
                .body("year", contains(2014, 2015))
                .body("registeredPopulation", contains(26512, 26600));
        other().get("/api/v1/divisions/450429102/revisions")
                .then()
                .body("items.operation", hasItem("POPULATION"))
                .body(
                        "items.find { it.reason == '2014 年末户籍统计' }.changes.field",
                        hasItem("2014.agriculturalPopulation"));
        String event = text("select payload::text from outbox_event where event_type = '"
                + EventTypes.DIVISION_POPULATION_SET + "' and aggregate_id = '450429102' order by id limit 1");
        EventSchemas.assertValid(EventTypes.DIVISION_POPULATION_SET, event);
        // another county's officer sees none of it
        Tokens.as(Roles.COUNTY_ADMIN, COUNTY)
                .get("/api/v1/divisions/450429102/population")
                .then()
                .statusCode(404);
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
