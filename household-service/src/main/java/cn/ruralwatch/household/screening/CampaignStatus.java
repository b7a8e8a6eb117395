package cn.ruralwatch.household.screening;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a screening campaign stands. */
@Schema(description = "集中排查状态")
public enum CampaignStatus {
    /** 进行中：线索仍在录入 */
    OPEN,
    /** 已结束 */
    CLOSED
}
