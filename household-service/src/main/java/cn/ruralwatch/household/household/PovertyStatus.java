package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 贫困户状态: registered poverty status before 2021 and its exit. */
@Schema(description = "贫困状态")
public enum PovertyStatus {
    /** 一般农户（非建档立卡） */
    NOT_POOR,
    /** 建档立卡未脱贫 */
    NOT_EXITED,
    /** 预脱贫 */
    PLANNED_EXIT,
    /** 脱贫户（有脱贫年度） */
    EXITED
}
