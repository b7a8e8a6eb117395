package cn.ruralwatch.fund.fund;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Budget level a linkage fund comes from. */
@Schema(description = "衔接资金来源层级")
public enum SourceLevel {
    /** 中央 */
    CENTRAL,
    /** 省级 */
    PROVINCIAL,
    /** 市级 */
    CITY,
    /** 县级 */
    COUNTY
}
