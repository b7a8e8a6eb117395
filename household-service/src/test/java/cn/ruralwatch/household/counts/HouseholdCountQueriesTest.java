package cn.ruralwatch.household.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.counts.HouseholdCounts.VillageHouseholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HouseholdCountQueriesTest {

    @Test
    void sumsTheGroupsOfEachVillageAndCountsOnlyMonitoredHouseholdsByCategoryAndRisk() {
        List<VillageHouseholds> villages = HouseholdCountQueries.villages(List.of(
                new HouseholdCountQueries.Group("450422101201", "NOT_POOR", null, null, 5, 14),
                new HouseholdCountQueries.Group("450422101201", "EXITED", "UNSTABLE_EXITED", "AT_RISK", 2, 7),
                new HouseholdCountQueries.Group("450422101201", "EXITED", "UNSTABLE_EXITED", "ELIMINATED", 1, 3),
                new HouseholdCountQueries.Group("450422101202", "NOT_POOR", "EDGE_AT_RISK", "AT_RISK", 4, 9)));

        assertEquals(
                List.of(
                        new VillageHouseholds(
                                "450422101201",
                                8,
                                24,
                                Map.of("EXITED", 3L, "NOT_POOR", 5L),
                                3,
                                Map.of("UNSTABLE_EXITED", 3L),
                                2),
                        new VillageHouseholds(
                                "450422101202", 4, 9, Map.of("NOT_POOR", 4L), 4, Map.of("EDGE_AT_RISK", 4L), 4)),
                villages);
    }

    @Test
    void noHouseholdsNoVillages() {
        assertEquals(List.of(), HouseholdCountQueries.villages(List.of()));
    }
}
