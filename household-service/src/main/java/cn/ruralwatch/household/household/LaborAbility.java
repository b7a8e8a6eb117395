package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 劳动能力 of a member. */
@Schema(description = "劳动能力")
public enum LaborAbility {
    /** 普通劳动力 */
    ORDINARY,
    /** 技能劳动力 */
    SKILLED,
    /** 弱劳动力或半劳动力 */
    WEAK,
    /** 丧失劳动力 */
    LOST,
    /** 无劳动力 */
    NONE
}
