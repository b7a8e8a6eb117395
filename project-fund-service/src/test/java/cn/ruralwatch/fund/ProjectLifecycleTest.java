package cn.ruralwatch.fund;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A project's whole lifecycle, its budget against the fund batches, and disbursements that never overspend. */
@QuarkusTest
class ProjectLifecycleTest {

    static final String COUNTY = "450460";
    static final String TOWNSHIP = "450460101";
    static final String VILLAGE = "450460101201";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void countyIsKnown() {
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        FundFixtures.divisions(dataSource, COUNTY, TOWNSHIP, VILLAGE);
    }

    @Test
    void runsTheWholeLifecycleAndRecordsEachStep() throws Exception {
        int year = 2023;
        String central = FundFixtures.batch(COUNTY, "CENTRAL", year, 4, "3000000.00");
        String county = FundFixtures.batch(COUNTY, "COUNTY", year, 1, "500000.00");
        String household =
                FundFixtures.household(dataSource, VILLAGE, UUID.randomUUID().toString(), LocalDate.of(1975, 5, 1));

        // a village clerk puts the project into the pool
        RestAssured.requestSpecification = null;
        var created = Tokens.as(Roles.VILLAGE_CLERK, VILLAGE)
                .contentType(ContentType.JSON)
                .body("""
                        {"divisionCode":"450460101201","name":"凤阁村屯级道路硬化","projectType":"INFRASTRUCTURE",
                         "year":2023,"plannedInvestment":365500.00,"description":"屯级道路 0.85 公里",
                         "performanceTargets":[{"name":"道路里程","unit":"公里","target":0.85},
                                               {"name":"受益脱贫户","unit":"户","target":23}]}""")
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .body("stage", equalTo("RESERVE"))
                .body("allowedActions", contains("APPLY", "TERMINATE"))
                .body("budget", equalTo(0.0f))
                .body("spendingProgressPercent", nullValue())
                .extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);

        // approving a project still in the pool is not a step its stage allows: 409, nothing changes
        step(
                        id,
                        etag,
                        "{\"action\":\"APPROVE\",\"performedOn\":\"2023-04-01\",\"documentNumber\":\"x\","
                                + "\"budget\":[{\"batchId\":\"" + central + "\",\"amount\":1}]}")
                .statusCode(409)
                .body("errors[0].field", equalTo("action"))
                .body("errors[0].code", equalTo("ILLEGAL_TRANSITION"))
                // the stage and the actions in words
                .body("detail", equalTo("项目处于“项目库”阶段，不能办理“批复”；可办理：申报、终止"));
        assertEquals(1, Rows.count(dataSource, "select count(*) from project_step where project_id = '" + id + "'"));
        given().contentType(ContentType.JSON)
                .body("{\"action\":\"APPLY\",\"performedOn\":\"2023-03-01\"}")
                .post("/api/v1/projects/" + id + "/steps")
                .then()
                .statusCode(428);
        step(id, "\"99\"", "{\"action\":\"APPLY\",\"performedOn\":\"2023-03-01\"}")
                .statusCode(412);

