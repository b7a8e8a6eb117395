package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What kind of work a member does, beside where ({@link EmploymentLocation}): the kinds the reports count (务工人员,
 * "家庭全部劳动力均长期外出务工或自主创业", 三业奖补's 积极就业 and 自主创业, 公益性岗位).
 */
@Schema(description = "就业类型")
public enum EmploymentKind {
    /** 外出务工 */
    MIGRANT_WORK,
    /** 就近就业（县内企业、扶贫车间等） */
    LOCAL_EMPLOYMENT,
    /** 公益性岗位 */
    PUBLIC_WELFARE_JOB,
    /** 自主创业 */
    SELF_EMPLOYED
}
