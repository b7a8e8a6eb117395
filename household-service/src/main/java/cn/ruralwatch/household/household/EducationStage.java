package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 文化程度 / 在读学段: the stage a member attends or last attended. */
@Schema(description = "在读或最高学段")
public enum EducationStage {
    /** 学前教育 */
    PRESCHOOL,
    /** 小学 */
    PRIMARY,
    /** 初中 */
    JUNIOR_SECONDARY,
    /** 高中或中职 */
    SENIOR_SECONDARY,
    /** 大专及以上 */
    TERTIARY,
    /** 未上学（文盲或半文盲） */
    NONE
}
