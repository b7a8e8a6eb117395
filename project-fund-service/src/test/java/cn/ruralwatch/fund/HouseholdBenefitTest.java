package cn.ruralwatch.fund;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Benefits paid to households and members, small loans with their interest subsidy, and the yearly totals. */
@QuarkusTest
class HouseholdBenefitTest {

    static final String COUNTY = "420222";
    static final String TOWNSHIP = "420222100";
    static final String VILLAGE = "420222100201";

    @Inject
    AgroalDataSource dataSource;

    String poor;
    String head;
    String student;
    String elder;
    String adult;
    String shortMigrant;
    String noIndustry;
    String notPoor;
    String notPoorMember;

    @BeforeEach
    void householdsAreKnown() {
        RestAssured.requestSpecification = null;
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, COUNTY);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        FundFixtures.divisions(dataSource, COUNTY, TOWNSHIP, VILLAGE);
        head = UUID.randomUUID().toString();
        student = UUID.randomUUID().toString();
        elder = UUID.randomUUID().toString();
        adult = UUID.randomUUID().toString();
        shortMigrant = UUID.randomUUID().toString();
        poor = FundFixtures.household(
                dataSource,
                VILLAGE,
                "EXITED",
                List.of("柑橘"),
                List.of(
                        // works out of the province most of the year
                        FundFixtures.member(
                                head,
                                "HEAD",
                                LocalDate.of(1975, 4, 2),
                                "ORDINARY",
                                "JUNIOR_SECONDARY",
                                "NOT_IN_SCHOOL",
                                "OUT_OF_PROVINCE",
                                8),
                        // at a 中职 school
                        FundFixtures.member(
                                student,
                                "CHILD",
                                LocalDate.of(2006, 9, 1),
                                "ORDINARY",
                                "SENIOR_SECONDARY",
                                "IN_SCHOOL",
                                null,
                                null),
                        FundFixtures.member(elder, "PARENT", LocalDate.of(1950, 1, 1), "WEAK", null, null, null, null),
                        // the 48-year-old: no student, and works in the county
                        FundFixtures.member(
                                adult,
                                "SPOUSE",
                                LocalDate.of(1975, 6, 1),
                                "ORDINARY",
                                "SENIOR_SECONDARY",
                                "NOT_IN_SCHOOL",
                                "IN_COUNTY",
                                12),
                        // out of the province for two months only
                        FundFixtures.member(
                                shortMigrant,
                                "CHILD",
                                LocalDate.of(2001, 2, 3),
                                "ORDINARY",
                                "TERTIARY",
                                "NOT_IN_SCHOOL",
                                "OUT_OF_PROVINCE",
                                2)));
        notPoorMember = UUID.randomUUID().toString();
        notPoor = FundFixtures.household(
                dataSource,
                VILLAGE,
                "NOT_POOR",
                List.of("柑橘"),
                List.of(FundFixtures.member(
                        notPoorMember, "HEAD", LocalDate.of(1980, 1, 1), "ORDINARY", null, null, null, null)));
        noIndustry = FundFixtures.household(
                dataSource,
                VILLAGE,
                "EXITED",
                List.of(),
                List.of(FundFixtures.member(
                        UUID.randomUUID().toString(),
                        "HEAD",
                        LocalDate.of(1960, 1, 1),
                        "WEAK",
                        null,
                        null,
                        null,
                        null)));
    }

    @Test
    void aBenefitIsRefusedNamingTheMemberAndTheFactItLacks() throws Exception {
        // 雨露计划 for the 48-year-old who is not a student
        grant(poor, adult, "YULU_SUBSIDY", "1500.00", "2023-09-10")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("memberId"))
                .body("errors[0].code", equalTo("NOT_IN_SCHOOL"))
                .body("errors[0].message", containsString(adult))
                .body("errors[0].message", containsString("不在校"));
        // the transport subsidy for a member who works in the county, and for one away two months
        grant(poor, adult, "TRANSPORT_SUBSIDY", "500.00", "2023-09-10")
                .statusCode(400)
                .body("errors[0].field", equalTo("memberId"))
                .body("errors[0].code", equalTo("NOT_WORKING_AWAY"))
                .body("errors[0].message", containsString("县内"))
                .body("errors[0].message", containsString("县外省内、省外"));
        grant(poor, shortMigrant, "TRANSPORT_SUBSIDY", "500.00", "2023-09-10")
                .statusCode(400)
                .body("errors.code", equalTo(List.of("TOO_FEW_MONTHS")))
                .body("errors[0].message", containsString("本年务工月数为 2"))
                .body("errors[0].message", containsString("至少务工 3 个月"));
        grant(poor, shortMigrant, "YULU_SUBSIDY", "1500.00", "2023-09-10")
                .statusCode(400)
                .body("errors.code", equalTo(List.of("NOT_IN_SCHOOL")));
        // an industry reward for a household with no industry, a PV reward outside any plan
        grant(noIndustry, null, "INDUSTRY_REWARD", "1500.00", "2023-09-10")
                .statusCode(400)
                .body("errors[0].field", equalTo("householdId"))
                .body("errors[0].code", equalTo("NO_INDUSTRY"));
        grant(noIndustry, null, "THREE_INDUSTRY_REWARD", "1000.00", "2023-09-10")
                .statusCode(400)
                .body("errors[0].code", equalTo("NO_INDUSTRY_OR_WORK"));
        grant(poor, null, "PV_REWARD", "100.00", "2023-09-10")
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].code", equalTo("PAID_BY_SOURCE"));
        grant(poor, null, "ASSET_REVENUE", "100.00", "2023-09-10")
                .statusCode(400)
                .body("errors[0].code", equalTo("PAID_BY_SOURCE"));
        // before the nationwide rules begin there is no standard to check against
        grant(poor, student, "YULU_SUBSIDY", "1500.00", "2012-09-10")
                .statusCode(400)
                .body("errors[0].field", equalTo("grantedOn"))
                .body("errors[0].code", equalTo("NO_RULE"));
        // nothing was stored, and no totals were published for these households
        assertEquals(
                0,
                count("select count(*) from household_benefit where household_id in ('" + poor + "', '" + noIndustry
                        + "')"));
        assertEquals(
                0,
                count("select count(*) from household_benefit_total where household_id in ('" + poor + "', '"
                        + noIndustry + "')"));

        // the student and the migrant worker get theirs, and the household's totals go out
        grant(poor, student, "YULU_SUBSIDY", "1500.00", "2023-09-10").statusCode(201);
        grant(poor, head, "TRANSPORT_SUBSIDY", "500.00", "2023-09-10")
                .statusCode(201)
                .body("memberId", equalTo(head))
                .body("kind", equalTo("TRANSPORT_SUBSIDY"));
        assertEquals(2, count("select count(*) from household_benefit where household_id = '" + poor + "'"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            TopicReader.Event newest =
                    TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.FUND_EVENTS).stream()
                            .filter(e -> poor.equals(e.key()))
                            .filter(e -> EventTypes.HOUSEHOLD_BENEFITS_TOTALLED.equals(e.header("ce_type")))
                            .max(Comparator.comparingLong(
                                    e -> JsonPath.from(e.data()).getLong("version")))
                            .orElseThrow();
            EventSchemas.assertValid(EventTypes.HOUSEHOLD_BENEFITS_TOTALLED, newest.data());
            assertEquals(2L, JsonPath.from(newest.data()).getLong("version"));
            assertEquals(
                    0,
                    new BigDecimal("2000.00")
                            .compareTo(
                                    new BigDecimal(JsonPath.from(newest.data()).getString("total"))));
        });
    }

    @Test
    void benefitsAreCheckedAndTotalledPerHouseholdAndYear() {
        grant(poor, null, "INDUSTRY_REWARD", "1540.00", "2023-09-20").statusCode(201);
        grant(poor, null, "THREE_INDUSTRY_REWARD", "1000.00", "2023-10-08")
                .statusCode(201)
                .body("year", equalTo(2023))
                .body("villageCode", equalTo(VILLAGE));
        grant(poor, null, "THREE_INDUSTRY_REWARD", "1000.00", "2023-12-01")
                .statusCode(409)
                .body("errors[0].code", equalTo("ONCE_A_YEAR"));
        grant(notPoor, null, "THREE_INDUSTRY_REWARD", "1200.00", "2023-10-08")
                .statusCode(422)
                .body("errors.code", hasItem("NOT_TARGET_HOUSEHOLD"))
                .body("errors.code", hasItem("ABOVE_STANDARD"));
        grant(poor, student, "YULU_SUBSIDY", "1500.00", "2023-03-10").statusCode(201);
        grant(poor, student, "YULU_SUBSIDY", "1500.00", "2023-09-10").statusCode(201);
        grant(poor, student, "YULU_SUBSIDY", "500.00", "2023-11-10")
                .statusCode(422)
                .body("errors[0].code", equalTo("ABOVE_YEARLY_CAP"));
        // job wages are paid month by month
        grant(poor, head, "PUBLIC_WELFARE_JOB_WAGE", "650.00", "2023-01-31").statusCode(201);
        grant(poor, head, "PUBLIC_WELFARE_JOB_WAGE", "650.00", "2023-02-28").statusCode(201);
        grant(poor, head, "TRANSPORT_SUBSIDY", "500.00", "2023-02-10").statusCode(201);
        grant(poor, head, "TRANSPORT_SUBSIDY", "500.00", "2023-08-10")
                .statusCode(409)
                .body("errors[0].code", equalTo("ONCE_A_YEAR"));
        grant(poor, null, "TRANSPORT_SUBSIDY", "500.00", "2023-02-10")
                .statusCode(400)
                .body("errors[0].field", equalTo("memberId"))
                .body("errors[0].code", equalTo("REQUIRED"));
        grant(poor, notPoorMember, "TRANSPORT_SUBSIDY", "500.00", "2023-02-10")
                .statusCode(400)
                .body("errors[0].code", equalTo("UNKNOWN_MEMBER"));
        grant(poor, null, "MICROCREDIT_INTEREST_SUBSIDY", "500.00", "2023-02-10")
                .statusCode(400)
                .body("errors[0].code", equalTo("COMPUTED"));
        grant(UUID.randomUUID().toString(), null, "INDUSTRY_REWARD", "500.00", "2023-02-10")
                .statusCode(400)
                .body("errors[0].code", equalTo("UNKNOWN_HOUSEHOLD"));

        // small loans: age 18–65 at payout, at most 50,000 and 36 months, only for target households
        loan(poor, elder, "50000.00", 36, "C-1").statusCode(422).body("errors[0].code", equalTo("AGE_OUT_OF_RANGE"));
        loan(poor, head, "60000.00", 48, "C-1")
                .statusCode(422)
                .body("errors.code", hasItem("ABOVE_CAP"))
                .body("errors.code", hasItem("TERM_TOO_LONG"));
        loan(notPoor, notPoorMember, "50000.00", 36, "C-1")
                .statusCode(422)
                .body("errors[0].code", equalTo("NOT_TARGET_HOUSEHOLD"));
        long loansBefore = count("select count(*) from microcredit_loan");
        var created = loan(poor, head, "50000.00", 36, "C-1")
                .statusCode(201)
                .body("dueOn", equalTo("2026-03-01"))
                .body("status", equalTo("ACTIVE"))
                // 50,000 × 3.45% × 306 days ÷ 360, then 366, 365 and 59 days
                .body("interestSubsidyByYear.2023", equalTo(1466.25f))
                .body("interestSubsidyByYear.2024", equalTo(1753.75f))
                .body("interestSubsidyByYear.2025", equalTo(1748.96f))
                .body("interestSubsidyByYear.2026", equalTo(282.71f))
                .extract();
        assertEquals(loansBefore + 1, count("select count(*) from microcredit_loan"));
        loan(poor, head, "10000.00", 12, "C-2").statusCode(409).body("errors[0].code", equalTo("LOAN_OUTSTANDING"));
        String loan = created.path("id");
        given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .body("{\"repaidOn\":\"2024-02-29\"}")
                .post("/api/v1/microcredit-loans/" + loan + "/repayment")
                .then()
                .statusCode(200)
                .body("status", equalTo("REPAID"))
                .body("interestSubsidyByYear.2024", equalTo(282.71f))
                .body("interestSubsidyByYear.2025", nullValue())
                .body("interestSubsidy", equalTo(1748.96f));
        given().queryParam("householdId", poor)
                .get("/api/v1/microcredit-loans")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(loan))
                .body("items[0].repaidOn", equalTo("2024-02-29"))
                .body("items[0].interestSubsidy", equalTo(1748.96f));

        // the household's totals of 2023, read back and as published
        given().queryParam("householdId", poor)
                .queryParam("year", 2023)
                .get("/api/v1/household-benefit-totals")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].byKind.INDUSTRY_REWARD", equalTo(1540.00f))
                .body("items[0].byKind.THREE_INDUSTRY_REWARD", equalTo(1000.00f))
                .body("items[0].byKind.YULU_SUBSIDY", equalTo(3000.00f))
                .body("items[0].byKind.MICROCREDIT_INTEREST_SUBSIDY", equalTo(1466.25f))
                .body("items[0].byKind.PUBLIC_WELFARE_JOB_WAGE", equalTo(1300.00f))
                .body("items[0].byKind.TRANSPORT_SUBSIDY", equalTo(500.00f))
                .body("items[0].total", equalTo(8806.25f));
        given().queryParam("division", VILLAGE)
                .queryParam("householdId", poor)
                .queryParam("year", 2023)
                .get("/api/v1/household-benefits")
                .then()
                .statusCode(200)
                .body(
                        "items.kind",
                        equalTo(List.of(
                                "PUBLIC_WELFARE_JOB_WAGE",
                                "TRANSPORT_SUBSIDY",
                                "PUBLIC_WELFARE_JOB_WAGE",
                                "YULU_SUBSIDY",
                                "YULU_SUBSIDY",
                                "INDUSTRY_REWARD",
                                "THREE_INDUSTRY_REWARD")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            TopicReader.Event newest =
                    TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.FUND_EVENTS).stream()
                            .filter(e -> poor.equals(e.key()))
                            .filter(e -> EventTypes.HOUSEHOLD_BENEFITS_TOTALLED.equals(e.header("ce_type")))
                            .filter(e -> JsonPath.from(e.data()).getInt("year") == 2023)
                            .max(Comparator.comparingLong(
                                    e -> JsonPath.from(e.data()).getLong("version")))
                            .orElseThrow();
            EventSchemas.assertValid(EventTypes.HOUSEHOLD_BENEFITS_TOTALLED, newest.data());
            assertEquals("8806.25", JsonPath.from(newest.data()).getString("total"));
        });
        // a repaid loan no longer counts in 2025
        given().queryParam("householdId", poor)
                .queryParam("year", 2025)
                .get("/api/v1/household-benefit-totals")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    private io.restassured.response.ValidatableResponse grant(
            String household, String member, String kind, String amount, String grantedOn) {
        return given().contentType(ContentType.JSON)
                .body("{\"householdId\":\"" + household + "\",\"memberId\":"
                        + (member == null ? "null" : "\"" + member + "\"")
                        + ",\"kind\":\"" + kind + "\",\"amount\":" + amount + ",\"grantedOn\":\"" + grantedOn
                        + "\",\"description\":\"测试\"}")
                .post("/api/v1/household-benefits")
                .then();
    }

    private io.restassured.response.ValidatableResponse loan(
            String household, String borrower, String principal, int months, String contract) {
        return given().contentType(ContentType.JSON)
                .body("{\"householdId\":\"" + household + "\",\"borrowerMemberId\":\"" + borrower
                        + "\",\"bank\":\"大冶市农村商业银行\",\"contractNumber\":\"" + contract + "-" + household
                        + "\",\"principal\":" + principal + ",\"annualRatePercent\":3.45,\"subsidyPercent\":100,"
                        + "\"disbursedOn\":\"2023-03-01\",\"termMonths\":" + months + ",\"purpose\":\"发展柑橘种植\"}")
                .post("/api/v1/microcredit-loans")
                .then();
    }

    private long count(String sql) {
        try {
            return Rows.count(dataSource, sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
