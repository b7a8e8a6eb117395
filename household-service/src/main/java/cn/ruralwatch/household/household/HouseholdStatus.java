package cn.ruralwatch.household.household;

/** Whether a household still exists as a unit. */
public enum HouseholdStatus {
    /** 正常 */
    ACTIVE,
    /** 已并入另一户 */
    MERGED,
    /** 已注销（无在户成员） */
    DISSOLVED
}
