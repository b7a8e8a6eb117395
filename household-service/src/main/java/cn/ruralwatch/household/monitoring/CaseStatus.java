package cn.ruralwatch.household.monitoring;

/** Where a monitoring case stands. */
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
