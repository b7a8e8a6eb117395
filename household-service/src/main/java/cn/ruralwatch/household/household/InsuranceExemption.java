package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a member is not enrolled in the residents' medical or pension insurance; such members leave the rate's denominator. */
@Schema(description = "未参加居民医保或居民养老保险的原因")
public enum InsuranceExemption {
    /** 现役军人 */
    ACTIVE_SOLDIER,
    /** 参加其他同类保险（职工医保、机关事业单位或企业职工养老保险） */
    OTHER_INSURANCE,
    /** 在校学生（养老保险） */
    STUDENT,
    /** 长期外出务工 */
    LONG_TERM_MIGRANT,
    /** 其他 */
    OTHER
}
