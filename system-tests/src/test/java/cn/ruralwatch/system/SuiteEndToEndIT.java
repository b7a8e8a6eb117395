package cn.ruralwatch.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.embedded.LocalPersonalDataKeys;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.launcher.ComponentStatus;
import cn.ruralwatch.launcher.ServiceComponent;
import cn.ruralwatch.launcher.Suite;
import cn.ruralwatch.synthetic.SyntheticCounty;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.TestIdNumbers;
import cn.ruralwatch.testing.TopicReader;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The five packaged services, started as separate processes on a real PostgreSQL and Kafka, driven only through the
 * gateway as a caller would. With {@code -Druralwatch.target} the tests not tagged {@value SystemUnderTest#LOCAL_SUITE}
 * run against a deployment instead ({@link SystemUnderTest}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndIT {

    private static final String COUNTY = "450422";
    private static final String TOWNSHIP = "450422101";
    private static final String VILLAGE = "450422101201";

    private static final String REPORT_APPLIED_REGISTRATIONS =
            "select count(*) from inbox_event where consumer = 'report-service' and event_type = '"
                    + EventTypes.HOUSEHOLD_REGISTERED + "'";

    private static SystemUnderTest system;
    /** The suite started here; null in an external run, which leaves out the tests that use it. */
    private static Suite suite;

    private static OpenApiConformance conformance;

    @BeforeAll
    static void startSuite() throws Exception {
        Path logs = Path.of(System.getProperty("ruralwatch.logs", "target/suite-logs"));
        // a low rate limit, so that one test can exceed it without slowing the others
        system = SystemUnderTest.start(
                logs,
                Map.of(
                        "RURALWATCH_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "20",
                        "RURALWATCH_GATEWAY_RATE_LIMIT_BURST", "40"));
        suite = system.external() ? null : system.suite();
        RestAssured.baseURI = system.gatewayUrl();
        conformance = OpenApiConformance.of(system.gatewayUrl());
        RestAssured.filters(conformance);
        // the merged document, for .ci/contracts (lint, a generated TypeScript client compiled with tsc --strict)
        conformance.save(Path.of(System.getProperty("ruralwatch.openapi", "target/openapi/ruralwatch-openapi.json")));
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.requestSpecification = as("county-admin", COUNTY);
        if (system.external()) {
            // the county the first test registers (left out here): the reads of the external run ask about it
            json().body("""
                            {"code":"450422","name":"横县","level":"COUNTY"}""").post("/api/v1/divisions").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        }
        System.out.println(
                suite == null
                        ? "Testing the deployment at " + system.gatewayUrl()
                        : "Suite started: " + suite.startTimes());
    }

    private static RequestSpecification as(String role, String division) {
        return new RequestSpecBuilder()
                .addHeader(
                        "Authorization", "Bearer " + system.token("e2e-" + role, role, division, Duration.ofHours(1)))
                .build();
    }

    /** Every response the tests received matched the merged OpenAPI document (checked as the suite stops). */
    @AfterAll
    static void stopSuite() {
        RestAssured.requestSpecification = null;
        RestAssured.replaceFiltersWith(List.of());
        try {
            if (conformance != null) {
                conformance.assertConformance();
            }
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    @Test
    @Order(1)
    @Tag(SystemUnderTest.LOCAL_SUITE)
    void registeredHouseholdIsEvaluatedAndCountedThroughTheGateway() {
        division("""
                {"code":"450422","name":"横县","level":"COUNTY"}""");
        division("""
                {"code":"450422101","name":"同心镇","level":"TOWNSHIP","parentCode":"450422"}""");
        division("""
                {"code":"450422101201","name":"沙村","level":"VILLAGE","parentCode":"450422101"}""");
        String location = json().body("""
                        {"villageCode":"450422101201","members":[
                          {"name":"韦某强","idNumber":"%s","relation":"HEAD","attributes":{"medicalInsurance":"ENROLLED"}},
                          {"name":"黄某梅","idNumber":"%s","relation":"SPOUSE","attributes":{"medicalInsurance":"ENROLLED"}},
                          {"name":"韦某明","idNumber":"%s","relation":"SON"}]}""".formatted(
                                TestIdNumbers.next("19700312", true),
                                TestIdNumbers.next("19720105", false),
                                TestIdNumbers.next("20050620", true)))
                // a caller cannot name its own address: the gateway forwards the one it sees
                .header("X-Forwarded-For", "203.0.113.66")
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .header("Location", containsString(suite.gatewayUrl() + "/api/v1/households/"))
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().get("/api/v1/households/" + id + "/evaluations")
                        .then()
                        .statusCode(200)
                        .body(
                                "standards.find { it.standardCode == 'NATIONAL_HOUSEHOLD_2021' }.results"
                                        + ".find { it.indicatorCode == 'BASIC_MEDICAL_INSURANCE' }.met",
                                equalTo(false)));
        // the household is not monitored and fails 三保障: indicator-service's risk arrives as a warning clue
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().queryParam("householdId", id)
                        .get("/api/v1/warning-clues")
                        .then()
                        .statusCode(200)
                        .body("items.source", hasItem("INDICATOR_ALERT"))
                        .body("items.find { it.source == 'INDICATOR_ALERT' }.riskTypes", hasItem("ILLNESS"))
                        .body("items.find { it.source == 'INDICATOR_ALERT' }.description", containsString("基本医疗有保障")));
        given().queryParam("standard", "NATIONAL_HOUSEHOLD_2021")
                .queryParam("division", TOWNSHIP)
                .get("/api/v1/indicator-rates")
                .then()
                .statusCode(200)
                .body("indicators.find { it.indicatorCode == 'BASIC_MEDICAL_INSURANCE' }.denominator", equalTo(3))
                .body("indicators.find { it.indicatorCode == 'BASIC_MEDICAL_INSURANCE' }.numerator", equalTo(2));
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().queryParam("division", COUNTY)
                        .get("/api/v1/reports/overview")
                        .then()
                        .statusCode(200)
                        .body("households", equalTo(1))
                        .body("members", equalTo(3))
                        .body("evaluatedHouseholds", equalTo(1))
                        .body("householdsMeetingStandard", equalTo(0)));
        given().queryParam("division", TOWNSHIP)
                .get("/api/v1/households")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));

        List<TopicReader.Event> published =
                TopicReader.readAll(suite.kafka().bootstrapServers(), Topics.HOUSEHOLD_EVENTS);
        TopicReader.Event registered =
                published.stream().filter(e -> id.equals(e.key())).findFirst().orElseThrow();
        EventSchemas.assertValid(EventTypes.HOUSEHOLD_REGISTERED, registered.data());

        // an auditor sees the ID numbers masked, and finds the registration in the audit log
        RequestSpecification admin = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            String masked = "[0-9]{6}\\*{8}[0-9]{3}[0-9X]";
            given().spec(as("auditor", COUNTY))
                    .get("/api/v1/households/" + id)
                    .then()
                    .statusCode(200)
                    .body("members.idNumber", everyItem(matchesPattern(masked)));
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> given().spec(as("auditor", COUNTY))
                            .queryParam("entityId", id)
                            .get("/api/v1/audit-entries")
                            .then()
                            .statusCode(200)
                            .body("items.action", hasItem("CREATE"))
                            .body("items.actor", everyItem(equalTo("e2e-county-admin")))
                            .body("items.clientAddress", everyItem(org.hamcrest.Matchers.not(equalTo("203.0.113.66"))))
                            .body("items.clientAddress", everyItem(org.hamcrest.Matchers.notNullValue()))
                            .body("items.find { it.action == 'CREATE' }.revision", equalTo(0)));
            // the entry names the revision that holds the household as registered; the auditor reads it there
            String revisionPath = given().spec(as("auditor", COUNTY))
                    .queryParam("entityId", id)
                    .queryParam("action", "CREATE")
                    .get("/api/v1/audit-entries")
                    .then()
                    .statusCode(200)
                    .body("items[0].revisionPath", equalTo("/api/v1/households/" + id + "/revisions/0"))
                    .extract()
                    .path("items[0].revisionPath");
            given().spec(as("auditor", COUNTY))
                    .get(revisionPath)
                    .then()
                    .statusCode(200)
                    .body("revision.actor", equalTo("e2e-county-admin"))
                    .body(
                            "revision.changes.find { it.field == 'members[0].idNumber' }.newValue",
                            matchesPattern(masked));
        } finally {
            RestAssured.requestSpecification = admin;
        }
    }

    @Test
    @Order(2)
    @Tag(SystemUnderTest.LOCAL_SUITE)
    void badInputIsRefusedWithProblemsAndNothingIsStoredOrPublished() throws Exception {
        long households = count("household", "select count(*) from household");
        long outbox = count("household", "select count(*) from outbox_event");
        int events = TopicReader.readAll(suite.kafka().bootstrapServers(), Topics.HOUSEHOLD_EVENTS)
                .size();

        json().body("{\"villageCode\":")
                .post("/api/v1/households")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:malformed-json"));
        String valid = TestIdNumbers.next("19600101", true);
        String wrongCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        refused(household(VILLAGE, wrongCheckDigit, "HEAD"), 400, "members[0].idNumber", "CHECK_DIGIT");
        refused(
                household("450422101299", TestIdNumbers.next("19600102", true), "HEAD"),
                400,
                "villageCode",
                "UNKNOWN_VILLAGE");
        refused(
                """
                {"villageCode":"%s","members":[{"name":"甲","idNumber":"%s","relation":"HEAD"},
                                               {"name":"乙","idNumber":"%s","relation":"HEAD"}]}""".formatted(VILLAGE, TestIdNumbers.next("19600103", true), TestIdNumbers.next("19600104", false)),
                400,
                "members",
                "HEAD_COUNT");
        json().body("{\"villageCode\":\"" + "9".repeat(10 * 1024 * 1024) + "\"}")
                .post("/api/v1/households")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:payload-too-large"));
        given().contentType("application/xml")
                .body("<household/>")
                .post("/api/v1/households")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");

        assertEquals(households, count("household", "select count(*) from household"), "no household stored");
        assertEquals(outbox, count("household", "select count(*) from outbox_event"), "no event written");
        assertEquals(
                events,
                TopicReader.readAll(suite.kafka().bootstrapServers(), Topics.HOUSEHOLD_EVENTS)
                        .size(),
                "nothing published");
    }

    @Test
    @Order(3)
    @Tag(SystemUnderTest.LOCAL_SUITE)
    void registrationsDuringKafkaOutageReachTheReportExactlyOnce() throws Exception {
        int before = given().queryParam("division", COUNTY)
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .extract()
                .path("households");
        long applied = count("report", REPORT_APPLIED_REGISTRATIONS);
        suite.kafka().stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                ids.add(json().body(household(VILLAGE, TestIdNumbers.next("19851010", i % 2 == 0), "HEAD"))
                        .post("/api/v1/households")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
            }
            assertEquals(
                    20,
                    count(
                            "household",
                            "select count(*) from outbox_event where published_at is null and event_type = '"
                                    + EventTypes.HOUSEHOLD_REGISTERED + "'"),
                    "the 20 events wait in the outbox");
        } finally {
            suite.kafka().start();
        }
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().queryParam("division", COUNTY)
                        .get("/api/v1/reports/overview")
                        .then()
                        .body("households", equalTo(before + 20))
                        .body("evaluatedHouseholds", equalTo(before + 20)));
        Set<String> reported = new HashSet<>();
        try (Connection c = connect("report");
                PreparedStatement s = c.prepareStatement(
                        "select household_id::text from known_household where household_id::text = any(?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reported.add(rs.getString(1));
                }
            }
        }
        assertEquals(new HashSet<>(ids), reported);
        assertEquals(
                applied + 20,
                count("report", REPORT_APPLIED_REGISTRATIONS),
                "each registration applied once by the report");
    }

    @Test
    @Order(4)
    @Tag(SystemUnderTest.LOCAL_SUITE)
    void gatewayServesOneMergedOpenApiDocumentAndSwaggerUi() {
        // a service still catching up after the Kafka outage may answer its document later than the gateway waits
        // (a 502 naming it); the merged document is served once all four answer
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200));
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.keySet()",
                        hasItems(
                                "/api/v1/divisions",
                                "/api/v1/households",
                                "/api/v1/households/{id}/evaluations",
                                "/api/v1/indicator-standards",
                                "/api/v1/indicator-rates",
                                "/api/v1/fund-batches",
                                "/api/v1/projects/{id}/steps",
                                "/api/v1/fund-usage",
                                "/api/v1/share-requirements/{kind}/{regionCode}/{fromYear}",
                                "/api/v1/pv-distribution-plans/{id}/publication",
                                "/api/v1/pv-revenue-summaries",
                                "/api/v1/household-benefit-totals",
                                "/api/v1/microcredit-loans/{id}/repayment",
                                "/api/v1/reports/overview"))
                .body("components.schemas.Problem.type", equalTo("object"));
        // every operation declares who may call it (the access matrix) and answers every error as a problem
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .extract()
                .jsonPath()
                .getMap("paths");
        int operations = 0;
        List<String> untyped = new java.util.ArrayList<>();
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().entrySet()) {
                if (!(method.getValue() instanceof Map<?, ?> operation) || !operation.containsKey("responses")) {
                    continue;
                }
                operations++;
                String where = method.getKey() + " " + path.getKey();
                List<?> security = (List<?>) operation.get("security");
                assertTrue(
                        security != null && !((Map<?, ?>) security.getFirst()).isEmpty(), where + " declares no roles");
                Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
                assertTrue(responses.containsKey("401") && responses.containsKey("403"), where + " lacks 401/403");
                // what a generated client gets back: every operation answers some 2xx, and every 2xx but 204 has a
                // typed body
                if (responses.keySet().stream().noneMatch(k -> String.valueOf(k).startsWith("2"))) {
                    untyped.add(where + " declares no success response");
                }
                for (var response : responses.entrySet()) {
                    String status = String.valueOf(response.getKey());
                    if (status.startsWith("2") && !status.equals("204")) {
                        Map<?, ?> content = (Map<?, ?>) ((Map<?, ?>) response.getValue()).get("content");
                        if (content == null
                                || content.isEmpty()
                                || content.values().stream()
                                        .anyMatch(media -> ((Map<?, ?>) media).get("schema") == null)) {
                            untyped.add(where + " answers " + status + " without a schema");
                        }
                    }
                }
                // the gateway's limit and a database briefly away, each with the seconds to wait
                for (String busy : List.of("429", "503")) {
                    Map<?, ?> answer = (Map<?, ?>) responses.get(busy);
                    assertTrue(answer != null, where + " lacks " + busy);
                    Map<?, ?> headers = (Map<?, ?>) answer.get("headers");
                    assertTrue(
                            headers != null && headers.containsKey("Retry-After"),
                            where + " " + busy + " lacks Retry-After");
                }
                for (var response : responses.entrySet()) {
                    if (String.valueOf(response.getKey()).matches("[45]\\d\\d")) {
                        Map<?, ?> content = (Map<?, ?>) ((Map<?, ?>) response.getValue()).get("content");
                        assertTrue(
                                content != null && content.containsKey("application/problem+json"),
                                where + " answers " + response.getKey() + " without a problem body");
                    }
                }
            }
        }
        assertTrue(operations > 100, "operations in the merged document: " + operations);
        assertTrue(untyped.isEmpty(), "operations a generated client cannot type: " + String.join("; ", untyped));
        given().get("/q/openapi").then().statusCode(200).contentType(containsString("yaml"));
        // health checks and metrics are the operators' and the orchestrator's, on the management port only: the
        // gateway's public port does not answer them, nor do the services' own public ports
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            given().get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ruralwatch:problem:route-not-found"));
            given().baseUri(suite.service("household-service").url())
                    .get(path)
                    .then()
                    .statusCode(404);
        }
        given().baseUri(managementUrl("gateway"))
                .get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().baseUri(managementUrl("gateway"))
                .get("/q/health/group/services")
                .then()
                .statusCode(200)
                .body("checks[0].data.household", equalTo("UP"))
                .body("checks[0].data.report", equalTo("UP"));
        String gatewayMetrics = given().baseUri(managementUrl("gateway"))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests"))
                .extract()
                .asString();
        // the households registered before this test went through the gateway: their ids are no label values
        assertTrue(
                !java.util.regex.Pattern.compile("uri=\"[^\"]*[0-9a-f]{8}-[0-9a-f]{4}-")
                        .matcher(gatewayMetrics)
                        .find(),
                "request metrics are labelled by route template, not by id");
        assertTrue(gatewayMetrics.contains("uri=\"/api/v1/households/{id}"), "the household routes' template");
        given().baseUri(managementUrl("household-service"))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("outbox_events_published"));
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .body(containsString("swagger-ui"))
                .body(containsString("/q/openapi"));
    }

    /**
     * A frontend shows every code in words with one call: the gateway's code tables, one per enumeration of the merged
     * document, each code with its Chinese and English label, for any role, cached by ETag.
     */
    @Test
    @Order(4)
    void gatewayServesTheCodeTablesInBothLanguagesToEveryRole() {
        Map<String, Map<String, Object>> schemas = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("components.schemas");
        var all = given().get("/api/v1/code-tables")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", matchesPattern("private, max-age=[1-9][0-9]*"))
                .header("ETag", matchesPattern("\"[0-9a-f]{32}\""))
                .extract();
        List<Map<String, Object>> tables = all.jsonPath().getList("$");
        Map<String, List<?>> enumerations = new java.util.TreeMap<>();
        schemas.forEach((name, schema) -> {
            if (schema.get("enum") instanceof List<?> values) {
                enumerations.put(name, values);
            }
        });
        assertEquals(
                List.copyOf(enumerations.keySet()),
                tables.stream().map(t -> t.get("name")).toList());
        assertTrue(tables.size() > 50, "code tables: " + tables.size());
        for (Map<String, Object> table : tables) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> codes = (List<Map<String, String>>) table.get("codes");
            assertEquals(
                    enumerations.get(table.get("name")),
                    codes.stream().map(c -> c.get("code")).toList(),
                    table.get("name") + " lists the document's codes in its order");
            for (Map<String, String> code : codes) {
                String which = table.get("name") + "." + code.get("code");
                assertTrue(!code.get("zh").equals(code.get("code")), which + " has a Chinese label");
                assertTrue(!code.get("en").equals(code.get("code")), which + " has an English label");
                assertEquals(
                        code.get("zh"),
                        ((Map<?, ?>) ((Map<?, ?>) schemas.get(table.get("name")).get("x-enum-labels")).get("zh"))
                                .get(code.get("code")),
                        which + " reads as the document labels it");
            }
        }

        // one table, from any service
        String etag = given().get("/api/v1/code-tables/MonitoringCategory")
                .then()
                .statusCode(200)
                .body("name", equalTo("MonitoringCategory"))
                .body("description", equalTo("监测对象类别"))
                .body("codes.code", equalTo(List.of("UNSTABLE_EXITED", "EDGE_AT_RISK", "SUDDEN_HARDSHIP")))
                .body("codes.zh", equalTo(List.of("脱贫不稳定户", "边缘易致贫户", "突发严重困难户")))
                .body("codes[1].en", equalTo("Edge household at risk of poverty"))
                .extract()
                .header("ETag");
        given().get("/api/v1/code-tables/ProjectStage")
                .then()
                .statusCode(200)
                .body("codes.find { it.code == 'ASSETS_REGISTERED' }.zh", equalTo("资产已确权"));
        // a copy still current costs no body
        given().header("If-None-Match", etag)
                .get("/api/v1/code-tables/MonitoringCategory")
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag));
        given().header("If-None-Match", etag).get("/api/v1/code-tables").then().statusCode(200);
        given().get("/api/v1/code-tables/Monitoring")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:not-found"))
                .body("detail", containsString("Monitoring"));

        // the default specification's token would be merged in as a second Authorization header
        RequestSpecification admin = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            // every role reads them, the operator, who sees no household data, too; /me lists them
            given().spec(as("operator", COUNTY))
                    .get("/api/v1/code-tables/MonitoringCategory")
                    .then()
                    .statusCode(200)
                    .header("ETag", equalTo(etag));
            given().spec(as("auditor", COUNTY))
                    .get("/api/v1/me")
                    .then()
                    .statusCode(200)
                    .body("operations", hasItems("listCodeTables", "getCodeTable"));
            given().get("/api/v1/code-tables")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer"));
        } finally {
            RestAssured.requestSpecification = admin;
        }
    }

    @Test
    @Order(5)
    void gatewayAndServicesRefuseMissingTokensAndRolesWithoutThePermission() {
        RequestSpecification admin = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            given().queryParam("division", COUNTY)
                    .get("/api/v1/reports/overview")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer"))
                    .body("type", equalTo("urn:ruralwatch:problem:unauthorized"));
            given().header("Authorization", "Bearer forged.token.value")
                    .get("/api/v1/households")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
            given().spec(as("village-clerk", VILLAGE))
                    .contentType(ContentType.JSON)
                    .body("""
                            {"code":"450423","name":"越权县","level":"COUNTY"}""")
                    .post("/api/v1/divisions")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ruralwatch:problem:forbidden"));
        } finally {
            RestAssured.requestSpecification = admin;
        }
    }

    @Test
    @Order(6)
    void gatewaySendsSecurityHeadersAndAllowsTheFrontendOrigin() {
        given().queryParam("division", COUNTY)
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Cache-Control", equalTo("no-store"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/households")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
        String refused = given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/households")
                .then()
                .extract()
                .header("Access-Control-Allow-Origin");
        assertTrue(refused == null, "no CORS grant for an unknown origin");
        // a frontend asks who it is and may read the headers it needs (the file name of a download among them)
        given().header("Origin", "http://localhost:5173")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .header("Access-Control-Expose-Headers", containsString("Content-Disposition"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .body("roles", hasItem("county-admin"))
                .body("division.code", equalTo(COUNTY))
                .body("operations", hasItem("registerHousehold"));

        // the default specification's token would be merged in as a second Authorization header
        RequestSpecification admin = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            String auditorToken = system.token("e2e-auditor", "auditor", COUNTY, Duration.ofHours(1));
            given().header("Authorization", "Bearer " + auditorToken)
                    .header("Authorization", "Bearer " + auditorToken)
                    .queryParam("division", COUNTY)
                    .get("/api/v1/reports/overview")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ruralwatch:problem:bad-request"))
                    .body("detail", containsString("Authorization"));
        } finally {
            RestAssured.requestSpecification = admin;
        }
    }

    /** Needs the suite started here: it gives the gateway a rate limit low enough for one test to exceed. */
    @Test
    @Order(8)
    @Tag(SystemUnderTest.LOCAL_SUITE)
    void gatewayLimitsEachClient() {
        RequestSpecification admin = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            RequestSpecification burst = as("auditor", COUNTY);
            io.restassured.response.Response limited = null;
            for (int i = 0; i < 400 && limited == null; i++) {
                var response =
                        given().spec(burst).queryParam("division", COUNTY).get("/api/v1/reports/overview");
                if (response.statusCode() == 429) {
                    limited = response;
                } else {
                    assertEquals(200, response.statusCode());
                }
            }
            assertTrue(limited != null, "a client above its rate is refused");
            limited.then()
                    .contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                    .body("type", equalTo("urn:ruralwatch:problem:too-many-requests"));
            // another client is not affected
            given().spec(admin)
                    .queryParam("division", COUNTY)
                    .get("/api/v1/reports/overview")
                    .then()
                    .statusCode(200);
        } finally {
            RestAssured.requestSpecification = admin;
        }
    }

    @Test
    @Order(7)
    @Tag(SystemUnderTest.LOCAL_SUITE)
    void aServiceInTheProdProfileRefusesTheDevelopmentIssuer() throws Exception {
        Path runner = Path.of(System.getProperty("ruralwatch.root", ".."))
                .toAbsolutePath()
                .resolve("household-service/target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile("prod-with-dev-issuer", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "-jar",
                        runner.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment()
                .put("QUARKUS_DATASOURCE_JDBC_URL", suite.postgres().jdbcUrl("household"));
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", suite.kafka().bootstrapServers());
        builder.environment().put("RURALWATCH_OUTBOX_RELAY_ENABLED", "false");
        // a complete configuration otherwise, so that only the issuer can be what stops it
        builder.environment()
                .putAll(LocalPersonalDataKeys.inDirectory(Files.createTempDirectory("prod-keys"))
                        .environment("standard"));
        builder.environment().put("MP_JWT_VERIFY_ISSUER", suite.identity().issuer());
        builder.environment()
                .put(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        "file:" + suite.identity().publicKeyFile());
        Process process = builder.start();
        boolean exited = process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "the service must not stay up");
        assertTrue(process.exitValue() != 0, "the service must fail to start");
        assertTrue(
                Files.readString(log).contains("cannot be trusted in the prod profile"),
                "the log says why: " + Files.readString(log));
    }

    /**
     * What fault-injection tests and operators rely on: each component stops, dies and comes back on its own, on its
     * own port with its data, and the suite's status tells each one's truth meanwhile.
     */
    @Test
    @Order(13)
    @Tag(SystemUnderTest.LOCAL_SUITE)
    void eachComponentStopsDiesAndComesBackOnItsOwnAndTheStatusSaysSo() throws Exception {
        assertTrue(
                suite.status().stream().allMatch(ComponentStatus::healthy),
                suite.status().toString());

        // kill -9: no shutdown at all; the gateway notices, the rest runs on
        long killed = suite.service("household-service").pid().getAsLong();
        suite.kill("household-service");
        assertEquals(ComponentStatus.State.DOWN, state("household-service"));
        assertTrue(ProcessHandle.of(killed).isEmpty(), "the process has gone");
        assertEquals(ComponentStatus.State.HEALTHY, state("report-service"));
        // the gateway stays ready (it routes to the others; household's routes answer 502), and its services group
        // names the one that is down
        given().baseUri(managementUrl("gateway")).get("/q/health/ready").then().statusCode(200);
        given().baseUri(managementUrl("gateway"))
                .get("/q/health/group/services")
                .then()
                .statusCode(503)
                .body("checks[0].data.household", equalTo("UNREACHABLE"))
                .body("checks[0].data.report", equalTo("UP"));
        assertEquals(ComponentStatus.State.HEALTHY, state("gateway"));
        suite.start("household-service");
        assertEquals(ComponentStatus.State.HEALTHY, state("household-service"));
        int before = given().queryParam("division", COUNTY)
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .extract()
                .path("households");
        String id = json().body(household(VILLAGE, TestIdNumbers.next("19900101", true), "HEAD"))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().queryParam("division", COUNTY)
                        .get("/api/v1/reports/overview")
                        .then()
                        .body("households", equalTo(before + 1)));

        suite.stop("kafka");
        assertEquals(ComponentStatus.State.DOWN, state("kafka"));
        // the services stay ready without Kafka: the outbox holds what they publish until it is back
        await().during(Duration.ofSeconds(10))
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().baseUri(managementUrl("household-service"))
                        .get("/q/health/ready")
                        .then()
                        .statusCode(200));
        suite.start("kafka");
        assertEquals(ComponentStatus.State.HEALTHY, state("kafka"));

        // PostgreSQL comes back on the same port with the same data, and the services find it again
        long households = count("household", "select count(*) from household");
        int port = suite.postgres().port();
        suite.stop("postgres");
        assertEquals(ComponentStatus.State.DOWN, state("postgres"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(ComponentStatus.State.UNHEALTHY, state("household-service")));
        suite.start("postgres");
        assertEquals(port, suite.postgres().port());
        assertEquals(households, count("household", "select count(*) from household"));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertTrue(
                        suite.status().stream().allMatch(ComponentStatus::healthy),
                        suite.status().toString()));

        // a second instance on a port of its own, on the same database
        ServiceComponent replica = suite.startReplica("household-service");
        assertTrue(replica.port() != suite.service("household-service").port());
        given().baseUri(replica.url())
                .get("/api/v1/households/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        assertEquals(ComponentStatus.State.HEALTHY, state(replica.name()));
        suite.kill(replica.name());
        assertEquals(ComponentStatus.State.DOWN, state(replica.name()));
    }

    /** A service's management interface: its health checks and metrics. */
    private static String managementUrl(String service) {
        return suite.service(service).managementUrl();
    }

    private static ComponentStatus.State state(String component) {
        return suite.status().stream()
                .filter(status -> status.name().equals(component))
                .findFirst()
                .orElseThrow()
                .state();
    }

    /** Runs last: it stops report-service to see the gateway answer for a service that is down. */
    @Test
    @Order(Integer.MAX_VALUE)
    @Tag(SystemUnderTest.LOCAL_SUITE)
    void gatewayCarriesRequestIdsAndAnswersProblemsForUnknownRoutesAndDownServices() {
        given().header("X-Request-Id", "e2e-request-1")
                .queryParam("division", COUNTY)
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .header("X-Request-Id", equalTo("e2e-request-1"));
        given().get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:route-not-found"));
        given().baseUri(managementUrl("gateway"))
                .get("/q/health/group/services")
                .then()
                .statusCode(200);

        suite.service("report-service").stop(Duration.ofSeconds(20));
        given().queryParam("division", COUNTY)
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralwatch:problem:bad-gateway"))
                .body("detail", containsString("report"))
                .body(not(containsString("Exception")));
        given().baseUri(managementUrl("gateway"))
                .get("/q/health/group/services")
                .then()
                .statusCode(503)
                .body("checks[0].data.report", equalTo("UNREACHABLE"));
        given().baseUri(managementUrl("gateway")).get("/q/health/ready").then().statusCode(200);
    }

    /**
     * A caller's trace and request id go on through the gateway, household-service, Kafka and indicator-service: the
     * events each service publishes carry them ({@code ce_traceparent}, {@code ce_requestid}), though no service here
     * exports spans.
     */
    @Test
    @Order(8)
    void aCallersTraceAndRequestIdGoOnThroughTheEventsOfEveryService() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestId = "e2e-trace-" + traceId;
        String id = json().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Request-Id", requestId)
                .body(household(VILLAGE, TestIdNumbers.next("19630507", true), "HEAD"))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        TopicReader.Event registered = await().atMost(Duration.ofSeconds(30))
                .until(() -> event(Topics.HOUSEHOLD_EVENTS, id, EventTypes.HOUSEHOLD_REGISTERED), e -> e != null);
        assertEquals(traceId, registered.header("ce_traceparent").split("-")[1], "household-service's event");
        assertEquals(requestId, registered.header("ce_requestid"));
        TopicReader.Event evaluated = await().atMost(Duration.ofSeconds(30))
                .until(() -> event(Topics.INDICATOR_EVENTS, id, EventTypes.EVALUATION_CHANGED), e -> e != null);
        String[] traceparent = evaluated.header("ce_traceparent").split("-");
        assertEquals(traceId, traceparent[1], "indicator-service's event, caused by household-service's");
        assertEquals(requestId, evaluated.header("ce_requestid"));
        assertTrue(
                !traceparent[2].equals(registered.header("ce_traceparent").split("-")[2]),
                "each service's span in between");
    }

    private static TopicReader.Event event(String topic, String key, String type) {
        return TopicReader.readAll(suite.kafka().bootstrapServers(), topic).stream()
                .filter(e -> key.equals(e.key()) && type.equals(e.header("ce_type")))
                .findFirst()
                .orElse(null);
    }

    @Test
    @Order(9)
    @Tag(SystemUnderTest.LOCAL_SUITE)
    void monitoringWorkflowRunsFromClueToRiskEliminationThroughTheGateway() throws Exception {
        RequestSpecification admin = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            monitoringWorkflow(admin);
        } finally {
            RestAssured.requestSpecification = admin;
        }
    }

    @Test
    @Order(10)
    void aCountyFileIsImportedThroughTheGatewayOnce() {
        RequestSpecification previous = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            countyFileImport();
        } finally {
            RestAssured.requestSpecification = previous;
        }
    }

    @Test
    @Order(11)
    @Tag(SystemUnderTest.LOCAL_SUITE)
    void aProjectRunsItsWholeLifecycleThroughTheGatewayAndItsPaymentsBenefitsAndPvRevenueReachTheReport() {
        String batch = json().body("""
                        {"countyCode":"450422","sourceLevel":"CENTRAL","year":2023,"batchNumber":5,"amount":1000000,
                         "documentNumber":"桂财农〔2023〕45号","purpose":"产业发展"}""")
                .post("/api/v1/fund-batches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var created = json().body("""
                        {"divisionCode":"450422101201","name":"沙村百香果基地","projectType":"INDUSTRY","year":2023,
                         "plannedInvestment":357700}""")
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .body("stage", equalTo("RESERVE"))
                .extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        for (String step : List.of(
                "{\"action\":\"APPLY\"",
                "{\"action\":\"REVIEW\"",
                "{\"action\":\"APPROVE\",\"documentNumber\":\"批复 5 号\",\"budget\":[{\"batchId\":\"" + batch
                        + "\",\"amount\":357700}]",
                "{\"action\":\"START\"")) {
            etag = json().header("If-Match", etag)
                    .body(step + ",\"performedOn\":\"" + today + "\"}")
                    .post("/api/v1/projects/" + id + "/steps")
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
        }
        json().body("{\"batchId\":\"" + batch + "\",\"amount\":357700.01,\"paidOn\":\"" + today
                        + "\",\"payee\":\"合作社\"}")
                .post("/api/v1/projects/" + id + "/disbursements")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].code", equalTo("EXCEEDS_BUDGET"));
        json().body("{\"batchId\":\"" + batch + "\",\"amount\":357700,\"paidOn\":\"" + today + "\",\"payee\":\"合作社\"}")
                .post("/api/v1/projects/" + id + "/disbursements")
                .then()
                .statusCode(201);
        for (String step : List.of(
                "{\"action\":\"COMPLETE\"",
                "{\"action\":\"ACCEPT\"",
                "{\"action\":\"REGISTER_ASSETS\",\"assets\":[{\"name\":\"百香果大棚\",\"assetClass\":\"OPERATING\","
                        + "\"ownerType\":\"VILLAGE_COLLECTIVE\",\"ownerDivisionCode\":\"450422101201\",\"value\":357700}]")) {
            etag = json().header("If-Match", etag)
                    .body(step + ",\"performedOn\":\"" + today + "\"}")
                    .post("/api/v1/projects/" + id + "/steps")
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
        }
        given().get("/api/v1/projects/" + id)
                .then()
                .statusCode(200)
                .body("stage", equalTo("ASSETS_REGISTERED"))
                .body("spendingProgressPercent", equalTo(100.00f));
        given().queryParam("division", COUNTY)
                .queryParam("year", 2023)
                .get("/api/v1/fund-usage")
                .then()
                .statusCode(200)
                .body("industryShare.sharePercent", equalTo(35.77f))
                .body("industryShare.belowRequirement", equalTo(true));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("division", COUNTY)
                .queryParam("year", 2023)
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("linkageFunds.disbursed", equalTo(357700.00f))
                .body("linkageFunds.projects", equalTo(1)));

        // a 脱贫户 of the village gets an industry reward: it shows up in its yearly totals and in the report
        String household = json().body("""
                        {"villageCode":"450422101201","attributes":{"povertyStatus":"EXITED","exitYear":2019,"industries":["百香果"]},
                         "members":[{"name":"韦某强","idNumber":"%s","relation":"HEAD",
                                     "attributes":{"laborAbility":"ORDINARY","medicalInsurance":"ENROLLED"}}]}""".formatted(TestIdNumbers.next("19790312", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> count(
                                "project_fund",
                                "select count(*) from known_member where household_id = '" + household + "'")
                        == 1);
        json().body("""
                        {"householdId":"%s","kind":"INDUSTRY_REWARD","amount":1540.00,"grantedOn":"2023-09-20",
                         "description":"2023 年农业特色产业帮扶奖补：百香果 3 亩"}""".formatted(household))
                .post("/api/v1/household-benefits")
                .then()
                .statusCode(201);
        given().queryParam("householdId", household)
                .queryParam("year", 2023)
                .get("/api/v1/household-benefit-totals")
                .then()
                .statusCode(200)
                .body("items[0].total", equalTo(1540.00f));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("division", "450422101201")
                .queryParam("year", 2023)
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("householdBenefits.households", equalTo(1))
                .body("householdBenefits.total", equalTo(1540.00f)));

        // the village's PV station earns in 2023, and its plan, once published, pays a member of the household for a
        // public-welfare job: the report counts the station's revenue, the plan, and the wage among the benefits
        String member = given().get("/api/v1/households/" + household)
                .then()
                .statusCode(200)
                .extract()
                .path("members[0].id");
        String station = json().body("""
                        {"villageCode":"450422101201","name":"沙村光伏电站","capacityKw":60.00,"connectedOn":"2019-06-30"}""")
                .post("/api/v1/pv-stations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (int month = 1; month <= 2; month++) {
            json().body("{\"generationKwh\":6000.00,\"revenue\":5000.00}")
                    .put("/api/v1/pv-stations/" + station + "/outputs/2023/" + month)
                    .then()
                    .statusCode(200);
        }
        var plan = json().body("""
                        {"divisionCode":"450422101201","year":2023,"distributable":10000.00,
                         "documentNumber":"沙村光伏收益分配方案",
                         "jobs":[{"title":"护林员","villageCode":"450422101201",
                                  "holders":[{"memberId":"%s","monthlyWage":800.00,"months":12}]}],
                         "works":[{"name":"村内道路维护","villageCode":"450422101201","amount":400.00,"labourAmount":0.00}]}""".formatted(member))
                .post("/api/v1/pv-distribution-plans")
                .then()
                .statusCode(201)
                .extract();
        json().header("If-Match", plan.header("ETag"))
                .body("{\"publishedOn\":\"2023-03-15\"}")
                .post("/api/v1/pv-distribution-plans/" + plan.path("id") + "/publication")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("division", "450422101201")
                .queryParam("year", 2023)
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .body("pvRevenue.stations", equalTo(1))
                .body("pvRevenue.capacityKw", equalTo(60.00f))
                .body("pvRevenue.revenue", equalTo(10000.00f))
                .body("pvRevenue.plans", equalTo(1))
                .body("pvRevenue.jobHolders", equalTo(1))
                .body("pvRevenue.wages", equalTo(9600.00f))
                .body("pvRevenue.works", equalTo(400.00f))
                .body("householdBenefits.total", equalTo(11140.00f)));
    }

    @Test
    @Order(12)
    @Tag(SystemUnderTest.LOCAL_SUITE)
    void afterABurstOfEventsTheReportsReconcileWithTheSourcesAndARebuildGivesTheSameFigures() {
        RequestSpecification previous = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        RequestSpecification admin = as("county-admin", "450435");
        try {
            SyntheticCounty.Written written = importCounty(
                            admin,
                            new SyntheticCounty.Settings(
                                    "450435", "核对县", 520, 7, LocalDate.now().getYear() - 1, LocalDate.now()))
                    .written();

            // the import's burst: a registration per household and its evaluations against every standard in force;
            // once it is over (no new event of the county between two looks) the report agrees with both sources
            AtomicLong seen = new AtomicLong(-1);
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        long burst =
                                TopicReader.readAll(suite.kafka().bootstrapServers(), Topics.HOUSEHOLD_EVENTS).stream()
                                                .filter(e -> e.data().contains("\"villageCode\":\"450435"))
                                                .count()
                                        + TopicReader.readAll(suite.kafka().bootstrapServers(), Topics.INDICATOR_EVENTS)
                                                .stream()
                                                .filter(e -> e.data().contains("\"villageCode\":\"450435"))
                                                .count();
                        long before = seen.getAndSet(burst);
                        assertTrue(burst >= 1000, "events of the county: " + burst);
                        assertEquals(before, burst, "the burst is still going on");
                        given().spec(admin)
                                .queryParam("division", "450435")
                                .get("/api/v1/reports/reconciliation")
                                .then()
                                .statusCode(200)
                                .body("consistent", equalTo(true))
                                .body("driftCount", equalTo(0));
                    });
            io.restassured.path.json.JsonPath overview = given().spec(admin)
                    .queryParam("division", "450435")
                    .get("/api/v1/reports/overview")
                    .then()
                    .statusCode(200)
                    .body("households", equalTo(520))
                    .body("members", equalTo(written.members()))
                    .extract()
                    .jsonPath();
            String breakdown = given().spec(admin)
                    .queryParam("division", "450435")
                    .get("/api/v1/reports/breakdown")
                    .then()
                    .statusCode(200)
                    .body("total.monitoredHouseholds", equalTo(written.monitored()))
                    .extract()
                    .asString();

            // only operators rebuild: a county's administrator cannot blank every county's figures
            given().spec(admin).post("/api/v1/reports/rebuilds").then().statusCode(403);
            RequestSpecification operator = as("operator", "450435");
            String job = given().spec(operator)
                    .post("/api/v1/reports/rebuilds")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> "DONE"
                            .equals(given().spec(operator)
                                    .get("/api/v1/reports/jobs/" + job)
                                    .path("state")));
            given().spec(admin)
                    .queryParam("division", "450435")
                    .get("/api/v1/reports/reconciliation")
                    .then()
                    .statusCode(200)
                    .body("consistent", equalTo(true));
            assertEquals(
                    breakdown,
                    given().spec(admin)
                            .queryParam("division", "450435")
                            .get("/api/v1/reports/breakdown")
                            .asString());
            given().spec(admin)
                    .queryParam("division", "450435")
                    .get("/api/v1/reports/overview")
                    .then()
                    .body("households", equalTo(overview.getInt("households")))
                    .body("members", equalTo(overview.getInt("members")))
                    .body("evaluatedHouseholds", equalTo(overview.getInt("evaluatedHouseholds")))
                    .body("householdsMeetingStandard", equalTo(overview.getInt("householdsMeetingStandard")))
                    .body("indicators", equalTo(overview.getList("indicators")));
        } finally {
            RestAssured.requestSpecification = previous;
        }
    }

    /** A synthetic county's divisions and households imported through the gateway, the import finished. */
    private static CountyImports.Submitted importCounty(RequestSpecification admin, SyntheticCounty.Settings settings) {
        CountyImports.Submitted submitted = CountyImports.submit(admin, settings, "县农户.csv");
        await().atMost(Duration.ofSeconds(120)).until(() -> "COMPLETED"
                .equals(given().spec(admin)
                        .get("/api/v1/household-imports/" + submitted.importId())
                        .path("status")));
        return submitted;
    }

    private static void countyFileImport() {
        RequestSpecification admin = as("county-admin", "450433");
        CountyImports.Submitted imported = importCounty(
                admin,
                new SyntheticCounty.Settings(
                        "450433", "导入县", 40, 3, LocalDate.now().getYear() - 1, LocalDate.now()));
        String id = imported.importId();
        byte[] file = imported.file();
        SyntheticCounty.Written written = imported.written();
        String job = given().spec(admin).get("/api/v1/household-imports/" + id).asString();
        String errors = given().spec(admin)
                .get("/api/v1/household-imports/" + id + "/errors")
                .asString();
        assertTrue(job.contains("\"householdsCreated\":40,"), job + errors);
        assertTrue(job.contains("\"householdsRejected\":0,"), job + errors);
        assertTrue(job.contains("\"membersStored\":" + written.members() + ","), job + errors);
        given().spec(admin)
                .get("/api/v1/households?division=450433&size=1")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(40));
        // the same file again: the same job, nothing stored twice
        given().spec(admin)
                .contentType("text/csv")
                .body(file)
                .post("/api/v1/household-imports")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
    }

    private static void monitoringWorkflow(RequestSpecification admin) throws Exception {
        String village = "450422101202";
        given().spec(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"六景村","level":"VILLAGE","parentCode":"450422101"}""".formatted(village))
                .post("/api/v1/divisions")
                .then()
                .statusCode(201);
        String head = TestIdNumbers.next("19760806", true);
        String id = given().spec(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"villageCode":"%s",
                         "attributes":{"povertyStatus":"EXITED","exitYear":2019,"housingSafetyGrade":"B",
                           "drinkingWater":{"quantity":true,"quality":true,"convenience":true,"supplyGuarantee":true}},
                         "incomes":[{"year":2025,"wage":28000,"transfer":2000,"assessedOn":"2025-12-31"}],
                         "members":[
                           {"name":"梁某生","idNumber":"%s","relation":"HEAD","attributes":{"laborAbility":"ORDINARY","medicalInsurance":"ENROLLED"}},
                           {"name":"陆某兰","idNumber":"%s","relation":"SPOUSE","attributes":{"laborAbility":"WEAK","health":"SERIOUS_ILLNESS","medicalInsurance":"ENROLLED"}}]}""".formatted(village, head, TestIdNumbers.next("19780910", false)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        RequestSpecification clerk = as("village-clerk", village);
        RequestSpecification township = as("township-officer", TOWNSHIP);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

        // a department's clue, identification through every step, the county's decision
        String clue = given().spec(clerk)
                .contentType(ContentType.JSON)
                .body("""
                        {"source":"DEPARTMENT","department":"县医疗保障局","externalRef":"YB-E2E-1","idNumber":"%s",
                         "riskTypes":["ILLNESS"],"description":"医疗自付费用超过预警线","reportedOn":"%s"}""".formatted(head, today))
                .post("/api/v1/warning-clues")
                .then()
                .statusCode(201)
                .body("householdId", equalTo(id))
                .extract()
                .path("id");
        String identification = given().spec(clerk)
                .contentType(ContentType.JSON)
                .body("{\"category\":\"UNSTABLE_EXITED\",\"riskTypes\":[\"ILLNESS\"],\"clueIds\":[\"%s\"]}"
                        .formatted(clue))
                .post("/api/v1/households/" + id + "/identification-cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // the county cannot decide before the village and township have done their part
        step(as("county-admin", COUNTY), identification, 0, "COUNTY_DECISION", "")
                .then()
                .statusCode(409);
        walk(clerk, township, identification, today);
        given().spec(admin)
                .get("/api/v1/households/" + id)
                .then()
                .body("monitoring.category", equalTo("UNSTABLE_EXITED"))
                .body("monitoring.riskState", equalTo("AT_RISK"));

        // a measure; elimination is refused until monitoring has lasted six months (the income entered with the day it
        // was
        // established, 2025-12-31, already counts)
        given().spec(clerk)
                .contentType(ContentType.JSON)
                .body("""
                        {"type":"HEALTH","description":"落实大病专项救治和医疗救助","responsibleCadres":[{"name":"莫某"}],"startedOn":"%s"}""".formatted(today))
                .post("/api/v1/households/" + id + "/measures")
                .then()
                .statusCode(201);
        given().spec(clerk)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/households/" + id + "/elimination-cases")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.code", hasItem("MONITORED_TOO_SHORT"))
                .body("errors.code", org.hamcrest.Matchers.not(hasItem("NO_INCOME_RECORD")));

        // seven months on (the household's history and monitoring start moved back, as time would have)
        try (Connection c = connect("household");
                Statement s = c.createStatement()) {
            s.executeUpdate("update household set monitored_since = current_date - interval '7 months' where id = '"
                    + id + "'");
            // the history is append-only by trigger: moved back as the database owner would, with triggers off
            s.execute("set session_replication_role = replica");
            s.executeUpdate(
                    "update household_revision set recorded_at = recorded_at - interval '7 months' where household_id = '"
                            + id + "'");
        }
        String elimination = given().spec(clerk)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"收入稳定，医疗费用已报销\"}")
                .post("/api/v1/households/" + id + "/elimination-cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        walk(clerk, township, elimination, today);
        given().spec(admin)
                .get("/api/v1/households/" + id)
                .then()
                .body("monitoring.riskState", equalTo("ELIMINATED"))
                .body("monitoring.riskEliminatedOn", equalTo(today.toString()));
        given().spec(admin)
                .get("/api/v1/households/" + id + "/revisions")
                .then()
                .body("items.operation", hasItem("IDENTIFICATION"))
                .body("items.operation", hasItem("RISK_ELIMINATION"));
        List<String> types = TopicReader.readAll(suite.kafka().bootstrapServers(), Topics.HOUSEHOLD_EVENTS).stream()
                .filter(e -> id.equals(e.key()))
                .map(e -> e.header("ce_type"))
                .toList();
        assertTrue(
                types.containsAll(List.of(
                        EventTypes.MONITORING_CASE_OPENED,
                        EventTypes.HOUSEHOLD_CATEGORY_CHANGED,
                        EventTypes.ASSISTANCE_MEASURE_ADDED,
                        EventTypes.MONITORING_CASE_DECIDED,
                        EventTypes.RISK_ELIMINATED)),
                types.toString());
    }

    /**
     * Every review step in order, each by the level that holds it, up to the county's approval. The village notice is
     * published today and runs its five days: the case is moved back six days, as time would have passed, before the
     * township reviews it (the notice's days are counted on the clock from its publication).
     */
    private static void walk(RequestSpecification clerk, RequestSpecification township, String caseId, LocalDate today)
            throws Exception {
        int version = 0;
        for (String step : List.of("HOME_VERIFICATION", "COMMITMENT", "DATA_CROSS_CHECK", "DEMOCRATIC_REVIEW")) {
            step(clerk, caseId, version++, step, "").then().statusCode(200);
        }
        // the township cannot review a notice that has not run its days
        step(
                        clerk,
                        caseId,
                        version++,
                        "PUBLIC_NOTICE",
                        ",\"noticeFrom\":\"%s\",\"noticeTo\":\"%s\"".formatted(today, today.plusDays(4)))
                .then()
                .statusCode(200);
        step(township, caseId, version, "TOWNSHIP_REVIEW", "")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("NOTICE_NOT_OVER"));
        try (Connection c = connect("household");
                Statement s = c.createStatement()) {
            s.executeUpdate("update monitoring_case set opened_at = opened_at - interval '6 days',"
                    + " deadline = deadline - 6 where id = '" + caseId + "'");
            s.executeUpdate("update case_step set recorded_at = recorded_at - interval '6 days',"
                    + " performed_on = performed_on - 6, notice_from = notice_from - 6, notice_to = notice_to - 6"
                    + " where case_id = '" + caseId + "'");
        }
        step(township, caseId, version++, "TOWNSHIP_REVIEW", "").then().statusCode(200);
        step(as("county-admin", COUNTY), caseId, version, "COUNTY_DECISION", "")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    private static io.restassured.response.Response step(
            RequestSpecification caller, String caseId, int version, String step, String extra) {
        return given().spec(caller)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body("{\"step\":\"%s\",\"outcome\":\"PASSED\",\"performedOn\":\"%s\"%s}"
                        .formatted(step, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), extra))
                .post("/api/v1/monitoring-cases/" + caseId + "/steps");
    }

    private static void division(String body) {
        json().body(body).post("/api/v1/divisions").then().statusCode(201);
    }

    private static void refused(String body, int status, String field, String code) {
        json().body(body)
                .post("/api/v1/households")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.code", hasItem(code));
    }

    private static String household(String village, String idNumber, String relation) {
        return """
                {"villageCode":"%s","members":[{"name":"测试","idNumber":"%s","relation":"%s"}]}""".formatted(village, idNumber, relation);
    }

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection(suite.postgres().jdbcUrl(database), "postgres", "");
    }

    private static long count(String database, String sql) throws Exception {
        try (Connection c = connect(database);
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
