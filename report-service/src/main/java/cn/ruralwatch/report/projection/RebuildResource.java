package cn.ruralwatch.report.projection;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.report.job.JobKind;
import cn.ruralwatch.report.job.ReportJob;
import cn.ruralwatch.report.job.ReportJobs;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/rebuilds")
@Tag(name = "统计任务 Report jobs")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    @Inject
    ReportJobs jobs;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    @POST
    @Transactional
    @Operation(
            operationId = "rebuildReadModels",
            summary = "从头重建统计数据（运维）：按事件重放农户、指标、资金、审计各主题，另行生成后一次切换",
            description = "后台任务，返回 202 和任务地址（GET /api/v1/reports/jobs/{id}）。新的统计数据在旁另行生成，"
                    + "期间查询照常返回现有数字，实时事件照常处理；生成完毕后在一个短事务中切换，数字与重建前一致"
                    + "（期间的新事件也已计入）。审计日志不清空，缺少的条目按事件补回。只有运维角色可以发起，发起记入审计日志。")
    @APIResponse(
            responseCode = "202",
            description = "已受理",
            content = @Content(schema = @Schema(implementation = ReportJob.class)))
    @APIResponse(responseCode = "409", description = "已有重建任务在排队或进行中")
    public Response rebuild() {
        if (jobs.pending(JobKind.REBUILD)) {
            throw ProblemException.conflict("report.rebuild.pending");
        }
        ReportJob job = jobs.enqueue(JobKind.REBUILD, scope.division(), Map.of());
        audit.changed(
                AuditAction.CREATE,
                "read-model-rebuild",
                job.id().toString(),
                null,
                List.of(AuditedChange.created("kind", JobKind.REBUILD.name())));
        return ReportJobs.accepted(job);
    }
}
