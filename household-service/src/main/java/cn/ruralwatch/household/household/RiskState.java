package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 风险状态 of a monitored household. */
@Schema(description = "监测对象风险状态")
public enum RiskState {
    /** 未消除风险 */
    AT_RISK,
    /** 已消除风险 */
    ELIMINATED
}
