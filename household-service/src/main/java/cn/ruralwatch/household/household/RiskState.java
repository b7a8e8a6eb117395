package cn.ruralwatch.household.household;

/** 风险状态 of a monitored household. */
public enum RiskState {
    /** 未消除风险 */
    AT_RISK,
    /** 已消除风险 */
    ELIMINATED
}
