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

/** The trainings of work team members and the inspections of teams, across the teams of a region. */
@Path("/api/v1")
@Tag(name = "驻村工作队 Village work teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkTeamRecordsResource {

    @Inject
    WorkTeamService teams;

    @Inject
    WorkTeamQueries queries;

    @Inject
    CallerScope scope;

    @POST
    @Path("/work-team-trainings")
    @Operation(
            operationId = "recordWorkTeamTraining",
            summary = "记录驻村工作队队员培训",
            description = "县或乡镇组织的培训：日期、主题、学时和参训队员。参训队员须是本区划工作队培训当日在岗的队员，否则 400 指明 memberIds。"
                    + "发布 work-team.trained.v1（队员和工作队的标识，不含主题和姓名）。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = WorkTeamApi.TrainingRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "轮换人员培训",
                                            value = "{\"regionCode\": \"450422101\", \"heldOn\": \"2023-08-20\","
                                                    + " \"topic\": \"防止返贫动态监测和帮扶政策业务培训\", \"hours\": 3.5,"
                                                    + " \"organizer\": \"镇乡村振兴办公室\","
                                                    + " \"memberIds\": [\"0190f3a4-5b6c-7d8e-9f00-112233445566\"]}")))
    @APIResponse(
            responseCode = "201",
            description = "已记录",
            content = @Content(schema = @Schema(implementation = WorkTeamApi.TrainingView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法：区划、日期、学时、参训队员（memberIds）")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Response train(@Valid @NotNull WorkTeamApi.TrainingRequest request, @Context UriInfo uri) {
        WorkTeamTraining training = teams.train(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(training.id.toString())
                        .build())
                .entity(view(training))
                .build();
    }

    @GET
    @Path("/work-team-trainings/{id}")
    @Operation(
            operationId = "getWorkTeamTraining",
            summary = "查询一次驻村工作队队员培训",
            description = "参训队员只列本人辖区内工作队的；县组织的培训乡镇、村也能查到。")
    @APIResponse(
            responseCode = "200",
            description = "培训",
            content = @Content(schema = @Schema(implementation = WorkTeamApi.TrainingView.class)))
    @APIResponse(responseCode = "404", description = "没有这次培训，或不在本人辖区")
    public WorkTeamApi.TrainingView training(@PathParam("id") @ResourceId("work-team.training.not-found") UUID id) {
        return view(teams.training(id));
    }

    @GET
    @Path("/work-team-trainings")
    @Operation(
            operationId = "listWorkTeamTrainings",
            summary = "驻村工作队队员培训（分页，最新在前）",
            description = "所查区划内及其上级（县、乡镇）组织的培训；参训队员只列本人辖区内工作队的。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "日期不合法，或 to 早于 from")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<WorkTeamApi.TrainingView> trainings(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "起始日期（含，yyyy-MM-dd）", example = "2023-01-01") @QueryParam("from") String from,
            @Parameter(description = "截止日期（含，yyyy-MM-dd）", example = "2023-12-31") @QueryParam("to") String to,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        Periods.Days days = Periods.days(from, to);
        return queries.trainings(
                prefix(division), scope.division(), days.from(), days.to(), PageRequest.of(page, size));
    }

    @GET
    @Path("/work-team-inspections")
    @Operation(
            operationId = "listWorkTeamInspections",
            summary = "对驻村工作队的督查（分页，最新在前）",
            description = "所查区划内各村工作队的督查和抽查，按期间和处理结果（如 CRITICIZED 通报批评）筛选。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "日期或 outcome 不合法，或 to 早于 from")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<WorkTeamApi.InspectionView> inspections(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "起始日期（含，yyyy-MM-dd）", example = "2023-01-01") @QueryParam("from") String from,
            @Parameter(description = "截止日期（含，yyyy-MM-dd）", example = "2023-12-31") @QueryParam("to") String to,
            @Parameter(description = "处理结果：NO_ISSUES, COMMENDED, CRITICIZED, ADMONISHED, RECALLED")
                    @QueryParam("outcome")
                    InspectionOutcome outcome,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        Periods.Days days = Periods.days(from, to);
        return queries.inspections(prefix(division), days.from(), days.to(), outcome, PageRequest.of(page, size));
    }

    @GET
    @Path("/work-team-inspections/{id}")
    @Operation(operationId = "getWorkTeamInspection", summary = "查询一次对驻村工作队的督查")
    @APIResponse(
            responseCode = "200",
            description = "督查",
            content = @Content(schema = @Schema(implementation = WorkTeamApi.InspectionView.class)))
    @APIResponse(responseCode = "404", description = "没有这次督查，或其工作队不在本人辖区")
    public WorkTeamApi.InspectionView inspection(
            @PathParam("id") @ResourceId("work-team.inspection.not-found") UUID id) {
        return queries.inspection(teams.inspection(id).id);
    }

    private WorkTeamApi.TrainingView view(WorkTeamTraining t) {
        return new WorkTeamApi.TrainingView(
                t.id,
                t.regionCode,
                teams.divisionName(t.regionCode),
                t.heldOn,
                t.topic,
                t.hours,
                t.organizer,
                t.memberIds.size(),
                queries.attendees(List.of(t.id), scope.division()).getOrDefault(t.id, List.of()),
                t.recordedBy,
                t.recordedAt);
    }

    private String prefix(String division) {
        return scope.narrow(division)
                .orElseThrow(() -> ProblemException.of(
                        ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", division, scope.division()));
    }
}
