package cn.ruralwatch.household.monitoring;

/** What a monitoring case decides. */
public enum CaseKind {
    /** 识别纳入监测对象 */
    IDENTIFICATION,
    /** 风险消除 */
    RISK_ELIMINATION
}
