package cn.ruralwatch.report.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportJob", description = "统计任务：重建统计数据、生成工作汇报、导出大名单")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportJob(
        UUID id,
        JobKind kind,

        @Schema(description = "QUEUED 排队中，RUNNING 进行中，DONE 已完成，FAILED 失败，CANCELLED 已取消")
        State state,

        @Schema(description = "任务所属区划") String division,
        @Schema(description = "提交人") String requestedBy,
        @Schema(description = "任务参数") Map<String, Object> parameters,
        @Schema(description = "进度或结果数字") Map<String, Object> progress,
        @Schema(description = "失败原因") String error,
        @Schema(description = "生成的文件名（完成后）") String fileName,

        @Schema(description = "下载地址（完成且有文件时）", example = "/api/v1/reports/jobs/…/file")
        String file,

        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt) {

    @Schema(name = "ReportJobState", description = "报表任务状态")
    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }
}
