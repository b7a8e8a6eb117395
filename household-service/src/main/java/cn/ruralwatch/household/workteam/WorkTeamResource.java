package cn.ruralwatch.household.workteam;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.personal.PersonalDataAccess;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.ResourceId;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/work-teams")
@Tag(name = "驻村工作队 Village work teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkTeamResource {

    static final String MEMBER_EXAMPLE =
            "{\"name\": \"陈某某\", \"unit\": \"市财政局\", \"phone\": \"13912345678\", \"role\": \"FIRST_SECRETARY\"}";

    static final String EXAMPLE = "{\"villageCode\": \"450422101201\", \"dispatchingUnit\": \"市财政局\","
            + " \"formedOn\": \"2023-03-01\", \"termEndsOn\": \"2025-02-28\", \"members\": [" + MEMBER_EXAMPLE
            + ", {\"name\": \"李某\", \"unit\": \"县农业农村局\", \"phone\": \"13712345678\", \"role\": \"MEMBER\"}]}";

    @Inject
    WorkTeamService teams;

    @Inject
    WorkTeamQueries queries;

    @Inject
    CallerScope scope;

    @Inject
    PersonalDataAccess access;

    @Inject
    AuditTrail audit;

    @POST
    @Operation(
            operationId = "formWorkTeam",
            summary = "向行政村派驻驻村工作队",
            description = "每村一支工作队（已有 409）；队员同日到岗，至多一位第一书记、一位队长。电话加密保存，按角色脱敏显示。" + "发布 work-team.formed.v1（不含姓名、电话）。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = WorkTeamApi.TeamRequest.class),
                            examples = @ExampleObject(name = "市财政局派驻", value = EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "已派驻",
            content = @Content(schema = @Schema(implementation = WorkTeamApi.TeamView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法：村不存在或不是行政村、日期、角色重复（members[i].role）")
    @APIResponse(responseCode = "403", description = "村不在本人辖区")
    @APIResponse(responseCode = "409", description = "该村已有驻村工作队")
    public Response form(@Valid @NotNull WorkTeamApi.TeamRequest request, @Context UriInfo uri) {
        WorkTeam team = teams.form(request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(team.id.toString()).build())
                .header("ETag", EntityTags.of(team.version))
                .entity(view(team, false))
                .build();
    }

    @GET
    @Operation(
            operationId = "listWorkTeams",
            summary = "驻村工作队名册（分页，按区划）",
            description = "所查区划内各村的工作队：派驻单位、日期、在岗第一书记、在岗人数、督查次数和最近督查日期。不含电话。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<WorkTeamApi.TeamSummary> list(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return queries.teams(prefix(division), PageRequest.of(page, size));
    }

    @GET
    @Path("/uncovered-villages")
    @Operation(
            operationId = "listVillagesWithoutWorkTeam",
            summary = "没有驻村工作队或没有在岗第一书记的行政村（分页）",
            description = "lacking=TEAM 只列没有工作队的村，FIRST_SECRETARY 只列有工作队而没有在岗第一书记的村，为空时两者都列；"
                    + "povertyVillagesOnly=true 只列脱贫村（原贫困村）。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "lacking 不合法")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<WorkTeamApi.UncoveredVillage> uncovered(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "TEAM 没有工作队，FIRST_SECRETARY 没有在岗第一书记；为空时两者") @QueryParam("lacking")
                    WorkTeamGap lacking,
            @Parameter(description = "true 只列脱贫村（原贫困村）") @QueryParam("povertyVillagesOnly") Boolean povertyOnly,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return queries.uncovered(
                prefix(division),
                lacking == null ? null : lacking.name(),
                Boolean.TRUE.equals(povertyOnly),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getWorkTeam",
            summary = "查询一支驻村工作队：在岗队员和全部在岗经历",
            description = "history 列出每位队员的到岗、离队日期和轮换接替关系（谁在何时在岗），及其培训次数和学时。电话按角色脱敏。")
    @APIResponse(
            responseCode = "200",
            description = "工作队",
            content = @Content(schema = @Schema(implementation = WorkTeamApi.TeamView.class)))
    @APIResponse(responseCode = "404", description = "没有这支工作队，或不在本人辖区")
    public Response get(@PathParam("id") @ResourceId("work-team.not-found") UUID id) {
        WorkTeam team = teams.get(id);
        return Response.ok(view(team, true))
                .header("ETag", EntityTags.of(team.version))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateWorkTeam",
            summary = "修改驻村工作队（需 If-Match）",
            description = "派驻单位、派驻日期和派驻期满日期；派驻日期不能晚于最早到岗队员的到岗日期。发布 work-team.changed.v1。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = WorkTeamApi.TeamUpdate.class),
                            examples =
                                    @ExampleObject(
                                            name = "延长派驻期",
                                            value = "{\"dispatchingUnit\": \"市财政局\", \"formedOn\": \"2023-03-01\","
                                                    + " \"termEndsOn\": \"2026-02-28\"}")))
    @APIResponse(
            responseCode = "200",
            description = "已修改",
            content = @Content(schema = @Schema(implementation = WorkTeamApi.TeamView.class)))
    @APIResponse(responseCode = "400", description = "日期不合法")
    @APIResponse(responseCode = "404", description = "没有这支工作队，或不在本人辖区")
    @APIResponse(responseCode = "412", description = "If-Match 与当前版本不符")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response update(
            @PathParam("id") @ResourceId("work-team.not-found") UUID id,
            @Valid @NotNull WorkTeamApi.TeamUpdate request,
            @HeaderParam("If-Match") String ifMatch) {
        WorkTeam team = teams.update(id, request, ifMatch);
        return Response.ok(view(team, false))
                .header("ETag", EntityTags.of(team.version))
                .build();
    }

    @POST
    @Path("/{id}/members")
    @Operation(
            operationId = "addWorkTeamMember",
            summary = "工作队增加队员（不经轮换，需 If-Match）",
            description = "如向没有第一书记的工作队选派第一书记。已有在岗第一书记或队长时再派同一角色 409。发布 work-team.member-joined.v1。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = WorkTeamApi.JoinRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "选派第一书记",
                                            value = "{\"member\": " + MEMBER_EXAMPLE
                                                    + ", \"joinsOn\": \"2023-06-01\"}")))
    @APIResponse(
            responseCode = "201",
            description = "已到岗；返回工作队（Location 为工作队）",
            content = @Content(schema = @Schema(implementation = WorkTeamApi.TeamView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法，到岗日期早于派驻日期或晚于今天（joinsOn）")
    @APIResponse(responseCode = "404", description = "没有这支工作队，或不在本人辖区")
    @APIResponse(responseCode = "409", description = "已有在岗的第一书记或队长")
    @APIResponse(responseCode = "412", description = "If-Match 与当前版本不符")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response addMember(
            @PathParam("id") @ResourceId("work-team.not-found") UUID id,
            @Valid @NotNull WorkTeamApi.JoinRequest request,
            @HeaderParam("If-Match") String ifMatch,
            @Context UriInfo uri) {
        WorkTeam team = teams.addMember(id, request, ifMatch);
        return Response.created(uri.getBaseUriBuilder()
                        .path("/api/v1/work-teams/" + team.id)
                        .build())
                .header("ETag", EntityTags.of(team.version))
                .entity(view(team, false))
                .build();
    }

    @POST
    @Path("/{id}/rotations")
    @Operation(
            operationId = "rotateWorkTeamMember",
            summary = "队员轮换（需 If-Match）",
            description = "在岗队员于 leftOn 离队，接任队员同日到岗（predecessorId 指向前任），在岗经历保留。"
                    + "memberId 不是本队在岗队员 400；接任的第一书记或队长已由他人担任 409。发布 work-team.member-rotated.v1。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = WorkTeamApi.RotationRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "8月轮换第一书记",
                                            value = "{\"memberId\": \"0190f3a4-5b6c-7d8e-9f00-112233445566\","
                                                    + " \"leftOn\": \"2023-08-15\", \"reason\": \"派驻期满轮换\","
                                                    + " \"successor\": {\"name\": \"黄某\", \"unit\": \"市财政局\","
                                                    + " \"phone\": \"13612345678\", \"role\": \"FIRST_SECRETARY\"}}")))
    @APIResponse(
            responseCode = "200",
            description = "已轮换；返回工作队",
            content = @Content(schema = @Schema(implementation = WorkTeamApi.TeamView.class)))
    @APIResponse(responseCode = "400", description = "队员不是本队在岗队员（memberId），离队日期不合法（leftOn），接任队员字段不合法")
    @APIResponse(responseCode = "404", description = "没有这支工作队，或不在本人辖区")
    @APIResponse(responseCode = "409", description = "接任的第一书记或队长已由其他在岗队员担任")
    @APIResponse(responseCode = "412", description = "If-Match 与当前版本不符")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response rotate(
            @PathParam("id") @ResourceId("work-team.not-found") UUID id,
            @Valid @NotNull WorkTeamApi.RotationRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        WorkTeam team = teams.rotate(id, request, ifMatch);
        return Response.ok(view(team, false))
                .header("ETag", EntityTags.of(team.version))
                .build();
    }

    @POST
    @Path("/{id}/inspections")
    @Operation(
            operationId = "inspectWorkTeam",
            summary = "记录对工作队的督查或抽查及处理结果",
            description = "通报批评、约谈、召回须列出发现的问题，未发现问题时不列；召回须指明队员。发现的问题可登记为整改问题"
                    + "（POST /api/v1/rectifications，inspectionId）。发布 work-team.inspected.v1（只有问题个数）。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = WorkTeamApi.InspectionRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "纪律督查通报批评",
                                            value = "{\"inspectedOn\": \"2023-09-12\", \"kind\": \"SUPERVISION\","
                                                    + " \"inspectingBody\": \"镇乡村振兴办公室\","
                                                    + " \"findings\": [\"驻村考勤记录不全\", \"走访台账未及时更新\"],"
                                                    + " \"outcome\": \"CRITICIZED\", \"note\": \"限期一周内整改\"}")))
    @APIResponse(
            responseCode = "201",
            description = "已记录",
            content = @Content(schema = @Schema(implementation = WorkTeamApi.InspectionView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法：日期、发现的问题与处理结果不符（findings）、队员（memberId）")
    @APIResponse(responseCode = "404", description = "没有这支工作队，或不在本人辖区")
    public Response inspect(
            @PathParam("id") @ResourceId("work-team.not-found") UUID id,
            @Valid @NotNull WorkTeamApi.InspectionRequest request,
            @Context UriInfo uri) {
        WorkTeamInspection inspection = teams.inspect(id, request);
        return Response.created(uri.getBaseUriBuilder()
                        .path("/api/v1/work-team-inspections/" + inspection.id)
                        .build())
                .entity(queries.inspection(inspection.id))
                .build();
    }

    private String prefix(String division) {
        return scope.narrow(division)
                .orElseThrow(() -> ProblemException.of(
                        ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", division, scope.division()));
    }

    /**
     * The team as the caller may see it; phones shown in full after a read are recorded in the audit trail (after a
     * change the caller has just sent them).
     */
    private WorkTeamApi.TeamView view(WorkTeam team, boolean read) {
        Map<UUID, WorkTeamQueries.MemberTrainings> trainings = queries.memberTrainings(team.id);
        List<WorkTeamApi.MemberView> history = teams.members(team.id).stream()
                .map(m -> member(m, trainings.get(m.id)))
                .toList();
        if (read && access.fullView() && !history.isEmpty()) {
            audit.revealed(WorkTeamService.TEAM, team.id.toString(), team.villageCode, List.of("members.phone"));
        }
        List<WorkTeamApi.MemberView> current =
                history.stream().filter(WorkTeamApi.MemberView::current).toList();
        String firstSecretary = current.stream()
                .filter(m -> m.role() == WorkTeamRole.FIRST_SECRETARY)
                .map(WorkTeamApi.MemberView::name)
                .findFirst()
                .orElse(null);
        return new WorkTeamApi.TeamView(
                team.id,
                team.villageCode,
                teams.divisionName(team.villageCode),
                team.dispatchingUnit,
                team.formedOn,
                team.termEndsOn,
                firstSecretary,
                current,
                history,
                team.createdBy,
                team.createdAt,
                team.updatedAt,
                team.version);
    }

    private WorkTeamApi.MemberView member(WorkTeamMember m, WorkTeamQueries.MemberTrainings trainings) {
        return new WorkTeamApi.MemberView(
                m.id,
                m.teamId,
                m.name,
                m.unit,
                access.show(PersonalDataKind.PHONE, m.phone),
                m.role,
                m.role.label(),
                m.joinsOn,
                m.leavesOn,
                m.leaveReason,
                m.predecessorId,
                m.current(),
                trainings == null ? 0 : trainings.trainings(),
                trainings == null ? BigDecimal.ZERO : trainings.hours());
    }
}
