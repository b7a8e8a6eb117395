package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 城乡居民基本医疗保险 enrolment of a member. */
@Schema(description = "城乡居民基本医疗保险参保情况")
public enum MedicalInsurance {
    /** 已参保 */
    ENROLLED,
    /** 未参保 */
    NOT_ENROLLED,
    /** 未核实 */
    UNKNOWN
}
