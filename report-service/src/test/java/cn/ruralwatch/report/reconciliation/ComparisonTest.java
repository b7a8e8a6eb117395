package cn.ruralwatch.report.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final String VILLAGE = "451088101201";

    @Test
    void everyFigureCountsAsComparedAndOnlyThoseThatDifferAreDrift() {
        Comparison comparison = new Comparison();
        Map<String, Long> theirs = Map.of("households", 3L, "members", 9L);
        Map<String, Long> ours = Map.of("households", 3L, "members", 8L);
        comparison.compare(VILLAGE, null, null, "households", "household-service", theirs, ours);
        comparison.compare(VILLAGE, null, null, "members", "household-service", theirs, ours);
        assertEquals(2, comparison.compared());
        assertEquals(1, comparison.drifted());
        assertEquals(
                List.of(new Reconciliation.Drift(VILLAGE, null, null, "members", "household-service", 9, 8)),
                comparison.drift(1000));
    }

    @Test
    void aFigureOneSideLacksCountsAsZero() {
        Comparison comparison = new Comparison();
        comparison.compare(
                null,
                "NATIONAL_HOUSEHOLD_2021",
                "SAFE_HOUSING",
                "notMet",
                "indicator-service",
                Map.of(),
                Map.of("notMet", 2L));
        comparison.compare(
                null, "NATIONAL_HOUSEHOLD_2021", "SAFE_HOUSING", "met", "indicator-service", Map.of(), Map.of());
        assertEquals(
                List.of(new Reconciliation.Drift(
                        null, "NATIONAL_HOUSEHOLD_2021", "SAFE_HOUSING", "notMet", "indicator-service", 0, 2)),
                comparison.drift(1000));
    }

    @Test
    void theDriftListedStopsAtTheLimitAndIsAllCounted() {
        Comparison comparison = new Comparison();
        for (int village = 0; village < 5; village++) {
            comparison.compare(
                    "45108810120" + village,
                    null,
                    null,
                    "households",
                    "household-service",
                    Map.of("households", 1L),
                    Map.of());
        }
        assertEquals(5, comparison.drifted());
        assertEquals(
                List.of("451088101200", "451088101201", "451088101202"),
                comparison.drift(3).stream()
                        .map(Reconciliation.Drift::villageCode)
                        .toList());
    }
}
