package cn.ruralwatch.report.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figures compared one by one, a source system's beside the report's: every figure counts as compared, a figure either
 * side lacks counts as 0, and each that differs is drift.
 */
final class Comparison {

    private final List<Reconciliation.Drift> drift = new ArrayList<>();
    private int compared;

    /** Compares figure {@code name} of a village ({@code standard}, {@code indicator} null) or of an indicator. */
    void compare(
            String village,
            String standard,
            String indicator,
            String name,
            String source,
            Map<String, Long> theirs,
            Map<String, Long> ours) {
        long sourceValue = theirs.getOrDefault(name, 0L);
        long reportValue = ours.getOrDefault(name, 0L);
        compared++;
        if (sourceValue != reportValue) {
            drift.add(new Reconciliation.Drift(village, standard, indicator, name, source, sourceValue, reportValue));
        }
    }

    int compared() {
        return compared;
    }

    /** How many figures differ. */
    int drifted() {
        return drift.size();
    }

    /** The first {@code max} figures that differ, in the order they were compared. */
    List<Reconciliation.Drift> drift(int max) {
        return drift.size() > max ? List.copyOf(drift.subList(0, max)) : drift;
    }
}
