package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 健康状况 of a member; a disability carries its grade. */
@Schema(description = "健康状况")
public enum Health {
    /** 健康 */
    HEALTHY,
    /** 长期慢性病 */
    CHRONIC_ILLNESS,
    /** 患有大病 */
    SERIOUS_ILLNESS,
    /** 残疾 */
    DISABLED
}
