package cn.ruralwatch.report.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.messaging.IncomingEvent;
import cn.ruralwatch.tracing.Cause;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A consumer's batch written in a few statements ends as its events applied one by one would: the latest evaluation
 * of a household and standard wins (a later one of the same time too), a standard's status keeps its place among the
 * evaluations, and an audit entry delivered twice is stored once.
 */
@QuarkusTest
class BatchedProjectionTest {

    static final String VILLAGE = "459972101201";
    static final String STANDARD = "NATIONAL_HOUSEHOLD_2021";
    static final String COUNTY_STANDARD = "COUNTY_459972_BATCH";

    @Inject
    IndicatorEventsConsumer indicators;

    @Inject
    AuditEventsConsumer audit;

    @Inject
    EntityManager entityManager;

    @Test
    void evaluationsOfABatchEndAsIfAppliedOneByOne() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        apply(List.of(
                evaluation(first, STANDARD, true, "10:00", "[[\"A\",true],[\"B\",true]]"),
                // older than the one before it: changes nothing
                evaluation(first, STANDARD, false, "09:00", "[[\"A\",false],[\"B\",false]]"),
                // as old as the first, and later in the batch: its results win, B stays as the first left it
                evaluation(first, STANDARD, false, "10:00", "[[\"A\",false]]"),
                evaluation(second, COUNTY_STANDARD, true, "10:00", "[[\"A\",true]]"),
                event(EventTypes.STANDARD_STATUS_SET, """
                        {"code":"%s","version":1,"name":"县定指标","regionCode":"459972","level":"HOUSEHOLD",
                         "status":"RETIRED","statusSetAt":"2026-11-02T10:30:00Z"}""".formatted(COUNTY_STANDARD)),
                evaluation(second, COUNTY_STANDARD, false, "11:00", "[[\"A\",false]]")));

        assertEquals(
                List.of("false 10:00 true"),
                rows(
                        "select all_met || ' ' || to_char(evaluated_at at time zone 'UTC', 'HH24:MI') || ' ' || in_use from report_evaluation"
                                + " where household_id = '" + first + "'"));
        assertEquals(
                List.of("A false true", "B true true"),
                rows("select indicator_code || ' ' || met || ' ' || in_use from report_indicator_result"
                        + " where household_id = '" + first + "' order by indicator_code"));
        // the result stored after the retirement in the same batch, which replaced the earlier one, is out of use
        assertEquals(
                List.of("false 11:00 false"),
                rows(
                        "select all_met || ' ' || to_char(evaluated_at at time zone 'UTC', 'HH24:MI') || ' ' || in_use from report_evaluation"
                                + " where household_id = '" + second + "'"));
        assertEquals(
                List.of("A false false"),
                rows("select indicator_code || ' ' || met || ' ' || in_use from report_indicator_result"
                        + " where household_id = '" + second + "'"));
    }

    @Test
    void anAuditEntryDeliveredTwiceInABatchIsStoredOnce() {
        String household = UUID.randomUUID().toString();
        IncomingEvent entry = auditEntry(household, "UPDATE");
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                audit.apply(List.of(entry, auditEntry(household, "READ"), entry));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(
                List.of(
                        "READ {village-clerk,county-admin} [] 2026-11-02 08:00",
                        "UPDATE {village-clerk,county-admin} [{\"field\": \"headName\", \"newValue\": \"李四\","
                                + " \"oldValue\": \"张三\"}] 2026-11-02 08:00"),
                rows(
                        "select action || ' ' || cast(roles as text) || ' ' || changes || ' ' || to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') from audit_entry"
                                + " where entity_id = '" + household + "' order by action"));
    }

    private void apply(List<IncomingEvent> events) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                indicators.apply(events);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static IncomingEvent evaluation(String household, String standard, boolean allMet, String time, String results) {
        return evaluation(household, VILLAGE, standard, allMet, time, results);
    }

    /** An evaluation of the household in the village at {@code time} on 2026-11-02, results as [[code,met],…]. */
    static IncomingEvent evaluation(
            String household, String village, String standard, boolean allMet, String time, String results) {
        StringBuilder json = new StringBuilder();
        for (String result : results.substring(2, results.length() - 2).split("\\],\\[")) {
            String[] parts = result.split(",");
            json.append(json.isEmpty() ? "" : ",")
                    .append("{\"indicatorCode\":%s,\"met\":%s}".formatted(parts[0], parts[1]));
        }
        return event(EventTypes.EVALUATION_CHANGED, """
                {"householdId":"%s","villageCode":"%s","standardCode":"%s","allMet":%s,"results":[%s],
                 "evaluatedAt":"2026-11-02T%s:00Z"}""".formatted(household, village, standard, allMet, json, time));
    }

    private static IncomingEvent auditEntry(String household, String action) {
        String changes =
                action.equals("UPDATE") ? "[{\"field\":\"headName\",\"oldValue\":\"张三\",\"newValue\":\"李四\"}]" : "[]";
        return event(EventTypes.AUDIT_RECORDED, """
                {"occurredAt":"2026-11-02T08:00:00Z","service":"household-service","actor":"clerk-y",
                 "roles":["village-clerk","county-admin"],"actorDivision":"%s","client":"village-app",
                 "clientAddress":"10.0.0.9","requestId":"req-y","action":"%s","entityType":"household",
                 "entityId":"%s","entityDivision":"%s","changes":%s}""".formatted(VILLAGE, action, household, VILLAGE, changes));
    }

    static IncomingEvent event(String type, String data) {
        return new IncomingEvent(
                UUID.randomUUID().toString(),
                type,
                "/test",
                null,
                Instant.parse("2026-11-02T08:00:00Z"),
                data,
                "test",
                Cause.NONE);
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager.createNativeQuery(sql).getResultList());
    }
}
