package cn.ruralwatch.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code evaluation.changed.v1}: a household's evaluation against one standard was computed and differs from the previous
 * one (or is the first). Key: the household id.
 */
public record EvaluationChanged(
        String householdId,
        String villageCode,
        String standardCode,
        boolean allMet,
        List<Result> results,
        Instant evaluatedAt)
        implements IndicatorEvent {

    public EvaluationChanged {
        java.util.Objects.requireNonNull(householdId, "householdId");
        java.util.Objects.requireNonNull(villageCode, "villageCode");
        results = List.copyOf(java.util.Objects.requireNonNull(results, "results"));
    }

    /**
     * One indicator's outcome. {@code numerator}/{@code denominator} are what the household adds to the indicator's rate:
     * people for a rate over members, 0 or 1 for a rate over households; a household outside the rate's population (or
     * excluded from it) adds 0 to both.
     */
    public record Result(String indicatorCode, boolean met, int numerator, int denominator) {}
}
