package cn.ruralwatch.household.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of a review step; a failed step ends the case. */
@Schema(description = "审核环节的办理结果")
public enum StepOutcome {
    /** 通过 */
    PASSED,
    /** 未通过 */
    FAILED
}
