package cn.ruralwatch.household.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an import job stands. */
@Schema(description = "农户批量导入任务的状态")
public enum ImportStatus {
    /** 排队中 */
    QUEUED,
    /** 导入中 */
    RUNNING,
    /** 已完成: every row stored or reported */
    COMPLETED,
    /** 失败: the file could not be read to its end; what was stored before stays */
    FAILED,
    /** 已取消: stopped by a caller; what was stored before stays */
    CANCELLED
}
