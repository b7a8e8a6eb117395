package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 自然增减 and other ways a member joins or leaves a household. */
@Schema(description = "家庭成员变动类型（自然增减、分户、合户）")
public enum MemberChange {
    /** 随户登记 */
    REGISTRATION,
    /** 出生 */
    BIRTH,
    /** 婚入 */
    MARRIAGE_IN,
    /** 迁入 */
    MOVE_IN,
    /** 死亡 */
    DEATH,
    /** 婚出 */
    MARRIAGE_OUT,
    /** 迁出 */
    MOVE_OUT,
    /** 参军入伍（仍为家庭成员，计为现役军人） */
    ENLISTMENT,
    /** 分户 */
    SPLIT,
    /** 合户 */
    MERGE
}
