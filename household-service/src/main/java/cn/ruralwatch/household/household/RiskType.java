package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 风险类型 of a monitored household. */
@Schema(description = "风险类型")
public enum RiskType {
    /** 因病 */
    ILLNESS,
    /** 因残 */
    DISABILITY,
    /** 因学 */
    EDUCATION,
    /** 因灾 */
    DISASTER,
    /** 因意外事故 */
    ACCIDENT,
    /** 因务工就业不稳 */
    UNSTABLE_EMPLOYMENT,
    /** 因产业项目失败 */
    INDUSTRY_FAILURE,
    /** 住房安全 */
    HOUSING,
    /** 饮水安全 */
    DRINKING_WATER,
    /** 其他 */
    OTHER
}
