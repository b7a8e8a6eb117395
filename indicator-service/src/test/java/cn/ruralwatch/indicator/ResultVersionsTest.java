package cn.ruralwatch.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.time.ChinaTime;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each version of a household's result of an indicator is stored once: the version in force in
 * {@code indicator_result}, the versions replaced or removed in {@code indicator_result_history} with the moment they
 * stopped being in force. Rates, named lists and changes of a past day read the versions in force then.
 */
@QuarkusTest
class ResultVersionsTest {

    static final String TOWNSHIP = "450422197";
    static final String VILLAGE = "450422197201";
    static final String STANDARD = "NATIONAL_HOUSEHOLD_2021";
    static final String INCOME = "INCOME_ABOVE_THRESHOLD";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void countyAdmin() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void eachVersionIsStoredOnceAndAPastDayReadsTheVersionsInForceThen() throws Exception {
        HouseholdFixture poor = HouseholdFixture.earning(VILLAGE, "5000");
        HouseholdFixture steady = HouseholdFixture.earning(VILLAGE, "9000");
        poor.publish();
        steady.publish();
        String inVillage = " where standard_code = '" + STANDARD + "' and village_code = '" + VILLAGE + "'";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from indicator_result" + inVillage) == 12);
        assertEquals(
                0,
                count("select count(*) from indicator_result_history" + inVillage),
                "a first result is written once, where it is in force");
        Instant first = Instant.now();

        // the poor household's income rises above the line, and falls below it again
        poor.incomes.clear();
        poor.income(HouseholdFixture.lastYear(), "9000");
        poor.version = 1;
        poor.publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> incomeMet(poor, true));
        Instant rise = Instant.now();
        poor.incomes.clear();
        poor.income(HouseholdFixture.lastYear(), "5000");
        poor.version = 2;
        poor.publish();
        // the steady household is merged into another: its results are removed
        steady.status = "MERGED";
        steady.version = 1;
        steady.publish();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> incomeMet(poor, false)
                        && count("select count(*) from indicator_result where household_id = '" + steady.id + "'")
                                == 0);

        String poorIncome = " where household_id = '" + poor.id + "' and standard_code = '" + STANDARD
                + "' and indicator_code = '" + INCOME + "'";
        assertEquals(
                2,
                count("select count(*) from indicator_result_history" + poorIncome),
                "the two versions the household's income result replaced");
        assertEquals(
                1,
                count("select count(*) from indicator_result_history" + poorIncome
                        + " and met and previously_met = false and superseded_at = (select evaluated_at"
                        + " from indicator_result" + poorIncome + " and not met and previously_met)"),
                "the version in which it met the indicator, until the one that fails it again");
        assertEquals(
                0,
                count("select count(*) from indicator_result_history where household_id = '" + poor.id
                        + "' and indicator_code <> '" + INCOME + "'"),
                "the results its income does not touch were not written again");
        assertEquals(
                5,
                count("select count(*) from indicator_result where household_id = '" + poor.id
                        + "' and indicator_code <> '" + INCOME + "' and previously_met is null and evaluated_at < '"
                        + first + "'"),
                "they stay as first recorded, beside the income result recorded again");
        assertEquals(
                6,
                count("select count(*) from indicator_result_history where household_id = '" + steady.id
                        + "' and superseded_at > evaluated_at"),
                "the merged household's removed results, each kept until the merge");

        // the same story over days: first results a week ago, the rise three days ago, the fall and the merge
        // yesterday
        try (Connection c = dataSource.getConnection()) {
            String back = "%1$s - case when %1$s < ? then interval '7 days' when %1$s < ? then interval '3 days'"
                    + " else interval '1 day' end";
            for (String update : List.of(
                    // the results in force: an element of their row's array each
                    "update standard_result set evaluated_at = array(select " + back.formatted("e")
                            + " from unnest(evaluated_at) with ordinality as u(e, o) order by o)",
                    "update indicator_result_history set evaluated_at = " + back.formatted("evaluated_at"),
                    "update indicator_result_history set superseded_at = " + back.formatted("superseded_at"))) {
                try (PreparedStatement shift = c.prepareStatement(update + " where household_id in (?, ?)")) {
                    shift.setTimestamp(1, Timestamp.from(first));
                    shift.setTimestamp(2, Timestamp.from(rise));
                    shift.setObject(3, UUID.fromString(poor.id));
                    shift.setObject(4, UUID.fromString(steady.id));
                    shift.executeUpdate();
                }
            }
        }
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        rates(today.minusDays(8)).body(denominator(), equalTo(0));
        rates(today.minusDays(5)).body(denominator(), equalTo(2));
        failing(today.minusDays(5)).body("items.householdId", contains(poor.id));
        rates(today.minusDays(2)).body(denominator(), equalTo(2));
        failing(today.minusDays(2)).body("items", empty());
        rates(null).body(denominator(), equalTo(1));
        rates(today).body(denominator(), equalTo(1));
        failing(null).body("items.householdId", contains(poor.id));
        // a change recorded by a version replaced since, and one by the version in force; a removal is no change
        changes(today.minusDays(4), today.minusDays(2), "STARTED_MEETING").body("items.householdId", contains(poor.id));
        changes(today.minusDays(1), today, "STOPPED_MEETING").body("items.householdId", contains(poor.id));
        changes(today.minusDays(1), today, "STARTED_MEETING").body("items", empty());
    }

    /**
     * Results written before V11 (every version in the history, the one in force too, and a removal as a marker row)
     * are kept once: the versions in force with their previous met and cause, the others with when they stopped being
     * in force; the markers go. V13 then keeps each household's results of a standard in one row, read as before.
     */
    @Test
    void resultsWrittenBeforeEachVersionWasStoredOnceAreMigrated() throws Exception {
        // a schema of its own, migrated and read over connections of its own: the service's pool stays as it is
        String schema = "results_before_v11";
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class)
                .orElse(null);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class)
                .orElse(null);
        String[] locations = Arrays.stream(config.getValue("quarkus.flyway.locations", String.class)
                        .split(","))
                .map(location -> "classpath:" + location.trim())
                .toArray(String[]::new);
        DataSource own = Flyway.configure().dataSource(url, user, password).getDataSource();
        try (Connection c = own.getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
        Consumer<String> migrateTo = target -> Flyway.configure()
                .dataSource(url, user, password)
                .schemas(schema)
                .locations(locations)
                .target(target)
                .load()
                .migrate();
        migrateTo.accept("10");
        String a = "00000000-0000-0000-0000-00000000000a";
        String b = "00000000-0000-0000-0000-00000000000b";
        try (Connection c = own.getConnection();
                Statement s = c.createStatement()) {
            s.execute("set search_path to " + schema);
            // household a, indicator I1: met, then not met; I2: met, then removed
            // household b, indicator I1: met; I2: met, removed, then recorded again (not met)
            s.execute("""
                    insert into indicator_result_history (household_id, standard_code, indicator_code,
                        standard_version, village_code, met, previously_met, numerator, denominator, exclusions,
                        reasons, evaluated_at, cause) values
                    ('%1$s', 'S', 'I1', 1, 'V', true, null, 1, 1, null, '[]', '2026-01-01T00:00:00Z', 'c1'),
                    ('%1$s', 'S', 'I1', 1, 'V', false, true, 0, 1, null, '[]', '2026-02-01T00:00:00Z', 'c2'),
                    ('%1$s', 'S', 'I2', 1, 'V', true, null, 1, 1, null, '[]', '2026-01-01T00:00:00Z', 'c1'),
                    ('%1$s', 'S', 'I2', 0, 'V', true, true, 0, 0, null, null, '2026-03-01T00:00:00Z', 'c3'),
                    ('%2$s', 'S', 'I1', 1, 'V', true, null, 1, 1, null, '[]', '2026-01-01T00:00:00Z', 'c1'),
                    ('%2$s', 'S', 'I2', 1, 'V', true, null, 1, 1, null, '[]', '2026-01-01T00:00:00Z', 'c1'),
                    ('%2$s', 'S', 'I2', 0, 'V', true, true, 0, 0, null, null, '2026-02-01T00:00:00Z', 'c2'),
                    ('%2$s', 'S', 'I2', 2, 'V', false, null, 0, 1, null, '[]', '2026-03-01T00:00:00Z', 'c3')
                    """.formatted(a, b));
            s.execute("""
                    insert into indicator_result (household_id, standard_code, indicator_code, standard_version,
                        village_code, met, numerator, denominator, exclusions, reasons, digest, evaluated_at) values
                    ('%1$s', 'S', 'I1', 1, 'V', false, 0, 1, null, '[]', 'd', '2026-02-01T00:00:00Z'),
                    ('%2$s', 'S', 'I1', 1, 'V', true, 1, 1, null, '[]', 'd', '2026-01-01T00:00:00Z'),
                    ('%2$s', 'S', 'I2', 2, 'V', false, 0, 1, null, '[]', 'd', '2026-03-01T00:00:00Z')
                    """.formatted(a, b));
        }

        migrateTo.accept("11");

        try (Connection c = own.getConnection();
                Statement s = c.createStatement()) {
            s.execute("set search_path to " + schema);
            assertEquals(
                    "a I1 true 01-01 02-01 c1, a I2 true 01-01 03-01 c1, b I2 true 01-01 02-01 c1",
                    text(s, """
                    select string_agg(concat_ws(' ', right(household_id::text, 1), indicator_code, met::text,
                                                to_char(evaluated_at at time zone 'UTC', 'MM-DD'),
                                                to_char(superseded_at at time zone 'UTC', 'MM-DD'), cause), ', '
                                      order by household_id, indicator_code, evaluated_at)
                    from indicator_result_history"""),
                    "the versions replaced or removed, until the next version or the removal; no markers");
            assertEquals(
                    "a I1 false true c2, b I1 true - c1, b I2 false - c3",
                    text(s, """
                    select string_agg(concat_ws(' ', right(household_id::text, 1), indicator_code, met::text,
                                                coalesce(previously_met::text, '-'), cause), ', '
                                      order by household_id, indicator_code)
                    from indicator_result"""),
                    "the versions in force, with the previous met and the cause they were recorded with");
        }

        // V13: one row per household and standard, each indicator's result an element of its arrays; read as before
        migrateTo.accept("13");
        try (Connection c = own.getConnection();
                Statement s = c.createStatement()) {
            s.execute("set search_path to " + schema);
            assertEquals("a 1 I1 c2, b 2 I1+I2 c1+c3", text(s, """
                    select string_agg(concat_ws(' ', right(household_id::text, 1), cardinality(indicator_codes),
                                                array_to_string(indicator_codes, '+'), array_to_string(causes, '+')),
                                      ', ' order by household_id)
                    from standard_result"""), "a row per household and standard");
            assertEquals(
                    "a I1 false true 0 1 [] d 02-01 c2, b I1 true - 1 1 [] d 01-01 c1,"
                            + " b I2 false - 0 1 [] d 03-01 c3",
                    text(s, """
                    select string_agg(concat_ws(' ', right(household_id::text, 1), indicator_code, met::text,
                                                coalesce(previously_met::text, '-'), numerator, denominator,
                                                cast(reasons as text), digest,
                                                to_char(evaluated_at at time zone 'UTC', 'MM-DD'), cause), ', '
                                      order by household_id, indicator_code)
                    from indicator_result"""),
                    "the view gives the versions in force as the table held them");
            try (var rows = s.executeQuery("""
                    select count(*), count(*) filter (where cast(reasons as text) = '[]')
                    from indicator_result_history""")) {
                rows.next();
                assertEquals(3, rows.getInt(1));
                assertEquals(3, rows.getInt(2), "the replaced versions keep their reasons");
            }
            s.execute("drop schema " + schema + " cascade");
        }
    }

    /** The one text a query over the migrated schema gives. */
    private static String text(Statement s, String query) throws SQLException {
        try (ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String denominator() {
        return "indicators.find { it.indicatorCode == '" + INCOME + "' }.denominator";
    }

    private static ValidatableResponse rates(LocalDate asOf) {
        var request = given().queryParam("standard", STANDARD).queryParam("division", TOWNSHIP);
        if (asOf != null) {
            request.queryParam("asOf", asOf.toString());
        }
        return request.get("/api/v1/indicator-rates").then().statusCode(200);
    }

    private static ValidatableResponse failing(LocalDate asOf) {
        var request = given().queryParam("standard", STANDARD)
                .queryParam("indicator", INCOME)
                .queryParam("division", TOWNSHIP);
        if (asOf != null) {
            request.queryParam("asOf", asOf.toString());
        }
        return request.get("/api/v1/indicator-rates/failing-households").then().statusCode(200);
    }

    private static ValidatableResponse changes(LocalDate from, LocalDate to, String change) {
        return given().queryParam("standard", STANDARD)
                .queryParam("indicator", INCOME)
                .queryParam("division", TOWNSHIP)
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .queryParam("change", change)
                .get("/api/v1/indicator-rates/changes")
                .then()
                .statusCode(200);
    }

    private boolean incomeMet(HouseholdFixture household, boolean met) throws Exception {
        return count("select count(*) from indicator_result where household_id = '" + household.id
                        + "' and standard_code = '" + STANDARD + "' and indicator_code = '" + INCOME + "' and met = "
                        + met)
                == 1;
    }

    private long count(String sql) throws Exception {
        return Rows.count(dataSource, sql);
    }
}
