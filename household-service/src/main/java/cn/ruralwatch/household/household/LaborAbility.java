package cn.ruralwatch.household.household;

/** 劳动能力 of a member. */
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