        etag = step(id, etag, """
                        {"action":"APPLY","performedOn":"2023-03-01","note":"村民代表大会通过，公示 7 天无异议",
                         "attachments":[{"name":"村民代表大会记录.pdf","contentType":"application/pdf","size":1024,
                                         "reference":"DA-2023-0301"}]}""")
                .statusCode(200)
                .body("stage", equalTo("APPLIED"))
                .extract()
                .header("ETag");
        // a village clerk may not review
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGE)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"action\":\"REVIEW\",\"performedOn\":\"2023-03-10\"}")
                .post("/api/v1/projects/" + id + "/steps")
                .then()
                .statusCode(403);
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        etag = step(id, etag, "{\"action\":\"REVIEW\",\"performedOn\":\"2023-03-10\",\"note\":\"乡镇审核、县级论证通过\"}")
                .statusCode(200)
                .extract()
                .header("ETag");
        // approval needs the document number and a budget
        step(id, etag, "{\"action\":\"APPROVE\",\"performedOn\":\"2023-04-01\"}")
                .statusCode(400)
                .body("errors.field", hasItem("documentNumber"))
                .body("errors.field", hasItem("budget"));
        etag = step(
                        id,
                        etag,
                        "{\"action\":\"APPROVE\",\"performedOn\":\"2023-04-01\",\"documentNumber\":\"藤乡振发〔2023〕12号\","
                                + "\"budget\":[{\"batchId\":\"" + central + "\",\"amount\":300000},"
                                + "{\"batchId\":\"" + county + "\",\"amount\":65500}]}")
                .statusCode(200)
                .body("stage", equalTo("APPROVED"))
                .body("budget", equalTo(365500.00f))
                .body("budgetLines", hasSize(2))
                .body("spendingProgressPercent", equalTo(0.00f))
                .extract()
                .header("ETag");
        given().get("/api/v1/fund-batches/" + central)
                .then()
                .body("allocated", equalTo(300000.00f))
                .body("disbursed", equalTo(0.0f));

        etag = step(id, etag, "{\"action\":\"START\",\"performedOn\":\"2023-04-20\"}")
                .statusCode(200)
                .extract()
                .header("ETag");
        disburse(id, central, "120000.00", null).statusCode(201).body("amount", equalTo(120000.00f));
        // more than the line has left: refused with the remaining amount, nothing recorded
        long before = Rows.count(dataSource, "select count(*) from disbursement");
        disburse(id, county, "65500.01", null)
                .statusCode(409)
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].code", equalTo("EXCEEDS_BUDGET"))
                .body("errors[0].message", containsString("65500.00"));
        String unrelated = FundFixtures.batch(COUNTY, "CITY", year, 2, "10000.00");
        disburse(id, unrelated, "1.00", null).statusCode(400).body("errors[0].code", equalTo("NOT_IN_BUDGET"));
        assertEquals(before, Rows.count(dataSource, "select count(*) from disbursement"));
        // a retried request with the same key pays once
        String key = UUID.randomUUID().toString();
        String first =
                disburse(id, county, "30000.00", key).statusCode(201).extract().path("id");
        String again =
                disburse(id, county, "30000.00", key).statusCode(201).extract().path("id");
        assertEquals(first, again);

        etag = step(
                        id,
                        etag,
                        "{\"action\":\"REPORT_PROGRESS\",\"performedOn\":\"2023-06-01\",\"progressPercent\":60,"
                                + "\"actuals\":[{\"name\":\"道路里程\",\"actual\":0.5}]}")
                .statusCode(200)
                .body("progressPercent", equalTo(60))
                .body("performanceTargets.find { it.name == '道路里程' }.actual", equalTo(0.5f))
                .extract()
                .header("ETag");
        step(id, etag, "{\"action\":\"REPORT_PROGRESS\",\"performedOn\":\"2023-06-02\",\"progressPercent\":50}")
                .statusCode(400)
                .body("errors[0].code", equalTo("BACKWARDS"));
        etag = given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"households\":[{\"householdId\":\"" + household + "\",\"linkage\":\"EMPLOYMENT\"}]}")
                .put("/api/v1/projects/" + id + "/beneficiaries")
                .then()
                .statusCode(200)
                .body("beneficiaryHouseholds", equalTo(1))
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"households\":[{\"householdId\":\"" + UUID.randomUUID() + "\",\"linkage\":\"EMPLOYMENT\"}]}")
                .put("/api/v1/projects/" + id + "/beneficiaries")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("households[0].householdId"))
                .body("errors[0].code", equalTo("UNKNOWN_HOUSEHOLD"));
        etag = step(id, etag, "{\"action\":\"COMPLETE\",\"performedOn\":\"2023-08-01\"}")
                .statusCode(200)
                .body("progressPercent", equalTo(100))
                .extract()
                .header("ETag");
        etag = step(
                        id,
                        etag,
                        "{\"action\":\"ACCEPT\",\"performedOn\":\"2023-08-20\",\"documentNumber\":\"验收〔2023〕7号\","
                                + "\"actuals\":[{\"name\":\"道路里程\",\"actual\":0.85},{\"name\":\"受益脱贫户\",\"actual\":23}]}")
                .statusCode(200)
                .body("stage", equalTo("ACCEPTED"))
                .extract()
                .header("ETag");
        // a household-owned asset must be household-level and name its household
        step(
                        id,
                        etag,
                        "{\"action\":\"REGISTER_ASSETS\",\"performedOn\":\"2023-09-01\",\"assets\":[{\"name\":\"道路\","
                                + "\"assetClass\":\"PUBLIC_WELFARE\",\"ownerType\":\"HOUSEHOLD\",\"value\":1}]}")
                .statusCode(400)
                .body("errors.field", hasItem("assets[0].ownerHouseholdId"))
                .body("errors.field", hasItem("assets[0].assetClass"));
        step(
                        id,
                        etag,
                        "{\"action\":\"REGISTER_ASSETS\",\"performedOn\":\"2023-09-01\",\"assets\":[{\"name\":\"凤阁村屯级道路\","
                                + "\"assetClass\":\"PUBLIC_WELFARE\",\"ownerType\":\"VILLAGE_COLLECTIVE\","
                                + "\"ownerDivisionCode\":\"450460101201\",\"value\":365500}]}")
                .statusCode(200)
                .body("stage", equalTo("ASSETS_REGISTERED"))
                .body("allowedActions", hasSize(0))
                .body("disbursed", equalTo(150000.00f))
                .body("spendingProgressPercent", equalTo(41.04f));
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from project_asset where project_id = '" + id
                                + "' and owner_division_code = '450460101201' and value = 365500"));

        // each step with its actor, date, documents and what it changed
        given().queryParam("size", 50)
                .get("/api/v1/projects/" + id + "/steps")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(10))
                .body(
                        "items.toStage",
                        contains(
                                "RESERVE",
                                "APPLIED",
                                "REVIEWED",
                                "APPROVED",
                                "IMPLEMENTING",
                                "IMPLEMENTING",
                                "IMPLEMENTING",
                                "COMPLETED",
                                "ACCEPTED",
                                "ASSETS_REGISTERED"))
                .body("items[1].attachments[0].reference", equalTo("DA-2023-0301"))
                .body("items[0].actor", equalTo("test-" + Roles.VILLAGE_CLERK))
                .body("items[1].actor", equalTo("test-" + Roles.COUNTY_ADMIN))
                .body("items[3].documentNumber", equalTo("藤乡振发〔2023〕12号"))
                .body("items[3].details.budget", hasSize(2));

        // the events: one project.changed.v1 per step, one disbursement.recorded.v1 per payment, all valid
        List<TopicReader.Event> events = await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.FUND_EVENTS)
                                        .stream()
                                        .filter(e -> id.equals(e.key()))
                                        .toList(),
                        list -> list.size() == 12);
        for (TopicReader.Event event : events) {
            EventSchemas.assertValid(event.header("ce_type"), event.data());
        }
        assertEquals(
                2,
                events.stream()
                        .filter(e -> EventTypes.DISBURSEMENT_RECORDED.equals(e.header("ce_type")))
                        .count());
        assertTrue(events.getLast().data().contains("\"stage\":\"ASSETS_REGISTERED\""));
        // and one audit entry per change: the registration and the nine steps that changed the project
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.AUDIT_EVENTS)
                                        .stream()
                                        .filter(e -> id.equals(e.key()))
                                        .count(),
                        n -> n == 10);
    }

    @Test
    void concurrentDisbursementsNeverExceedTheBudget() throws Exception {
        String batch = FundFixtures.batch(COUNTY, "PROVINCIAL", 2022, 3, "1000000.00");
        String id = approvedProject(batch, "100000.00", 2022);
        // eight requests of 30,000 at once against a line of 100,000: exactly three can be paid
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() -> given().contentType(ContentType.JSON)
                        .body("{\"batchId\":\"" + batch
                                + "\",\"amount\":30000,\"paidOn\":\"2024-05-01\",\"payee\":\"某公司\"}")
                        .post("/api/v1/projects/" + id + "/disbursements")
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(requests)) {
                statuses.add(f.get());
            }
            assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from project_budget_line where project_id = '" + id
                                + "' and disbursed = 90000 and amount = 100000"));
        assertEquals(3, Rows.count(dataSource, "select count(*) from disbursement where project_id = '" + id + "'"));
        // and two that together exceed what is left: exactly one succeeds
        List<Integer> statuses = new ArrayList<>();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                requests.add(() -> given().contentType(ContentType.JSON)
                        .body("{\"batchId\":\"" + batch
                                + "\",\"amount\":6000,\"paidOn\":\"2024-05-02\",\"payee\":\"某公司\"}")
                        .post("/api/v1/projects/" + id + "/disbursements")
                        .statusCode());
            }
            for (Future<Integer> f : two.invokeAll(requests)) {
                statuses.add(f.get());
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(List.of(201, 409), statuses.stream().sorted().toList());
    }

    @Test
    void budgetsStayWithinTheirBatchesAndTerminationGivesBackWhatWasNotPaid() throws Exception {
        String batch = FundFixtures.batch(COUNTY, "CITY", 2024, 1, "200000.00");
        String first = approvedProject(batch, "150000.00", 2024);
        // a second project asking more than the batch has left is refused, naming the field and what is left
        String second = reviewedProject("INDUSTRY", 2024);
        String etag = given().get("/api/v1/projects/" + second).then().extract().header("ETag");
        step(
                        second,
                        etag,
                        "{\"action\":\"APPROVE\",\"performedOn\":\"2025-03-01\",\"documentNumber\":\"批复 2 号\","
                                + "\"budget\":[{\"batchId\":\"" + batch + "\",\"amount\":60000}]}")
                .statusCode(409)
                .body("errors[0].field", equalTo("budget[0].amount"))
                .body("errors[0].code", equalTo("EXCEEDS_BATCH"))
                .body("errors[0].message", containsString("50000.00"));
        given().get("/api/v1/projects/" + second).then().body("stage", equalTo("REVIEWED"));
        given().get("/api/v1/fund-batches/" + batch).then().body("allocated", equalTo(150000.00f));

        disburse(first, batch, "40000.00", null).statusCode(201);
        // an adjustment may not cut a line below what it has paid
        String firstTag =
                given().get("/api/v1/projects/" + first).then().extract().header("ETag");
        step(
                        first,
                        firstTag,
                        "{\"action\":\"ADJUST\",\"performedOn\":\"2025-04-01\",\"note\":\"调减\","
                                + "\"budget\":[{\"batchId\":\"" + batch + "\",\"amount\":30000}]}")
                .statusCode(409)
                .body("errors[0].code", equalTo("BELOW_DISBURSED"));
        firstTag = step(
                        first,
                        firstTag,
                        "{\"action\":\"TERMINATE\",\"performedOn\":\"2025-04-02\",\"note\":\"选址变更，终止实施\"}")
                .statusCode(200)
                .body("stage", equalTo("TERMINATED"))
                .body("budget", equalTo(40000.00f))
                .extract()
                .header("ETag");
        given().get("/api/v1/fund-batches/" + batch)
                .then()
                .body("allocated", equalTo(40000.00f))
                .body("disbursed", equalTo(40000.00f))
                .body("spendingProgressPercent", equalTo(20.00f));
        disburse(first, batch, "1.00", null).statusCode(409).body("detail", containsString("“已终止”阶段"));
        // what the termination gave back can now be approved for the second project
        step(
                        second,
                        etag,
                        "{\"action\":\"APPROVE\",\"performedOn\":\"2025-04-03\",\"documentNumber\":\"批复 2 号\","
                                + "\"budget\":[{\"batchId\":\"" + batch + "\",\"amount\":60000}]}")
                .statusCode(200);

        // the county's usage: 100,000 of 200,000 allocated, of which 60,000 to industry: 30 % < 60 % required
        given().queryParam("division", COUNTY)
                .queryParam("year", 2024)
                .get("/api/v1/fund-usage")
                .then()
                .statusCode(200)
                .body("fundsTotal", equalTo(200000.00f))
                .body("bySource[0].sourceLevel", equalTo("CITY"))
                .body("bySource[0].allocated", equalTo(100000.00f))
                .body("bySource[0].disbursed", equalTo(40000.00f))
                .body("bySource[0].spendingProgressPercent", equalTo(20.00f))
                .body("industryShare.industryBudget", equalTo(60000.00f))
                .body("industryShare.sharePercent", equalTo(30.00f))
                .body("industryShare.requiredPercent", equalTo(60.00f))
                .body("industryShare.belowRequirement", equalTo(true))
                .body("industryShare.warning", containsString("60000.00 元"))
                .body("projectsByStage.TERMINATED", equalTo(1))
                .body("children.find { it.divisionCode == '450460101' }.projects", equalTo(2));
        // a province raises its own requirement from 2024 on: its officials may, a county's may not, nor the province
        // another province's
        given().contentType(ContentType.JSON)
                .body("{\"minimumPercent\":65,\"note\":\"省定比例\"}")
                .put("/api/v1/share-requirements/INDUSTRY_DEVELOPMENT/45/2024")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        io.restassured.specification.RequestSpecification county = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.COUNTY_ADMIN, "450000")
                .contentType(ContentType.JSON)
                .body("{\"minimumPercent\":65,\"note\":\"省定比例\"}")
                .put("/api/v1/share-requirements/INDUSTRY_DEVELOPMENT/45/2024")
                .then()
                .statusCode(200)
                .body("minimumPercent", equalTo(65.00f));
        Tokens.as(Roles.COUNTY_ADMIN, "450000")
                .contentType(ContentType.JSON)
                .body("{\"minimumPercent\":65}")
                .put("/api/v1/share-requirements/INDUSTRY_DEVELOPMENT/44/2024")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        RestAssured.requestSpecification = county;
        given().queryParam("division", COUNTY)
                .queryParam("year", 2024)
                .get("/api/v1/fund-usage")
                .then()
                .body("industryShare.requiredPercent", equalTo(65.00f))
                .body("industryShare.requirementRegion", equalTo("45"));
        given().queryParam("division", "45046")
                .get("/api/v1/fund-usage")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("division"))
                .body("errors.field", hasItem("year"));
    }

    @Test
    void projectsAreSeenOnlyWithinTheCallersRegion() {
        String id = reviewedProject("EMPLOYMENT", 2021);
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.TOWNSHIP_OFFICER, TOWNSHIP)
                .get("/api/v1/projects/" + id)
                .then()
                .statusCode(200);
        Tokens.as(Roles.TOWNSHIP_OFFICER, "450460102")
                .get("/api/v1/projects/" + id)
                .then()
                .statusCode(404);
        Tokens.as(Roles.TOWNSHIP_OFFICER, "450460102")
                .queryParam("division", COUNTY)
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        Tokens.as(Roles.VILLAGE_CLERK, "450460102201")
                .contentType(ContentType.JSON)
                .body("{\"divisionCode\":\"450460101201\",\"name\":\"别村项目\",\"projectType\":\"OTHER\",\"year\":2025,"
                        + "\"plannedInvestment\":1}")
                .post("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("UNKNOWN_DIVISION"));
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
    }

    @Test
    void operatingAssetsEarnRevenueThatReachesHouseholdsUntilTheyAreDisposedOf() throws Exception {
        String batch = FundFixtures.batch(COUNTY, "CENTRAL", 2025, 9, "2000000.00");
        String id = approvedProject(batch, "357700.00", 2025);
        String etag = given().get("/api/v1/projects/" + id).then().extract().header("ETag");
        etag = step(id, etag, "{\"action\":\"COMPLETE\",\"performedOn\":\"2025-02-20\"}")
                .statusCode(200)
                .extract()
                .header("ETag");
        etag = step(id, etag, "{\"action\":\"ACCEPT\",\"performedOn\":\"2025-02-25\",\"documentNumber\":\"验收 9 号\"}")
                .statusCode(200)
                .extract()
                .header("ETag");
        step(
                        id,
                        etag,
                        "{\"action\":\"REGISTER_ASSETS\",\"performedOn\":\"2025-03-01\",\"assets\":["
                                + "{\"name\":\"95 个蔬菜大棚\",\"assetClass\":\"OPERATING\",\"ownerType\":\"VILLAGE_COLLECTIVE\","
                                + "\"ownerDivisionCode\":\"" + VILLAGE + "\",\"value\":357700},"
                                + "{\"name\":\"机耕路\",\"assetClass\":\"PUBLIC_WELFARE\",\"ownerType\":\"VILLAGE_COLLECTIVE\","
                                + "\"ownerDivisionCode\":\"" + VILLAGE + "\",\"value\":1}]}")
                .statusCode(200);
        String greenhouses = Rows.text(
                dataSource,
                "select id::text from project_asset where project_id = '" + id + "' and asset_class = 'OPERATING'");
        String road = Rows.text(
                dataSource,
                "select id::text from project_asset where project_id = '" + id
                        + "' and asset_class = 'PUBLIC_WELFARE'");
        String first =
                FundFixtures.household(dataSource, VILLAGE, UUID.randomUUID().toString(), LocalDate.of(1970, 1, 1));
        String second =
                FundFixtures.household(dataSource, VILLAGE, UUID.randomUUID().toString(), LocalDate.of(1972, 1, 1));

        // seed 002: 8% of the greenhouses' value returned in a year, part of it shared to households
        String revenue = "{\"year\":2025,\"amount\":28616.00,\"receivedOn\":\"2025-12-20\",\"note\":\"大棚租金\","
                + "\"shares\":[{\"householdId\":\"" + first + "\",\"amount\":300.00},"
                + "{\"householdId\":\"" + second + "\",\"amount\":%s}]}";
        given().contentType(ContentType.JSON)
                .body(revenue.formatted("28317.00"))
                .post("/api/v1/project-assets/" + greenhouses + "/revenues")
                .then()
                .statusCode(422)
                .body("errors[0].code", equalTo("EXCEEDS_REVENUE"));
        given().contentType(ContentType.JSON)
                .body(revenue.formatted("300.00"))
                .post("/api/v1/project-assets/" + road + "/revenues")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .body(revenue.formatted("300.00"))
                .post("/api/v1/project-assets/" + greenhouses + "/revenues")
                .then()
                .statusCode(201)
                .body("returnPercent", equalTo(8.00f))
                .body("distributed", equalTo(600.00f))
                .body("shares", hasSize(2));
        given().queryParam("householdId", second)
                .queryParam("year", 2025)
                .get("/api/v1/household-benefit-totals")
                .then()
                .statusCode(200)
                .body("items[0].byKind.ASSET_REVENUE", equalTo(300.00f));
        var asset = given().get("/api/v1/project-assets/" + greenhouses)
                .then()
                .statusCode(200)
                .body("revenueTotal", equalTo(28616.00f))
                .body("distributedTotal", equalTo(600.00f))
                .extract();
        given().queryParam("division", VILLAGE)
                .queryParam("assetClass", "OPERATING")
                .get("/api/v1/project-assets")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(greenhouses));
        // a value outside an enumeration parameter is a 400 naming it, not a 404
        given().queryParam("assetClass", "GREENHOUSE")
                .get("/api/v1/project-assets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("assetClass"))
                .body("errors[0].code", equalTo("NOT_ALLOWED"))
                .body("errors[0].message", containsString("OPERATING"));
        given().get("/api/v1/share-requirements/NO_SUCH_KIND/42/2024").then().statusCode(405);
        given().contentType(ContentType.JSON)
                .body("{\"minimumPercent\":50}")
                .put("/api/v1/share-requirements/NO_SUCH_KIND/42/2024")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));

        // disposed of: no more revenue, no second disposal
        String disposal =
                "{\"disposedOn\":\"2026-06-30\",\"method\":\"SCRAP\",\"reason\":\"大棚损毁，经村民代表会议同意报废\",\"proceeds\":0}";
        String disposed = given().contentType(ContentType.JSON)
                .header("If-Match", asset.header("ETag"))
                .body(disposal)
                .post("/api/v1/project-assets/" + greenhouses + "/disposal")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISPOSED"))
                .body("disposalMethod", equalTo("SCRAP"))
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", disposed)
                .body(disposal)
                .post("/api/v1/project-assets/" + greenhouses + "/disposal")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .body(revenue.formatted("300.00"))
                .post("/api/v1/project-assets/" + greenhouses + "/revenues")
                .then()
                .statusCode(409);
        assertEquals(
                1, Rows.count(dataSource, "select count(*) from asset_revenue where asset_id = '" + greenhouses + "'"));
    }

    private String reviewedProject(String type, int year) {
        var created = given().contentType(ContentType.JSON)
                .body("{\"divisionCode\":\"" + VILLAGE + "\",\"name\":\"项目 " + UUID.randomUUID()
                        + "\",\"projectType\":\"" + type + "\",\"year\":" + year + ",\"plannedInvestment\":100000}")
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract();
        String id = created.path("id");
        String etag = step(id, created.header("ETag"), "{\"action\":\"APPLY\",\"performedOn\":\"2025-01-10\"}")
                .statusCode(200)
                .extract()
                .header("ETag");
        step(id, etag, "{\"action\":\"REVIEW\",\"performedOn\":\"2025-01-20\"}").statusCode(200);
        return id;
    }

    private String approvedProject(String batch, String amount, int year) {
        String id = reviewedProject("INFRASTRUCTURE", year);
        String etag = given().get("/api/v1/projects/" + id).then().extract().header("ETag");
        etag = step(
                        id,
                        etag,
                        "{\"action\":\"APPROVE\",\"performedOn\":\"2025-02-01\",\"documentNumber\":\"批复 1 号\","
                                + "\"budget\":[{\"batchId\":\"" + batch + "\",\"amount\":" + amount + "}]}")
                .statusCode(200)
                .extract()
                .header("ETag");
        step(id, etag, "{\"action\":\"START\",\"performedOn\":\"2025-02-10\"}").statusCode(200);
        return id;
    }

    private static ValidatableResponse step(String id, String etag, String body) {
        return given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(body)
                .post("/api/v1/projects/" + id + "/steps")
                .then();
    }

    private static ValidatableResponse disburse(String id, String batch, String amount, String key) {
        var request = given().contentType(ContentType.JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body("{\"batchId\":\"" + batch + "\",\"amount\":" + amount
                        + ",\"paidOn\":\"2023-06-30\",\"payee\":\"藤县某建筑工程有限公司\",\"voucherNumber\":\"记-118\"}")
                .post("/api/v1/projects/" + id + "/disbursements")
                .then();
    }
}
