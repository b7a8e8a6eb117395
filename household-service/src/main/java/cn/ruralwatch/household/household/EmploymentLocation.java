package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 务工地点. */
@Schema(description = "务工地点：IN_COUNTY 县内，IN_PROVINCE 县外省内，OUT_OF_PROVINCE 省外")
public enum EmploymentLocation {
    /** 县内 */
    IN_COUNTY,
    /** 县外省内 */
    IN_PROVINCE,
    /** 省外 */
    OUT_OF_PROVINCE
}
