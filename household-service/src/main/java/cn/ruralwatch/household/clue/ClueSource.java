package cn.ruralwatch.household.clue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a warning clue (预警线索) came from. */
@Schema(description = "预警线索来源")
public enum ClueSource {
    /** 农户自主申报（含 12317 热线） */
    SELF_REPORT,
    /** 干部排查 */
    CADRE_VISIT,
    /** 部门筛查预警（医保、民政、教育、住建、水利、应急、人社等） */
    DEPARTMENT,
    /** 指标评估预警：本系统评估发现收入低于监测范围或三保障、饮水安全未达标（risk.detected.v1） */
    INDICATOR_ALERT
}
