package cn.ruralwatch.household.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a monitoring case stands. */
@Schema(description = "识别、风险消除案件的状态")
public enum CaseStatus {
    /** 审核中 */
    OPEN,
    /** 县级审定同意 */
    APPROVED,
    /** 某一环节未通过 */
    REJECTED,
    /** 撤回 */
    WITHDRAWN
}
