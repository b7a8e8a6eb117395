package cn.ruralwatch.household.household;

/** 务工地点. */
public enum EmploymentLocation {
    /** 县内 */
    IN_COUNTY,
    /** 县外省内 */
    IN_PROVINCE,
    /** 省外 */
    OUT_OF_PROVINCE
}
