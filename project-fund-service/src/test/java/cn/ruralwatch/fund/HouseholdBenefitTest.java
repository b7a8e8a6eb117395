package cn.ruralwatch.fund;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.HouseholdEventData.MemberSketch;
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
        poor = FundFixtures.household(
                dataSource,
                VILLAGE,
                "EXITED",
                List.of(
                        new MemberSketch(head, "HEAD", "MALE", LocalDate.of(1975, 4, 2), "ENROLLED", "ORDINARY"),
                        new MemberSketch(student, "CHILD", "FEMALE", LocalDate.of(2004, 9, 1), "ENROLLED", "ORDINARY"),
                        new MemberSketch(elder, "PARENT", "MALE", LocalDate.of(1950, 1, 1), "ENROLLED", "WEAK")));
        notPoorMember = UUID.randomUUID().toString();
        notPoor = FundFixtures.household(
                dataSource,
                VILLAGE,
                List.of(new MemberSketch(notPoorMember, "HEAD", "MALE", LocalDate.of(1980, 1, 1), "ENROLLED")));
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
