package cn.ruralwatch.report.job;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ReportJobKind",
        description = "任务类型：REBUILD 重建统计数据，WORK_REPORT 工作汇报（Word），EXPORT 导出（Excel），SNAPSHOT 月末统计快照（一月一报）")
public enum JobKind {
    REBUILD,
    WORK_REPORT,
    EXPORT,
    SNAPSHOT
}
