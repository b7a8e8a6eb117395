package cn.ruralwatch.fund;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdRegistered;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.TopicWriter;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Divisions and households sent as household-service sends them, and fund batches registered through the API. */
final class FundFixtures {

    private FundFixtures() {}

    static void householdEvent(String key, String type, String data) {
        EventSchemas.assertValid(type, data);
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.HOUSEHOLD_EVENTS,
                key,
                UUID.randomUUID().toString(),
                type,
                "/household-service",
                data);
    }

    /** A county, a township and a village (codes of 6, 9 and 12 digits), once known to the service. */
    static void divisions(DataSource dataSource, String county, String township, String village) {
        householdEvent(county, EventTypes.DIVISION_REGISTERED, division(county, "COUNTY", null));
        householdEvent(township, EventTypes.DIVISION_REGISTERED, division(township, "TOWNSHIP", county));
        householdEvent(village, EventTypes.DIVISION_REGISTERED, division(village, "VILLAGE", township));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Rows.count(
                                dataSource,
                                "select count(*) from known_division where code in ('" + county + "', '" + township
                                        + "', '" + village + "')")
                        == 3);
    }

    private static String division(String code, String level, String parent) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + level.toLowerCase() + "-" + code + "\",\"level\":\"" + level
                + "\",\"parentCode\":" + (parent == null ? "null" : "\"" + parent + "\"") + "}";
    }

    /** A household of one member (born {@code born}) in the village, once known to the service; its id. */
    static String household(DataSource dataSource, String village, String memberId, LocalDate born) {
        return household(
                dataSource,
                village,
                List.of(new HouseholdEventData.MemberSketch(memberId, "HEAD", "MALE", born, "ENROLLED")));
    }

    /** A household of the given members in the village, once the service knows it and its members; its id. */
    static String household(DataSource dataSource, String village, List<HouseholdEventData.MemberSketch> members) {
        return household(dataSource, village, "NOT_POOR", members);
    }

    /** A household of the given poverty status (EXITED: 脱贫户) and members, once the service knows them; its id. */
    static String household(
            DataSource dataSource,
            String village,
            String povertyStatus,
            List<HouseholdEventData.MemberSketch> members) {
        String householdId = UUID.randomUUID().toString();
        registered(
                dataSource,
                householdId,
                HouseholdEventData.registered(householdId, village, povertyStatus, members),
                members.size());
        return householdId;
    }

    /**
     * A member as household-events describe them, with the facts benefits are checked against: labour ability, the
     * stage and status of schooling, and the place and months of migrant work this year.
     */
    static HouseholdState.Member member(
            String memberId,
            String relation,
            LocalDate born,
            String laborAbility,
            String educationStage,
            String schoolingStatus,
            String employmentLocation,
            Integer employmentMonths) {
        return new HouseholdState.Member(
                memberId,
                "ACTIVE",
                relation,
                "FEMALE",
                born,
                "REGISTRATION",
                null,
                null,
                laborAbility,
                "HEALTHY",
                null,
                educationStage,
                schoolingStatus,
                null,
                null,
                "ENROLLED",
                null,
                "UNKNOWN",
                null,
                false,
                employmentLocation,
                employmentMonths,
                null);
    }

    /**
     * A household of the given poverty status (EXITED 脱贫户, NOT_POOR), industries (特色产业) and members, registered
     * at {@code version} as household-service publishes it, once the service knows it; its id.
     */
    static String household(
            DataSource dataSource,
            String village,
            String povertyStatus,
            List<String> industries,
            List<HouseholdState.Member> members) {
        String householdId = UUID.randomUUID().toString();
        HouseholdState state = state(householdId, 0, village, "ACTIVE", povertyStatus, industries, members);
        registered(
                dataSource,
                householdId,
                HouseholdEventData.json(EventTypes.HOUSEHOLD_REGISTERED, new HouseholdRegistered(state, null)),
                members.size());
        return householdId;
    }

    /** Sends a household's registration and waits until the service knows its members. */
    private static void registered(DataSource dataSource, String householdId, String data, int members) {
        householdEvent(householdId, EventTypes.HOUSEHOLD_REGISTERED, data);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Rows.count(
                                dataSource,
                                "select count(*) from known_member where household_id = '" + householdId + "'")
                        == members);
    }

    /**
     * A household's state as household-service publishes it: its version, village, status (ACTIVE, or DISSOLVED and
     * the like), poverty status (EXITED 脱贫户, NOT_POOR), industries (特色产业) and members.
     */
    static HouseholdState state(
            String householdId,
            long version,
            String village,
            String status,
            String povertyStatus,
            List<String> industries,
            List<HouseholdState.Member> members) {
        return new HouseholdState(
                householdId,
                version,
                village,
                "户主" + householdId.substring(0, 4),
                status,
                Instant.parse("2026-01-05T08:00:00Z"),
                povertyStatus,
                "EXITED".equals(povertyStatus) ? 2019 : null,
                null,
                false,
                false,
                new HouseholdState.Housing("A", null, false, "NONE"),
                new HouseholdState.DrinkingWater(true, true, true, true),
                true,
                true,
                true,
                industries,
                null,
                List.of(),
                members);
    }

    /** Registers a batch with the default request specification; its id. */
    static String batch(String county, String sourceLevel, int year, int number, String amount) {
        return given().contentType(ContentType.JSON)
                .body("{\"countyCode\":\"" + county + "\",\"sourceLevel\":\"" + sourceLevel + "\",\"year\":" + year
                        + ",\"batchNumber\":" + number + ",\"amount\":" + amount + ",\"purpose\":\"产业发展\"}")
                .post("/api/v1/fund-batches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
