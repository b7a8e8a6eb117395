package cn.ruralwatch.household.household;

/** 就读地点. */
public enum SchoolLocation {
    /** 县内 */
    IN_COUNTY,
    /** 县外 */
    OUT_OF_COUNTY
}
