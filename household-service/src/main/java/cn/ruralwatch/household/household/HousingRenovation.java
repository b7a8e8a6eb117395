package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 危房改造 status. */
@Schema(description = "危房改造情况")
public enum HousingRenovation {
    /** 无需改造 */
    NONE,
    /** 需改造，未开工 */
    NEEDED,
    /** 改造中 */
    IN_PROGRESS,
    /** 已完成改造 */
    COMPLETED
}
