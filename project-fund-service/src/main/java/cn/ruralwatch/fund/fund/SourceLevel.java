package cn.ruralwatch.fund.fund;

/** Budget level a linkage fund comes from. */
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
