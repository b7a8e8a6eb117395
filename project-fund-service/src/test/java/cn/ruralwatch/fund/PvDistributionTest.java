package cn.ruralwatch.fund;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.fund.pv.PvEventBackfill;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.HouseholdEventData.MemberSketch;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicReader;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PV stations, their monthly revenue and the yearly distribution plan of seed 003's township: 16万元 a year, 11.6万元
 * wages for 15 public-welfare jobs in three villages and 4.4万元 small public works.
 */
@QuarkusTest
class PvDistributionTest {

    static final String COUNTY = "420281";
    static final String TOWNSHIP = "420281105";
    static final List<String> VILLAGES = List.of("420281105201", "420281105202", "420281105203");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PvEventBackfill backfill;

    /** The 15 job holders, five in each village. */
    final List<String> holders = new ArrayList<>();

    String lostMember;
    List<String> householdsOfFirstVillage = new ArrayList<>();

    @BeforeEach
    void townshipWithItsHouseholdsIsKnown() {
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        VILLAGES.forEach(v -> FundFixtures.divisions(dataSource, COUNTY, TOWNSHIP, v));
        for (String village : VILLAGES) {
            for (int i = 0; i < 5; i++) {
                String member = UUID.randomUUID().toString();
                String household = FundFixtures.household(
                        dataSource,
                        village,
                        List.of(new MemberSketch(
                                member, "HEAD", "FEMALE", LocalDate.of(1968, 3, 1), "ENROLLED", "WEAK")));
                holders.add(member);
                if (village.equals(VILLAGES.getFirst())) {
                    householdsOfFirstVillage.add(household);
                }
            }
        }
        lostMember = UUID.randomUUID().toString();
        FundFixtures.household(
                dataSource,
                VILLAGES.getFirst(),
                List.of(new MemberSketch(lostMember, "HEAD", "MALE", LocalDate.of(1950, 1, 1), "ENROLLED", "LOST")));
    }

