package cn.ruralwatch.report.audit;

import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, for auditors only. Read-only: no operation of the suite changes or deletes an entry. */
@Path("/api/v1/audit-entries")
@Tag(name = "审计日志 Audit log")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

    @Inject
    AuditLogService auditLog;

    @GET
    @Operation(
            operationId = "listAuditEntries",
            summary = "查询审计日志（仅审计角色）",
            description = "所有服务的数据变更和完整个人信息查看记录，最新的在前；只含审计员管辖区划内的记录。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "筛选条件不合法")
    public Page<AuditEntry> list(
            @Parameter(description = "操作人（令牌 subject）") @QueryParam("actor") String actor,
            @Parameter(description = "对象类型", example = "household") @QueryParam("entityType") String entityType,
            @Parameter(description = "对象编号") @QueryParam("entityId") String entityId,
            @Parameter(description = "操作：CREATE、UPDATE、DELETE、READ_UNMASKED、EXPORT") @QueryParam("action")
                    String action,
            @Parameter(description = "起始时间（含），ISO 8601", example = "2026-11-01T00:00:00Z") @QueryParam("from")
                    String from,
            @Parameter(description = "截止时间（不含），ISO 8601", example = "2026-12-01T00:00:00Z") @QueryParam("to") String to,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        if (action != null
                && Arrays.stream(AuditAction.values()).noneMatch(a -> a.name().equals(action))) {
            throw ProblemException.invalid(Violation.of(
                    "action",
                    "UNKNOWN",
                    "audit.action.unknown",
                    Arrays.stream(AuditAction.values()).map(Enum::name).collect(Collectors.joining("、"))));
        }
        return auditLog.find(
                new AuditLogService.Filter(
                        blankToNull(actor),
                        blankToNull(entityType),
                        blankToNull(entityId),
                        action,
                        instant("from", from),
                        instant("to", to)),
                PageRequest.of(page, size));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = IsoDates.instant(value.strip());
        if (instant == null) {
            throw ProblemException.invalid(Violation.of(field, "FORMAT", "audit.time.format", value));
        }
        return instant;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
