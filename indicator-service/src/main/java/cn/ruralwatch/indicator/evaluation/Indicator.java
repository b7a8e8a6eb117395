package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.indicator.projection.HouseholdProjection;
import java.util.List;

/** One household-level indicator 指标 of a standard. */
public interface Indicator {

    String code();

    /** Chinese name as officials use it, e.g. 有基本医疗保障. */
    String name();

    Outcome evaluate(HouseholdProjection household);

    /** Whether the household meets the indicator, and if not, why. */
    record Outcome(boolean met, List<Reason> reasons) {
        public Outcome {
            reasons = List.copyOf(reasons);
        }
    }

    /** A value that failed the indicator: which member (if any), which field, what it was. */
    record Reason(String memberId, String field, String value) {}
}
