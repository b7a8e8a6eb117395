package cn.ruralwatch.fund.project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who owns an asset: as low as possible, usually the village collective. */
@Schema(description = "资产权属")
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
