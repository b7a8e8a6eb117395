package cn.ruralwatch.fund.project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a project stands in its lifecycle. */
@Schema(description = "项目阶段")
public enum ProjectStage {
    /** 项目库（储备） */
    RESERVE,
    /** 已申报（村民会议、公示后申报） */
    APPLIED,
    /** 已审核（乡镇审核、县级论证） */
    REVIEWED,
    /** 已批复（预算与资金来源已定） */
    APPROVED,
    /** 实施中 */
    IMPLEMENTING,
    /** 已完工 */
    COMPLETED,
    /** 已验收 */
    ACCEPTED,
    /** 资产已确权 */
    ASSETS_REGISTERED,
    /** 已终止 */
    TERMINATED
}
