package cn.ruralwatch.counts;

import java.util.List;
import java.util.Map;

/**
 * 核对口径: household-service's own counts of the households living in each village of a division, that report-service
 * compares its read model with (reconciliation). Merged or dissolved households are not counted; members are the
 * members living in the household.
 */
public record HouseholdCounts(String division, List<VillageHouseholds> villages) {

    public HouseholdCounts {
        villages = List.copyOf(villages);
    }

    /** One village's counts; enumeration keys are the names household-service's API documents. */
    public record VillageHouseholds(
            String villageCode,
            long households,
            long members,
            Map<String, Long> byPovertyStatus,
            long monitoredHouseholds,
            Map<String, Long> byMonitoringCategory,
            long atRiskHouseholds) {}
}
