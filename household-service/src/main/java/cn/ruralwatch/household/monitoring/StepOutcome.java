package cn.ruralwatch.household.monitoring;

/** The outcome of a review step; a failed step ends the case. */
public enum StepOutcome {
    /** 通过 */
    PASSED,
    /** 未通过 */
    FAILED
}
