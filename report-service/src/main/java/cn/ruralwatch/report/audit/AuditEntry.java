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

        @Schema(description = "对象变更历史中保存本次新旧值的修订版本：农户的变更只记在其变更历史中（只增不改），审计记录指明修订版本而不重复其值；记录自带新旧值时为空", example = "3")
        Long revision,

        @Schema(
                description = "该修订版本的地址（审计员可读），有 revision 时给出",
                example = "/api/v1/households/0192b6c2-7c1e-7a54-9f3e-2d8a4c6b1e90/revisions/3")
        String revisionPath,

        @Schema(description = "字段变化（旧值 → 新值）；查看完整信息时，以及新旧值在修订版本中时只列字段（新增农户时不列字段，修订版本即登记的整户）")
        List<Change> changes) {

    @Schema(name = "AuditChange")
    public record Change(String field, String oldValue, String newValue) {}
}
