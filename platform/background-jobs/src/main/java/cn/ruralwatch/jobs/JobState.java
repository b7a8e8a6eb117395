package cn.ruralwatch.jobs;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JobState", description = "任务状态：QUEUED 排队中，RUNNING 运行中，SUCCEEDED 已完成，FAILED 失败（见 error），CANCELLED 已取消")
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean ended() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
