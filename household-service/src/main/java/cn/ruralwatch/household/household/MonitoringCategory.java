package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 监测对象类别 since 2021. */
@Schema(description = "监测对象类别")
public enum MonitoringCategory {
    /** 脱贫不稳定户 */
    UNSTABLE_EXITED,
    /** 边缘易致贫户 */
    EDGE_AT_RISK,
    /** 突发严重困难户 */
    SUDDEN_HARDSHIP
}
