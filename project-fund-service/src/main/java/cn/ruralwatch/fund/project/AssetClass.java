package cn.ruralwatch.fund.project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Class of a project asset 扶贫项目资产. */
@Schema(description = "扶贫项目资产类别")
public enum AssetClass {
    /** 经营性资产: pays revenue */
    OPERATING,
    /** 公益性资产 */
    PUBLIC_WELFARE,
    /** 到户类资产 */
    HOUSEHOLD
}
