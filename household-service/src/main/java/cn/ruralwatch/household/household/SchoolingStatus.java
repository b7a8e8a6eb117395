package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 在校状况 of a member. */
@Schema(description = "在校状况")
public enum SchoolingStatus {
    /** 在校 */
    IN_SCHOOL,
    /** 辍学或失学 */
    DROPPED_OUT,
    /** 缓学或免学 */
    DEFERRED,
    /** 不在校（未到或已过就学年龄、已毕业） */
    NOT_IN_SCHOOL
}
