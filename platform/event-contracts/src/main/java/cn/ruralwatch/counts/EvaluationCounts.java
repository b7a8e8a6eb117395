package cn.ruralwatch.counts;

import java.util.List;

/**
 * 核对口径: indicator-service's own counts of the current evaluations in a division, that report-service compares its
 * read model with (reconciliation).
 */
public record EvaluationCounts(String division, List<VillageEvaluations> villages, List<IndicatorTotals> indicators) {

    public EvaluationCounts {
        villages = List.copyOf(villages);
        indicators = List.copyOf(indicators);
    }

    /** Households with a current result, and those meeting every indicator of every standard they are evaluated by. */
    public record VillageEvaluations(String villageCode, long evaluatedHouseholds, long householdsMeetingStandard) {}

    /** One indicator over the division: households meeting it and not, and the sums behind its rate. */
    public record IndicatorTotals(
            String standardCode, String indicatorCode, long met, long notMet, long numerator, long denominator) {}
}
