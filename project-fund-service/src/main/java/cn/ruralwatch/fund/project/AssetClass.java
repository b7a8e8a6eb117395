package cn.ruralwatch.fund.project;

/** Class of a project asset 扶贫项目资产. */
public enum AssetClass {
    /** 经营性资产: pays revenue */
    OPERATING,
    /** 公益性资产 */
    PUBLIC_WELFARE,
    /** 到户类资产 */
    HOUSEHOLD
}