    @Test
    void seed003sPlanIsRepresentableAndCheckedAgainstTheWagesAndLabourShare() throws Exception {
        // three village stations, their months recorded (a correction overwrites the month)
        List<String> stations = new ArrayList<>();
        for (String village : VILLAGES) {
            stations.add(given().contentType(ContentType.JSON)
                    .body("{\"villageCode\":\"" + village + "\",\"name\":\"村级光伏电站 " + village
                            + "\",\"capacityKw\":100.00,\"connectedOn\":\"2019-06-30\"}")
                    .post("/api/v1/pv-stations")
                    .then()
                    .statusCode(201)
                    .body("countyCode", equalTo(COUNTY))
                    .extract()
                    .path("id"));
        }
        // 53,333.33 + 53,333.33 + 53,333.34 = 160,000 a year
        for (String station : stations) {
            String january = station.equals(stations.getLast()) ? "4444.50" : "4444.49";
            for (int month = 1; month <= 12; month++) {
                given().contentType(ContentType.JSON)
                        .body("{\"generationKwh\":10000.00,\"revenue\":" + (month == 1 ? "1.00" : "4444.44") + "}")
                        .put("/api/v1/pv-stations/" + station + "/outputs/2023/" + month)
                        .then()
                        .statusCode(200);
            }
            given().contentType(ContentType.JSON)
                    .body("{\"generationKwh\":10000.00,\"revenue\":" + january + "}")
                    .put("/api/v1/pv-stations/" + station + "/outputs/2023/1")
                    .then()
                    .statusCode(200)
                    .body("revenue", equalTo(Float.parseFloat(january)));
        }
        given().contentType(ContentType.JSON)
                .body("{\"generationKwh\":1.00,\"revenue\":1.00}")
                .put("/api/v1/pv-stations/" + stations.getFirst() + "/outputs/2023/13")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
        given().contentType(ContentType.JSON)
                .body("{\"generationKwh\":1.00,\"revenue\":1.00}")
                .put("/api/v1/pv-stations/" + stations.getFirst() + "/outputs/2019/5")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("BEFORE_CONNECTION"));
        given().contentType(ContentType.JSON)
                .body("{\"generationKwh\":1.00,\"revenue\":1.00}")
                .put("/api/v1/pv-stations/" + stations.getFirst() + "/outputs/2099/1")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("NOT_ENDED"));
        given().queryParam("year", 2023)
                .get("/api/v1/pv-stations/" + stations.getFirst() + "/outputs")
                .then()
                .statusCode(200)
                .body("", hasSize(12))
                .body("[0].revenue", equalTo(4444.49f));

        // 11.6万元 wages, 4.4万元 works without labour: 72.5% to wages and labour, below the 80% required
        long before = Rows.count(dataSource, "select count(*) from pv_distribution_plan");
        given().contentType(ContentType.JSON)
                .body(plan(holders, "0.00", ""))
                .post("/api/v1/pv-distribution-plans")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("jobs"))
                .body("errors[0].code", equalTo("BELOW_WAGES_AND_LABOUR_SHARE"))
                .body("errors[0].message", containsString("72.50%"))
                .body("errors[0].message", containsString("80.00%"))
                .body("errors[0].message", containsString("12000.00"));
        assertEquals(before, Rows.count(dataSource, "select count(*) from pv_distribution_plan"));

        // a member who cannot work, one person in two jobs, more than the revenue and the same sum to every household
        List<String> broken = new ArrayList<>(holders);
        broken.set(14, lostMember);
        broken.set(13, holders.getFirst());
        // every household of the first village, as many as earlier tests have registered there
        List<String> everyHousehold = List.of(Rows.text(
                        dataSource,
                        "select string_agg(household_id::text, ',') from known_household where village_code = '"
                                + VILLAGES.getFirst() + "'")
                .split(","));
        String handOut = everyHousehold.stream()
                .map(h -> "{\"householdId\":\"" + h + "\",\"amount\":100.00}")
                .collect(Collectors.joining(","));
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        given().contentType(ContentType.JSON)
                .body(plan(
                                broken,
                                "44000.00",
                                ",\"rewards\":[{\"name\":\"过节慰问\",\"basis\":\"春节\",\"recipients\":[" + handOut + "]}]")
                        .replace("\"distributable\":160000.00", "\"distributable\":150000.00")
                        .replace(
                                "\"divisionCode\":\"" + TOWNSHIP + "\"",
                                "\"divisionCode\":\"" + VILLAGES.getFirst() + "\"")
                        .replace(VILLAGES.get(1), VILLAGES.getFirst())
                        .replace(VILLAGES.get(2), VILLAGES.getFirst()))
                .post("/api/v1/pv-distribution-plans")
                .then()
                .statusCode(400)
                .body("errors.code", hasItem("UNKNOWN_MEMBER"));
        // the same, within the township where all holders live: every broken rule is listed
        given().contentType(ContentType.JSON)
                .body(plan(
                                broken,
                                "44000.00",
                                ",\"rewards\":[{\"name\":\"过节慰问\",\"basis\":\"春节\",\"recipients\":[" + handOut + "]}]")
                        .replace("\"distributable\":160000.00", "\"distributable\":150000.00"))
                .post("/api/v1/pv-distribution-plans")
                .then()
                .statusCode(422)
                .body(
                        "errors.code",
                        containsInAnyOrder(
                                "DUPLICATE_HOLDER", "NO_LABOUR_ABILITY", "PLAIN_HAND_OUT", "EXCEEDS_DISTRIBUTABLE"))
                .body("errors.field", hasItem("jobs[2].holders[3].memberId"))
                .body("errors.field", hasItem("rewards[0].recipients"));
        assertEquals(before, Rows.count(dataSource, "select count(*) from pv_distribution_plan"));

        // labour of 1.2万元 in the works brings wages and labour to exactly 80%
        var created = given().contentType(ContentType.JSON)
                .body(plan(holders, "12000.00", ""))
                .post("/api/v1/pv-distribution-plans")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("totals.jobHolders", equalTo(15))
                .body("totals.wages", equalTo(116000.00f))
                .body("totals.works", equalTo(44000.00f))
                .body("totals.worksLabour", equalTo(12000.00f))
                .body("totals.allocated", equalTo(160000.00f))
                .body("totals.unallocated", equalTo(0.00f))
                .body("totals.wagesAndLabourPercent", equalTo(80.00f))
                .body("totals.requirement.minimumPercent", equalTo(80.00f))
                .body("jobs[0].holders[0].householdId", equalTo(householdOf(holders.getFirst())))
                .extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        given().contentType(ContentType.JSON)
                .body(plan(holders, "12000.00", ""))
                .post("/api/v1/pv-distribution-plans")
                .then()
                .statusCode(409);

        // a reward for a deed to some households is no hand-out
        etag = given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(plan(holders, "12000.00", "")
                        .replace("\"amount\":44000.00", "\"amount\":43600.00")
                        .replace(
                                "\"jobs\":",
                                "\"rewards\":[{\"name\":\"人居环境整治先进户\",\"basis\":\"获评季度先进户\","
                                        + "\"recipients\":[{\"householdId\":\"" + householdsOfFirstVillage.getFirst()
                                        + "\",\"amount\":200.00},{\"householdId\":\"" + householdsOfFirstVillage.get(1)
                                        + "\",\"amount\":200.00}]}],\"jobs\":"))
                .put("/api/v1/pv-distribution-plans/" + id)
                .then()
                .statusCode(200)
                .body("totals.rewards", equalTo(400.00f))
                .body("totals.works", equalTo(43600.00f))
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"publishedOn\":\"2023-03-15\",\"documentNumber\":\"保安镇〔2023〕12号\"}")
                .post("/api/v1/pv-distribution-plans/" + id + "/publication")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedOn", equalTo("2023-03-15"));
        // in force: each holder's wages and each rewarded household's reward are that household's benefits of 2023
        given().queryParam("householdId", householdOf(holders.getFirst()))
                .queryParam("year", 2023)
                .get("/api/v1/household-benefit-totals")
                .then()
                .statusCode(200)
                .body("items[0].byKind.PUBLIC_WELFARE_JOB_WAGE", equalTo(7800.00f))
                .body("items[0].byKind.PV_REWARD", equalTo(200.00f))
                .body("items[0].total", equalTo(8000.00f));
        given().queryParam("householdId", householdOf(holders.getLast()))
                .queryParam("year", 2023)
                .get("/api/v1/household-benefit-totals")
                .then()
                .body("items[0].byKind.PUBLIC_WELFARE_JOB_WAGE", equalTo(7600.00f));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"" + 99 + "\"")
                .body(plan(holders, "12000.00", ""))
                .put("/api/v1/pv-distribution-plans/" + id)
                .then()
                .statusCode(412);
        String published = given().get("/api/v1/pv-distribution-plans/" + id)
                .then()
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", published)
                .body(plan(holders, "12000.00", ""))
                .put("/api/v1/pv-distribution-plans/" + id)
                .then()
                .statusCode(409);

        // the yearly public summary of the township
        given().queryParam("division", TOWNSHIP)
                .queryParam("year", 2023)
                .get("/api/v1/pv-revenue-summaries")
                .then()
                .statusCode(200)
                .body("stations", hasSize(3))
                .body("capacityKw", equalTo(300.00f))
                .body("generationKwh", equalTo(360000.00f))
                .body("revenue", equalTo(160000.00f))
                .body("plans.planId", contains(id))
                .body("jobHolders", equalTo(15))
                .body("wages", equalTo(116000.00f))
                .body("worksLabour", equalTo(12000.00f))
                .body("wagesAndLabourPercent", equalTo(80.00f));

        // what report-service keeps of it: the three stations, every month recorded (corrections too, refused ones
        // not), and the plan once published — a draft is nobody's figure
        List<TopicReader.Event> events = await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.FUND_EVENTS)
                                        .stream()
                                        .filter(e -> stations.contains(e.key()) || id.equals(e.key()))
                                        .toList(),
                        list -> list.size() == 3 + 3 * 13 + 1);
        for (TopicReader.Event event : events) {
            EventSchemas.assertValid(event.header("ce_type"), event.data());
        }
        // amounts as decimals, compared at two places (a tree drops trailing zeros)
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        List<JsonNode> outputs = new ArrayList<>();
        for (TopicReader.Event event : events) {
            if (EventTypes.PV_OUTPUT_RECORDED.equals(event.header("ce_type"))) {
                outputs.add(json.readTree(event.data()));
            }
        }
        assertEquals(39, outputs.size());
        // the last January of the last station is its correction
        assertEquals(
                new BigDecimal("4444.50"),
                outputs.stream()
                        .filter(o -> o.get("stationId").asText().equals(stations.getLast())
                                && o.get("month").asInt() == 1)
                        .reduce((first, second) -> second)
                        .orElseThrow()
                        .get("revenue")
                        .decimalValue()
                        .setScale(2));
        List<TopicReader.Event> plans = events.stream()
                .filter(e -> EventTypes.PV_PLAN_PUBLISHED.equals(e.header("ce_type")))
                .toList();
        assertEquals(1, plans.size());
        JsonNode inForce = json.readTree(plans.getFirst().data());
        assertEquals(TOWNSHIP, inForce.get("divisionCode").asText());
        assertEquals("2023-03-15", inForce.get("publishedOn").asText());
        assertEquals(
                new BigDecimal("160000.00"),
                inForce.get("distributable").decimalValue().setScale(2));
        assertEquals(15, inForce.get("jobHolders").asInt());
        assertEquals(
                new BigDecimal("116000.00"), inForce.get("wages").decimalValue().setScale(2));
        assertEquals(
                new BigDecimal("43600.00"), inForce.get("works").decimalValue().setScale(2));
        assertEquals(
                new BigDecimal("12000.00"),
                inForce.get("worksLabour").decimalValue().setScale(2));
        assertEquals(
                new BigDecimal("400.00"), inForce.get("rewards").decimalValue().setScale(2));
        assertEquals(2, inForce.get("rewardedHouseholds").asInt());
        assertEquals(
                3,
                events.stream()
                        .filter(e -> EventTypes.PV_STATION_REGISTERED.equals(e.header("ce_type")))
                        .count());

        // a database from before PV events existed (its backfill not done) gets them once, as on start: every
        // station, month and published plan again, which report-service ignores where it knows them already
        Rows.execute(dataSource, "delete from event_backfill");
        int backfilled = backfill.publishOnce();
        // this test's part: 3 stations, their 36 months as they stand (not the corrected values) and the plan
        assertTrue(backfilled >= 40, backfilled + " events backfilled");
        assertEquals(0, backfill.publishOnce());
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.FUND_EVENTS)
                                        .stream()
                                        .filter(e -> stations.contains(e.key()) || id.equals(e.key()))
                                        .count(),
                        n -> n == events.size() + 40L);

        // a province raising its requirement to 85% from 2023 on (its own officials, not a county's): the plan now
        // shows it falls short
        io.restassured.specification.RequestSpecification county = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.COUNTY_ADMIN, "420000")
                .contentType(ContentType.JSON)
                .body("{\"minimumPercent\":85.00,\"note\":\"鄂乡振发〔2023〕5号\"}")
                .put("/api/v1/share-requirements/PV_WAGES_AND_LABOUR/42/2023")
                .then()
                .statusCode(200)
                .body("kind", equalTo("PV_WAGES_AND_LABOUR"));
        RestAssured.requestSpecification = county;
        given().get("/api/v1/pv-distribution-plans/" + id)
                .then()
                .statusCode(200)
                .body("totals.requirement.regionCode", equalTo("42"))
                .body("totals.requirement.minimumPercent", equalTo(85.00f));
        given().get("/api/v1/share-requirements")
                .then()
                .statusCode(200)
                .body("kind", hasItem("INDUSTRY_DEVELOPMENT"))
                .body("findAll { it.kind == 'PV_WAGES_AND_LABOUR' }.regionCode", hasItem("42"));
    }

    @Test
    void aVillageClerkSeesOnlyTheirVillage() {
        RestAssured.requestSpecification = null;
        given().spec(Tokens.as(Roles.VILLAGE_CLERK, VILLAGES.get(1)).contentType(ContentType.JSON))
                .body("{\"villageCode\":\"" + VILLAGES.getFirst() + "\",\"name\":\"x\",\"capacityKw\":1}")
                .post("/api/v1/pv-stations")
                .then()
                .statusCode(403);
        RestAssured.requestSpecification = null;
        Tokens.as(Roles.VILLAGE_CLERK, VILLAGES.get(1))
                .queryParam("division", VILLAGES.getFirst())
                .queryParam("year", 2023)
                .get("/api/v1/pv-revenue-summaries")
                .then()
                .statusCode(404);
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        given().contentType(ContentType.JSON)
                .body("{\"villageCode\":\"420281105299\",\"name\":\"x\",\"capacityKw\":1}")
                .post("/api/v1/pv-stations")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("UNKNOWN_VILLAGE"));
    }

    private String householdOf(String member) throws Exception {
        return Rows.text(dataSource, "select household_id::text from known_member where member_id = '" + member + "'");
    }

    /** Seed 003's plan for the township: five holders per village job, works of 4.4万元 with the labour given. */
    private static String plan(List<String> holders, String worksLabour, String extra) {
        StringBuilder jobs = new StringBuilder();
        for (int v = 0; v < 3; v++) {
            if (v > 0) {
                jobs.append(',');
            }
            // 5 × 650 × 12 + 5 × 650 × 12 + 5 × 760 × 10 = 116,000
            String wage = v < 2 ? "650.00" : "760.00";
            int months = v < 2 ? 12 : 10;
            jobs.append("{\"title\":\"村庄保洁员\",\"villageCode\":\"")
                    .append(VILLAGES.get(v))
                    .append("\",\"holders\":[");
            for (int h = 0; h < 5; h++) {
                jobs.append(h > 0 ? "," : "")
                        .append("{\"memberId\":\"")
                        .append(holders.get(v * 5 + h))
                        .append("\",\"monthlyWage\":")
                        .append(wage)
                        .append(",\"months\":")
                        .append(months)
                        .append('}');
            }
            jobs.append("]}");
        }
        return "{\"divisionCode\":\"" + TOWNSHIP + "\",\"year\":2023,\"distributable\":160000.00,"
                + "\"documentNumber\":\"保安镇光伏收益分配方案\",\"jobs\":[" + jobs + "],"
                + "\"works\":[{\"name\":\"村内道路与沟渠维护\",\"villageCode\":\"" + VILLAGES.getFirst()
                + "\",\"amount\":44000.00,\"labourAmount\":" + worksLabour + "}]" + extra + "}";
    }
}
