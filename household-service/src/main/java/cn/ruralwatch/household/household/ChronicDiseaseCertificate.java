package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 门诊慢性病证（慢病证） of a member: seed 000 counts 已办 and 待办. */
@Schema(description = "慢病证办理情况")
public enum ChronicDiseaseCertificate {
    /** 未办（无需办理） */
    NONE,
    /** 待办 */
    PENDING,
    /** 已办 */
    ISSUED
}
