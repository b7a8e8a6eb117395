package cn.ruralwatch.report.projection;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.access.Roles;
import cn.ruralwatch.problem.Problem;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.report.job.JobKind;
import cn.ruralwatch.report.job.ReportJob;
import cn.ruralwatch.report.job.ReportJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    @POST
    @Transactional
    @RolesAllowed(Roles.COUNTY_ADMIN)
    @Operation(
            operationId = "rebuildReadModels",
            summary = "从头重建统计数据：清空统计库后按事件重放农户、指标、资金各主题",
            description = "后台任务，返回 202 和任务地址（GET /api/v1/reports/jobs/{id}）。重建期间实时事件照常处理，"
                    + "统计数字在任务完成前不完整；完成后与重建前的数字一致（除非期间有新事件）。审计日志不受影响。")
    @APIResponse(
            responseCode = "202",
            description = "已受理",
            content = @Content(schema = @Schema(implementation = ReportJob.class)))
    @APIResponse(
            responseCode = "409",
            description = "已有重建任务在排队或进行中",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rebuild() {
        if (jobs.pending(JobKind.REBUILD)) {
            throw ProblemException.conflict("report.rebuild.pending");
        }
        ReportJob job = jobs.enqueue(JobKind.REBUILD, scope.division(), Map.of());
        return ReportJobs.accepted(job);
    }
}
