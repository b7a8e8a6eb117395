package cn.ruralwatch.household.clue;

import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.problem.ResourceId;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

@Path("/api/v1/warning-clues")
@Tag(name = "预警线索 Warning clues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClueResource {

    @Inject
    ClueService clues;

    @POST
    @Operation(
            operationId = "reportWarningClue",
            summary = "报送预警线索",
            description = "按 householdId 或身份证号关联农户。同一来源、部门和 externalRef 的线索只记一次（再次报送返回原线索）；"
                    + "30 天内本户同一风险类型已有未办结线索时记为重复（DUPLICATE），仍保留。其他部门系统也可发到 Kafka 主题 clue-intake。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClueApi.Report.class),
                            examples = {
                                @ExampleObject(name = "部门筛查预警", summary = "县医保局推送的高额医疗费用预警，按身份证号关联农户", value = """
                                                {
                                                  "source": "DEPARTMENT",
                                                  "department": "县医保局",
                                                  "externalRef": "YB-2026-00871",
                                                  "idNumber": "450422197008220047",
                                                  "riskTypes": ["ILLNESS"],
                                                  "description": "住院自付费用 3.2 万元，超过预警标准",
                                                  "reportedOn": "2026-11-18"
                                                }"""),
                                @ExampleObject(name = "农户自主申报", summary = "农户拨打 12317 申报，尚未关联到户，填写所在行政村", value = """
                                                {
                                                  "source": "SELF_REPORT",
                                                  "villageCode": "450422101201",
                                                  "riskTypes": ["DISASTER", "HOUSING"],
                                                  "description": "台风致房屋受损，申请救助",
                                                  "reportedOn": "2026-09-16"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已记录（或原有的同一线索）",
            content = @Content(schema = @Schema(implementation = ClueApi.ClueView.class)))
    @APIResponse(responseCode = "400", description = "内容不合法，无法确定所在行政村，或所指的集中排查不存在、线索不在其区划或期间内")
    public Response report(@Valid @NotNull ClueApi.Report request, @Context UriInfo uri) {
        WarningClue clue = clues.report(request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(clue.id.toString()).build())
                .header("ETag", EntityTags.of(clue.version))
                .entity(view(clue))
                .build();
    }

    @GET
    @Operation(operationId = "listWarningClues", summary = "预警线索（分页，最新在前）")
    public Page<ClueApi.ClueView> list(
            @Parameter(description = "区划代码", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "状态：NEW, DUPLICATE, DISMISSED, ESCALATED") @QueryParam("status") ClueStatus status,
            @Parameter(description = "农户") @QueryParam("householdId") UUID householdId,
            @Parameter(description = "集中排查") @QueryParam("campaignId") UUID campaignId,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return clues.list(division, status, householdId, campaignId, PageRequest.of(page, size))
                .map(this::view);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWarningClue", summary = "查询一条预警线索")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = ClueApi.ClueView.class)))
    public Response get(@PathParam("id") @ResourceId("clue.not-found") UUID id) {
        WarningClue clue = clues.get(id);
        return Response.ok(view(clue))
                .header("ETag", EntityTags.of(clue.version))
                .build();
    }

    @POST
    @Path("/{id}/triage")
    @Operation(operationId = "triageWarningClue", summary = "研判线索：排除或关联农户（需 If-Match）")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClueApi.Triage.class),
                            examples = {
                                @ExampleObject(name = "关联农户", summary = "经核实为本村韦某强户", value = """
                                                {
                                                  "decision": "LINK",
                                                  "householdId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718293",
                                                  "note": "村两委核实，确为本户"
                                                }"""),
                                @ExampleObject(name = "排除", summary = "排除须填写研判意见", value = """
                                                {"decision": "DISMISS", "note": "房屋已由保险理赔修缮，无返贫风险"}""")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = ClueApi.ClueView.class)))
    @APIResponse(responseCode = "409", description = "线索已研判或已转入识别")
    public Response triage(
            @PathParam("id") @ResourceId("clue.not-found") UUID id,
            @Valid @NotNull ClueApi.Triage request,
            @HeaderParam("If-Match") String ifMatch) {
        WarningClue clue = clues.triage(id, request, ifMatch);
        return Response.ok(view(clue))
                .header("ETag", EntityTags.of(clue.version))
                .build();
    }

    /** The person's number is masked for everyone: a clue is worked on, not a place to read ID numbers. */
    private ClueApi.ClueView view(WarningClue c) {
        return new ClueApi.ClueView(
                c.id,
                c.source,
                c.department,
                c.externalRef,
                c.householdId,
                c.villageCode,
                c.idNumber == null ? null : PersonalDataKind.ID_NUMBER.mask(c.idNumber),
                c.riskTypes,
                c.description,
                c.reportedOn,
                c.receivedAt,
                c.status,
                c.duplicateOf,
                c.triageNote,
                c.triagedBy,
                c.triagedAt,
                c.caseId,
                c.campaignId,
                c.recordedBy,
                c.version);
    }
}
