package cn.ruralwatch.fund.project;

/** Who owns an asset: as low as possible, usually the village collective. */
public enum OwnerType {
    /** 村集体 */
    VILLAGE_COLLECTIVE,
    /** 乡镇 */
    TOWNSHIP,
    /** 县 */
    COUNTY,
    /** 农户 */
    HOUSEHOLD
}
