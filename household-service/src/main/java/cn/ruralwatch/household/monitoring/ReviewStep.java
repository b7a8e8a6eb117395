package cn.ruralwatch.household.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The review path of identification and of risk elimination, in the order it must be walked. */
@Schema(description = "识别、风险消除的审核环节")
public enum ReviewStep {
    /** 入户核实 */
    HOME_VERIFICATION,
    /** 农户承诺与数据授权 */
    COMMITMENT,
    /** 数据比对 */
    DATA_CROSS_CHECK,
    /** 村民主评议 */
    DEMOCRATIC_REVIEW,
    /** 村级公示（不少于 5 天） */
    PUBLIC_NOTICE,
    /** 乡镇审核 */
    TOWNSHIP_REVIEW,
    /** 县级审定 */
    COUNTY_DECISION;

    /** The step after this one; {@code null} after the county decision. */
    public ReviewStep next() {
        return this == COUNTY_DECISION ? null : values()[ordinal() + 1];
    }
}
