package cn.ruralwatch.household.workteam;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.ResourceId;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/guidance-notices")
@Tag(name = "驻村工作队 Village work teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GuidanceNoticeResource {

    @Inject
    GuidanceNoticeService notices;

    @Inject
    WorkTeamQueries queries;

    @Inject
    CallerScope scope;

    @POST
    @Operation(
            operationId = "issueGuidanceNotice",
            summary = "记录下发的每月工作提示",
            description =
                    "县或乡镇某月下发到村和驻村工作队的工作提示：月份、下发单位、标题和事项。同一区划同月同标题 409。" + "发布 guidance-notice.issued.v1（只有月份和事项个数）。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = WorkTeamApi.NoticeRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "8月工作提示",
                                            value = "{\"regionCode\": \"450422101\", \"month\": \"2023-08\","
                                                    + " \"issuedOn\": \"2023-08-01\", \"issuingOffice\": \"镇乡村振兴办公室\","
                                                    + " \"title\": \"8月份巩固拓展脱贫攻坚成果工作提示\","
                                                    + " \"items\": [\"完成驻村工作队轮换交接\", \"开展防返贫监测月度排查\"]}")))
    @APIResponse(
            responseCode = "201",
            description = "已记录",
            content = @Content(schema = @Schema(implementation = WorkTeamApi.NoticeView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法：区划、月份、日期、事项")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    @APIResponse(responseCode = "409", description = "该区划本月已有同标题的工作提示")
    public Response issue(@Valid @NotNull WorkTeamApi.NoticeRequest request, @Context UriInfo uri) {
        GuidanceNotice notice = notices.issue(request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(notice.id.toString()).build())
                .entity(queries.notice(notice.id))
                .build();
    }

    @GET
    @Operation(
            operationId = "listGuidanceNotices",
            summary = "每月工作提示（分页，按月份）",
            description = "所查区划内及其上级（县、乡镇）下发的工作提示，按月份筛选（seed 003：全年下发 12 次）。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "月份不合法，或 to 早于 from")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<WorkTeamApi.NoticeView> list(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "起始月份（含，yyyy-MM）", example = "2023-01") @QueryParam("from") String from,
            @Parameter(description = "截止月份（含，yyyy-MM）", example = "2023-12") @QueryParam("to") String to,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        Periods.Months months = Periods.months(from, to);
        String prefix = scope.narrow(division)
                .orElseThrow(() -> ProblemException.of(
                        ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", division, scope.division()));
        return queries.notices(prefix, months.from(), months.to(), PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getGuidanceNotice", summary = "查询一份每月工作提示")
    @APIResponse(
            responseCode = "200",
            description = "工作提示",
            content = @Content(schema = @Schema(implementation = WorkTeamApi.NoticeView.class)))
    @APIResponse(responseCode = "404", description = "没有这份工作提示，或不在本人辖区")
    public WorkTeamApi.NoticeView get(@PathParam("id") @ResourceId("guidance-notice.not-found") UUID id) {
        return queries.notice(notices.get(id).id);
    }
}
