package cn.ruralwatch.indicator.job;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ResourceId;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation-jobs")
@Tag(name = "重新评估任务 Evaluation jobs")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationJobResource {

    @Inject
    EvaluationJobs jobs;

    @Context
    UriInfo uriInfo;

    @Schema(name = "EvaluationJobRequest")
    public record JobRequest(
            @Schema(description = "重新评估的地区（行政区划代码）；为空时为本人所辖地区", example = "450422101")
            @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}")
            String regionCode,

            @Schema(description = "只按这些指标体系评估；为空时按全部在用的指标体系")
            List<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,59}") String> standardCodes) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createEvaluationJob", summary = "对一个地区的农户重新评估（后台任务）")
    @APIResponse(
            responseCode = "202",
            description = "已排队；Location 指向任务",
            content = @Content(schema = @Schema(implementation = EvaluationJobs.JobView.class)))
    @APIResponse(responseCode = "400", description = "地区不在本人辖区内或编码不合法")
    public Response create(
            @RequestBody(
                            required = false,
                            description = "可省略：省略时为本人所辖地区、全部在用的指标体系",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = JobRequest.class),
                                            examples = {
                                                @ExampleObject(
                                                        name = "一个乡镇按全国农户标准",
                                                        summary = "同心镇的农户按 NATIONAL_HOUSEHOLD_2021 重新评估",
                                                        value = """
                                                                {"regionCode": "450422101", "standardCodes": ["NATIONAL_HOUSEHOLD_2021"]}"""),
                                                @ExampleObject(
                                                        name = "全县全部指标体系",
                                                        summary = "横县的农户按全部在用的指标体系重新评估",
                                                        value = """
                                                                {"regionCode": "450422"}""")
                                            }))
                    @Valid
                    JobRequest request) {
        EvaluationJobs.JobView job = jobs.request(
                request == null ? null : request.regionCode(), request == null ? null : request.standardCodes());
        return Response.accepted(job)
                .location(uriInfo.getBaseUriBuilder()
                        .path("/api/v1/evaluation-jobs/{id}")
                        .build(job.id()))
                .build();
    }

    @GET
    @Operation(operationId = "listEvaluationJobs", summary = "本辖区的重新评估任务，新任务在前")
    public Page<EvaluationJobs.JobView> list(
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return jobs.list(PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEvaluationJob", summary = "任务状态与进度（PENDING、RUNNING、DONE、FAILED、CANCELLED）")
    @APIResponse(responseCode = "200", description = "任务")
    @APIResponse(responseCode = "404", description = "没有这个任务")
    public EvaluationJobs.JobView get(@PathParam("id") @ResourceId("evaluation-job.not-found") UUID id) {
        return jobs.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(
            operationId = "cancelEvaluationJob",
            summary = "取消重新评估任务",
            description = "排队中的任务立即取消；运行中的任务在当前一批农户评估完后停止，已写入的结果保留。已结束的任务不能取消（409）。")
    @APIResponse(
            responseCode = "200",
            description = "任务（已取消，或运行中、正在停止）",
            content = @Content(schema = @Schema(implementation = EvaluationJobs.JobView.class)))
    @APIResponse(responseCode = "404", description = "没有这个任务")
    @APIResponse(responseCode = "409", description = "任务已结束")
    public EvaluationJobs.JobView cancel(@PathParam("id") @ResourceId("evaluation-job.not-found") UUID id) {
        return jobs.cancel(id);
    }
}
