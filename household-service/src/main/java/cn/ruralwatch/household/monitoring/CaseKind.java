package cn.ruralwatch.household.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a monitoring case decides. */
@Schema(description = "监测案件类别：识别纳入或风险消除")
public enum CaseKind {
    /** 识别纳入监测对象 */
    IDENTIFICATION,
    /** 风险消除 */
    RISK_ELIMINATION
}
