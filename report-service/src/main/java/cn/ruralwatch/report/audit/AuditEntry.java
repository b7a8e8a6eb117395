package cn.ruralwatch.report.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the audit log as auditors read it. */
@Schema(name = "AuditEntry", description = "审计记录：谁在何时对哪条数据做了什么（个人号码均已脱敏）")
public record AuditEntry(
        UUID id,
        @Schema(description = "发生时间") Instant occurredAt,

        @Schema(description = "记录它的服务", example = "household-service")
        String service,

        @Schema(description = "操作人（令牌 subject）") String actor,
        @Schema(description = "操作人的角色") List<String> roles,
        @Schema(description = "操作人的管辖区划") String actorDivision,
        @Schema(description = "调用方客户端（令牌 azp）") String client,
        @Schema(description = "调用方地址") String clientAddress,
        @Schema(description = "请求编号 X-Request-Id") String requestId,

        @Schema(description = "CREATE 新增、UPDATE 修改、DELETE 删除、READ_UNMASKED 查看完整个人信息、EXPORT 导出文件（如一户一册）")
        String action,

        @Schema(description = "对象类型", example = "household") String entityType,
        @Schema(description = "对象编号") String entityId,
        @Schema(description = "对象所属区划") String entityDivision,
        @Schema(description = "字段变化（旧值 → 新值）；查看完整信息时只列字段") List<Change> changes) {

    @Schema(name = "AuditChange")
    public record Change(String field, String oldValue, String newValue) {}
}
