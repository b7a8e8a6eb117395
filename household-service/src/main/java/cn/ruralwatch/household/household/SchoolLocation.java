package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 就读地点. */
@Schema(description = "就读地点")
public enum SchoolLocation {
    /** 县内 */
    IN_COUNTY,
    /** 县外 */
    OUT_OF_COUNTY
}
