package cn.ruralwatch.household.household;

/** 城乡居民基本养老保险 of a member. */
public enum PensionInsurance {
    /** 已参保（缴费中） */
    ENROLLED,
    /** 已领取养老金 */
    RECEIVING,
    /** 未参保 */
    NOT_ENROLLED,
    /** 未核实 */
    UNKNOWN
}
