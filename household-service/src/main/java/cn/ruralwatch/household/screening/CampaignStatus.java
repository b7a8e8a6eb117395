package cn.ruralwatch.household.screening;

/** Where a screening campaign stands. */
public enum CampaignStatus {
    /** 进行中：线索仍在录入 */
    OPEN,
    /** 已结束 */
    CLOSED
}
