package cn.ruralwatch.fund.project;

import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ResourceId;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects")
@Tag(name = "项目 Projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    @Inject
    ProjectService projects;

    @POST
    @Operation(operationId = "registerProject", summary = "项目入库（进入项目库，阶段 RESERVE）")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProjectApi.Registration.class),
                            examples = {@ExampleObject(name = "产业项目入库", summary = "沙村百香果种植基地，含绩效目标", value = """
                                                {
                                                  "divisionCode": "450422101201",
                                                  "name": "沙村百香果种植基地建设项目",
                                                  "projectType": "INDUSTRY",
                                                  "year": 2026,
                                                  "plannedInvestment": 365500.00,
                                                  "description": "新建百香果标准化种植基地 120 亩，配套水肥一体化设施",
                                                  "performanceTargets": [
                                                    {"name": "种植面积", "unit": "亩", "target": 120},
                                                    {"name": "带动脱贫户和监测户", "unit": "户", "target": 35}
                                                  ]
                                                }""")}))
    @APIResponse(
            responseCode = "201",
            description = "已入库",
            content = @Content(schema = @Schema(implementation = ProjectApi.ProjectView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法，或实施地不存在、不在本人辖区")
    public Response register(
            @Valid @NotNull ProjectApi.Registration request,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        Project project = projects.register(request, idempotencyKey);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(project.id.toString()).build())
                .header("ETag", EntityTags.of(project.version))
                .entity(projects.view(project))
                .build();
    }

    @GET
    @Operation(operationId = "listProjects", summary = "列出项目（分页），可按区划、年度、阶段、类型筛选")
    public Page<ProjectApi.ProjectView> list(
            @Parameter(description = "区划代码：列出实施地在其下的项目", example = "450422101")
                    @QueryParam("division")
                    @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}", message = "{ruralwatch.division.code}")
                    String division,
            @Parameter(description = "项目年度", example = "2023") @QueryParam("year") Integer year,
            @Parameter(description = "阶段") @QueryParam("stage") ProjectStage stage,
            @Parameter(description = "项目类型") @QueryParam("type") ProjectType type,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return projects.list(division, year, stage, type, PageRequest.of(page, size))
                .map(projects::view);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProject", summary = "查询项目：阶段、可办理的动作、预算与资金来源、支出进度、绩效目标")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = ProjectApi.ProjectView.class)))
    @APIResponse(responseCode = "404", description = "项目不存在或不在本人辖区")
    public Response get(@PathParam("id") @ResourceId("project.not-found") UUID id) {
        Project project = projects.get(id);
        return Response.ok(projects.view(project))
                .header("ETag", EntityTags.of(project.version))
                .build();
    }

    @POST
    @Path("/{id}/steps")
    @Operation(
            operationId = "takeProjectStep",
            summary = "办理项目全周期中的一步",
            description = "申报 → 审核 → 批复（预算与资金来源）→ 开工 → 完工 → 验收 → 资产确权；另有退回、报告进度、调整、终止。"
                    + "办理人、时间、文号和附件都被记录。当前阶段不允许的动作返回 409，并列出允许的动作。需要 If-Match。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProjectApi.StepRequest.class),
                            examples = {
                                @ExampleObject(name = "申报", summary = "村级申报，附村民代表大会会议记录", value = """
                                                {
                                                  "action": "APPLY",
                                                  "performedOn": "2026-02-10",
                                                  "note": "经村民代表大会讨论通过",
                                                  "attachments": [
                                                    {
                                                      "name": "沙村村民代表大会会议记录.pdf",
                                                      "contentType": "application/pdf",
                                                      "size": 512000,
                                                      "reference": "横县档案-2026-XM-0021"
                                                    }
                                                  ]
                                                }"""),
                                @ExampleObject(name = "批复", summary = "县级批复：文号和预算（按资金批次）必填", value = """
                                                {
                                                  "action": "APPROVE",
                                                  "performedOn": "2026-03-05",
                                                  "documentNumber": "横乡振〔2026〕12号",
                                                  "budget": [
                                                    {
                                                      "batchId": "0193c2c1-4051-7263-97b8-596a7b8c9dae",
                                                      "amount": 300000.00
                                                    },
                                                    {
                                                      "batchId": "0193c2c1-4051-7263-97b8-596a7b8c9daf",
                                                      "amount": 65500.00
                                                    }
                                                  ]
                                                }"""),
                                @ExampleObject(name = "报告进度", summary = "实施中报告形象进度和绩效完成值", value = """
                                                {
                                                  "action": "REPORT_PROGRESS",
                                                  "performedOn": "2026-06-30",
                                                  "progressPercent": 60,
                                                  "actuals": [{"name": "种植面积", "actual": 80}],
                                                  "note": "已完成 80 亩种植和水肥一体化管网"
                                                }"""),
                                @ExampleObject(name = "资产确权", summary = "验收后登记项目资产：经营性资产归村集体", value = """
                                                {
                                                  "action": "REGISTER_ASSETS",
                                                  "performedOn": "2026-11-25",
                                                  "assets": [
                                                    {
                                                      "name": "沙村百香果种植基地水肥一体化设施",
                                                      "assetClass": "OPERATING",
                                                      "ownerType": "VILLAGE_COLLECTIVE",
                                                      "ownerDivisionCode": "450422101201",
                                                      "value": 365500.00
                                                    }
                                                  ]
                                                }""")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "已办理；返回项目的新状态",
            content = @Content(schema = @Schema(implementation = ProjectApi.ProjectView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法（如批复缺少预算或文号、资产权属不完整）")
    @APIResponse(responseCode = "403", description = "本人角色不能办理此动作")
    @APIResponse(responseCode = "409", description = "当前阶段不允许此动作，或预算超出资金批次可安排余额、低于已拨付金额")
    @APIResponse(responseCode = "412", description = "项目已被他人修改")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response step(
            @PathParam("id") @ResourceId("project.not-found") UUID id,
            @Parameter(description = "项目的 ETag") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProjectApi.StepRequest request) {
        Project project = projects.step(id, ifMatch, request);
        return Response.ok(projects.view(project))
                .header("ETag", EntityTags.of(project.version))
                .build();
    }

    @GET
    @Path("/{id}/steps")
    @Operation(operationId = "listProjectSteps", summary = "项目已办理的步骤（分页，按办理顺序）")
    public Page<ProjectApi.StepView> steps(
            @PathParam("id") @ResourceId("project.not-found") UUID id,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return projects.steps(id, PageRequest.of(page, size));
    }

    @PUT
    @Path("/{id}/beneficiaries")
    @Operation(
            operationId = "setProjectBeneficiaries",
            summary = "设置联农带农受益户（整体替换）",
            description = "每户须是项目所在县、本人辖区内的农户。需要 If-Match。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProjectApi.BeneficiariesRequest.class),
                            examples = {@ExampleObject(name = "联农带农", summary = "两户受益：一户在基地务工，一户入股分红", value = """
                                                {
                                                  "households": [
                                                    {
                                                      "householdId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718293",
                                                      "linkage": "EMPLOYMENT"
                                                    },
                                                    {
                                                      "householdId": "0193c2a4-8b16-7d22-ae3f-60718293a4b5",
                                                      "linkage": "DIVIDEND"
                                                    }
                                                  ]
                                                }""")}))
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = ProjectApi.ProjectView.class)))
    @APIResponse(responseCode = "400", description = "农户不存在或重复")
    public Response setBeneficiaries(
            @PathParam("id") @ResourceId("project.not-found") UUID id,
            @Parameter(description = "项目的 ETag") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProjectApi.BeneficiariesRequest request) {
        Project project = projects.setBeneficiaries(id, ifMatch, request);
        return Response.ok(projects.view(project))
                .header("ETag", EntityTags.of(project.version))
                .build();
    }

    @GET
    @Path("/{id}/beneficiaries")
    @Operation(operationId = "listProjectBeneficiaries", summary = "项目的联农带农受益户（分页）")
    public Page<ProjectApi.BeneficiaryView> beneficiaries(
            @PathParam("id") @ResourceId("project.not-found") UUID id,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return projects.beneficiaries(id, PageRequest.of(page, size));
    }
}
