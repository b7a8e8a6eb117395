package cn.ruralwatch.report.projection;

import static cn.ruralwatch.report.projection.BatchedProjectionTest.evaluation;
import static cn.ruralwatch.report.projection.BatchedProjectionTest.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.messaging.IncomingEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A standard's status change is recorded by the consumer's transaction alone; the results the standard holds are
 * flipped into or out of use afterwards, a chunk per transaction, their villages marked as bulk work, and a result
 * stored under a status that changed meanwhile is flipped at the next look.
 */
@QuarkusTest
class StandardFlipsTest {

    /** The village of each test's households: its marks are its own. */
    static final String VILLAGE = "459973101201";

    @Inject
    IndicatorEventsConsumer indicators;

    @Inject
    ReportStandards standards;

    @Inject
    EntityManager entityManager;

    @Test
    void aRetirementLeavesTheConsumersTransactionAndFlipsEveryResultOnceCommitted() {
        String standard = "COUNTY_459973_FLIP";
        evaluate(standard, "459973101202", 3);
        List<String> seenInside = QuarkusTransaction.requiringNew().call(() -> {
            indicators.apply(List.of(status(standard, 1, "RETIRED", "2026-11-03T00:00:00Z")));
            List<String> seen = new ArrayList<>();
            seen.add(text("select status from report_standard where code = '" + standard + "'"));
            seen.addAll(inUse(standard));
            return seen;
        });
        // the consumer's transaction held the status and not one result's row
        assertEquals(List.of("RETIRED", "3", "6"), seenInside);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of("0", "0"), inUse(standard)));
    }

    @Test
    void convergeFlipsAChunkOfEachTableAndMarksTheirVillagesAsBulkWork() {
        String standard = "COUNTY_459973_CHUNK";
        evaluate(standard, VILLAGE, 3);
        List<String> seen = new ArrayList<>();
        QuarkusTransaction.begin();
        try {
            // retired in this transaction only, so the refresher does not see it
            entityManager
                    .createNativeQuery("update report_standard set status = 'RETIRED' where code = '" + standard + "'")
                    .executeUpdate();
            seen.add(Integer.toString(standards.converge(1)));
            seen.addAll(inUse(standard));
            seen.add(text("select count(*) from report_dirty_village where village_code = '" + VILLAGE
                    + "' and not interactive"));
            seen.add(Integer.toString(standards.converge(Integer.MAX_VALUE)));
            seen.addAll(inUse(standard));
        } finally {
            QuarkusTransaction.rollback();
        }
        // one evaluation and one indicator result, the village marked once per table; then the 2 and 5 left
        assertEquals(List.of("2", "2", "5", "2", "7", "0", "0"), seen);
    }

    @Test
    void aResultStoredUnderAStatusThatChangedMeanwhileIsFlippedAtTheNextLook() {
        String standard = "COUNTY_459973_LATE";
        evaluate(standard, "459973101203", 1);
        QuarkusTransaction.requiringNew()
                .run(() -> apply(List.of(status(standard, 1, "RETIRED", "2026-11-03T00:00:00Z"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of("0", "0"), inUse(standard)));

        // as a result written by a transaction that read the status before the retirement committed
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        "update report_evaluation set in_use = true where standard_code = '" + standard + "'")
                .executeUpdate());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of("0", "0"), inUse(standard)));
    }

    @Test
    void theRowsPickedAreFlippedByTheirAddressWhateverTheStatisticsSay() {
        for (String table : List.of("report_indicator_result", "report_evaluation")) {
            // a standard the statistics do not know: what a county's new standard is until the table is analyzed
            String statement = ReportStandards.flipStatement(table)
                    .replace(":code", "'COUNTY_459973_UNSEEN'")
                    .replace(":was", "true")
                    .replace(":limit", Integer.toString(ReportStandards.CHUNK));
            List<?> lines = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery("explain " + statement)
                    .getResultList());
            String plan = lines.stream().map(String::valueOf).collect(Collectors.joining("\n"));
            // one look-up per row picked, never a join reading the standard's rows again for each of them
            assertTrue(plan.contains("Tid Scan on " + table + " t"), plan);
            assertTrue(plan.contains("TID Cond: (p.ctid = ctid)") || plan.contains("TID Cond: (ctid = p.ctid)"), plan);
        }
    }

    /** Results of the standard for {@code households} households in the village, two indicators each. */
    private void evaluate(String standard, String village, int households) {
        List<IncomingEvent> events = new ArrayList<>();
        events.add(status(standard, 1, "ACTIVE", "2026-11-01T00:00:00Z"));
        for (int i = 0; i < households; i++) {
            events.add(evaluation(
                    UUID.randomUUID().toString(),
                    village,
                    standard,
                    i % 2 == 0,
                    "10:00",
                    "[[\"A\",true],[\"B\",false]]"));
        }
        QuarkusTransaction.requiringNew().run(() -> apply(events));
    }

    private void apply(List<IncomingEvent> events) {
        try {
            indicators.apply(events);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static IncomingEvent status(String standard, int version, String status, String at) {
        return event(EventTypes.STANDARD_STATUS_SET, """
                {"code":"%s","version":%d,"name":"县定指标","regionCode":"459973","level":"HOUSEHOLD",
                 "status":"%s","statusSetAt":"%s"}""".formatted(standard, version, status, at));
    }

    /** The standard's evaluations and indicator results in use. */
    private List<String> inUse(String standard) {
        return List.of(
                text("select count(*) from report_evaluation where standard_code = '" + standard + "' and in_use"),
                text("select count(*) from report_indicator_result where standard_code = '" + standard
                        + "' and in_use"));
    }

    private String text(String sql) {
        // in the caller's transaction when there is one, so that it sees what that transaction wrote
        return QuarkusTransaction.joiningExisting()
                .call(() -> String.valueOf(entityManager.createNativeQuery(sql).getSingleResult()));
    }
}
