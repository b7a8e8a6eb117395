package cn.ruralwatch.household.household;

/** Whether a member still lives in the household. */
public enum MemberStatus {
    /** 在户 */
    ACTIVE,
    /** 已减员（死亡、婚出、迁出），记录保留 */
    REMOVED
}
