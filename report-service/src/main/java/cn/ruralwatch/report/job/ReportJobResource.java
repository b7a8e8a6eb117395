package cn.ruralwatch.report.job;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ResourceId;
import cn.ruralwatch.report.Downloads;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/jobs")
@Tag(name = "统计任务 Report jobs")
@Produces(MediaType.APPLICATION_JSON)
public class ReportJobResource {

    @Inject
    ReportJobs jobs;

    @GET
    @Operation(operationId = "listReportJobs", summary = "本人辖区内的统计任务（最新在前，分页）")
    public Page<ReportJob> list(
            @Parameter(description = "任务类型") @QueryParam("kind") JobKind kind,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return jobs.list(kind, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReportJob", summary = "统计任务的状态、进度和结果")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "404", description = "任务不存在或不在本人辖区")
    public ReportJob get(@PathParam("id") @ResourceId("report.job.not-found") UUID id) {
        return jobs.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(
            operationId = "cancelReportJob",
            summary = "取消统计任务",
            description = "排队中的任务立即取消；运行中的任务在下一个检查点停止，不生成文件。已结束的任务不能取消（409）。")
    @APIResponse(
            responseCode = "200",
            description = "任务（已取消，或运行中、正在停止）",
            content = @Content(schema = @Schema(implementation = ReportJob.class)))
    @APIResponse(responseCode = "404", description = "任务不存在或不在本人辖区")
    @APIResponse(responseCode = "409", description = "任务已结束")
    public ReportJob cancel(@PathParam("id") @ResourceId("report.job.not-found") UUID id) {
        return jobs.cancel(id);
    }

    @GET
    @Path("/{id}/file")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadReportJobFile", summary = "下载任务生成的文件（Word 工作汇报或 Excel 名单）")
    @APIResponse(
            responseCode = "200",
            description = "文件",
            content = {
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "404", description = "任务不存在、不在本人辖区或没有文件")
    @APIResponse(responseCode = "409", description = "任务尚未完成")
    public Response file(@PathParam("id") @ResourceId("report.job.not-found") UUID id) {
        ReportJobs.File file = jobs.file(id);
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", Downloads.contentDisposition(file.name()))
                .build();
    }
}
