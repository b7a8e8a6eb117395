package cn.ruralwatch.household.household;

/** 城乡居民基本医疗保险 enrolment of a member. */
public enum MedicalInsurance {
    /** 已参保 */
    ENROLLED,
    /** 未参保 */
    NOT_ENROLLED,
    /** 未核实 */
    UNKNOWN
}
