package cn.ruralwatch.indicator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.indicator.evaluation.EvaluationService;
import cn.ruralwatch.testing.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A re-evaluation job reads each chunk of households ahead, while the chunk before it is written. An event about one of
 * them may be evaluated in between: the job must then leave the newer state's results as they are, never write those
 * of the state it read over them; and an event's evaluation arriving while the chunk is written waits for it.
 */
@QuarkusTest
class JobAgainstEventsTest {

    static final String VILLAGE = "450422196201";
    static final String STANDARD = "NATIONAL_HOUSEHOLD_2021";
    static final String INCOME = "INCOME_ABOVE_THRESHOLD";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EvaluationService evaluations;

    @Test
    void aChunkReadBeforeAnEventLeavesTheNewerStatesResultsAsTheyAre() throws Exception {
        HouseholdFixture household = evaluated("5000");
        assertEquals("false", income(household.id), "below the monitoring line of 6000");
        // the job reads the household ahead, at version 0
        HouseholdState readAhead = household.state();

        // an event commits before the job writes the chunk: the household's income is now above the line
        household.incomes.clear();
        household.income(HouseholdFixture.lastYear(), "9000");
        household.version = 1;
        household.publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> evaluatedVersion(household.id) == 1);
        assertEquals("true", income(household.id));
        long history =
                count("select count(*) from indicator_result_history where household_id = '" + household.id + "'");

        String cause = "job:" + UUID.randomUUID();
        EvaluationService.Changes changes = QuarkusTransaction.requiringNew()
                .call(() -> evaluations.evaluate(
                        List.of(new EvaluationService.Household(UUID.fromString(household.id), readAhead)),
                        EvaluationService.Selection.of(List.of(STANDARD)),
                        cause));

        assertEquals(0, changes.households(), "the household as it stands was judged already");
        assertEquals(1, evaluatedVersion(household.id), "the version judged stays the newer one");
        assertEquals("true", income(household.id), "the results of the older state were not written");
        assertEquals(
                history,
                count("select count(*) from indicator_result_history where household_id = '" + household.id + "'"),
                "no history of the older state");
    }

    @Test
    void anEventsEvaluationWaitsWhileAChunkHoldingItsHouseholdIsWritten() throws Exception {
        HouseholdFixture household = evaluated("7000");

        QuarkusTransaction.requiringNew().run(() -> {
            evaluations.evaluate(
                    List.of(new EvaluationService.Household(UUID.fromString(household.id), household.state())),
                    EvaluationService.Selection.of(List.of(STANDARD)),
                    "job:" + UUID.randomUUID());
            // another evaluation of the household under the standard (an event's, on another connection) cannot claim
            // it until the chunk commits
            CompletionException refused =
                    assertThrows(CompletionException.class, () -> CompletableFuture.runAsync(() -> claim(household.id))
                            .join());
            assertEquals("55P03", ((SQLException) refused.getCause().getCause()).getSQLState(), "lock not available");
        });
        // once it has, it can
        CompletableFuture.runAsync(() -> claim(household.id)).join();
    }

    /** A household of one member with last year's income, registered and evaluated at version 0. */
    private HouseholdFixture evaluated(String income) {
        HouseholdFixture household = HouseholdFixture.earning(VILLAGE, income);
        household.publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> evaluatedVersion(household.id) == 0);
        return household;
    }

    /** Takes the household's evaluated version under the standard for an update, as an evaluation does, not waiting. */
    private void claim(String householdId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement lock = c.prepareStatement("select version from household_evaluation"
                        + " where household_id = ? and standard_code = '" + STANDARD + "' for update nowait")) {
            lock.setObject(1, UUID.fromString(householdId));
            lock.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long evaluatedVersion(String householdId) throws Exception {
        return count("select coalesce(max(version), -1) from household_evaluation where household_id = '" + householdId
                + "' and standard_code = '" + STANDARD + "'");
    }

    private String income(String householdId) throws Exception {
        return Rows.text(
                dataSource,
                "select cast(met as text) from indicator_result where household_id = '" + householdId
                        + "' and standard_code = '" + STANDARD + "' and indicator_code = '" + INCOME + "'");
    }

    private long count(String sql) throws Exception {
        return Rows.count(dataSource, sql);
    }
}
