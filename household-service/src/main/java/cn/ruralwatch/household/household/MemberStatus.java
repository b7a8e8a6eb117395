package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a member still lives in the household. */
@Schema(description = "家庭成员状态")
public enum MemberStatus {
    /** 在户 */
    ACTIVE,
    /** 已减员（死亡、婚出、迁出），记录保留 */
    REMOVED
}
