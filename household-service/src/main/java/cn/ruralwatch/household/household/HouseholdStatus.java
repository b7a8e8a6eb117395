package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a household still exists as a unit. */
@Schema(description = "农户状态")
public enum HouseholdStatus {
    /** 正常 */
    ACTIVE,
    /** 已并入另一户 */
    MERGED,
    /** 已注销（无在户成员） */
    DISSOLVED
}
