package cn.ruralwatch.household.monitoring;

import cn.ruralwatch.household.household.Households;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ResourceId;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/monitoring-cases")
@Tag(name = "监测帮扶 Monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    Clock clock;

    @Inject
    CaseService cases;

    @Inject
    Households households;

    @Inject
    PublicNotices notices;

    @GET
    @Operation(operationId = "listMonitoringCases", summary = "识别和风险消除案件（分页，按办结期限排序）；overdue=true 列出超期未办结的案件")
    public Page<CaseApi.CaseView> list(
            @Parameter(description = "区划代码", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "OPEN, APPROVED, REJECTED, WITHDRAWN") @QueryParam("status") CaseStatus status,
            @Parameter(description = "IDENTIFICATION, RISK_ELIMINATION") @QueryParam("kind") CaseKind kind,
            @Parameter(description = "只列超期未办结的案件") @QueryParam("overdue") boolean overdue,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return cases.list(division, status, kind, overdue, PageRequest.of(page, size))
                .map(c -> view(c, ChinaTime.today(clock)));
    }

    @GET
    @Path("/{caseId}")
    @Operation(operationId = "getMonitoringCase", summary = "查询一个案件及其各环节记录")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = CaseApi.CaseView.class)))
    public Response get(@PathParam("caseId") @ResourceId("monitoring.case.not-found") UUID caseId) {
        MonitoringCase found = cases.get(caseId);
        return Response.ok(view(found, ChinaTime.today(clock)))
                .header("ETag", EntityTags.of(found.version))
                .build();
    }

    @POST
    @Path("/{caseId}/steps")
    @Operation(
            operationId = "recordCaseStep",
            summary = "记录下一个审核环节（需案件的 If-Match）",
            description =
                    "环节必须按顺序，跳过、重复或倒退时 409。乡镇审核由乡镇或县级办理，县级审定只能由县级办理。"
                            + "办理日期不能晚于今天，也不能早于案件启动或上一环节的办理日期。村级公示在发布当天记录，须填写公示起止日期，"
                            + "至少 5 天，开始日期不能早于记录之日；公示期满（结束日期之后，且自记录起满 5 天）才能办理下一环节。县级审定通过后，识别案件使农户成为监测对象，风险消除案件（再次检查条件后）标注风险消除。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseApi.StepRequest.class),
                            examples = {
                                @ExampleObject(name = "入户核实", summary = "第 1 个环节，附入户核实表", value = """
                                                {
                                                  "step": "HOME_VERIFICATION",
                                                  "outcome": "PASSED",
                                                  "performedOn": "2026-11-20",
                                                  "note": "入户核实，配偶黄某梅因病住院，自付费用 3.2 万元",
                                                  "attachments": [
                                                    {
                                                      "name": "入户核实表（韦某强户）.pdf",
                                                      "contentType": "application/pdf",
                                                      "size": 284311,
                                                      "sha256": "9f2b5c1e7a4d3f8062c1b9e5a7d4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6",
                                                      "reference": "横县档案-2026-TX-0412"
                                                    }
                                                  ]
                                                }"""),
                                @ExampleObject(name = "村级公示", summary = "第 5 个环节：公示在发布当天记录，至少 5 天", value = """
                                                {
                                                  "step": "PUBLIC_NOTICE",
                                                  "outcome": "PASSED",
                                                  "performedOn": "2026-11-26",
                                                  "noticeFrom": "2026-11-26",
                                                  "noticeTo": "2026-12-01",
                                                  "note": "在沙村村务公开栏公示"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "记录后的案件",
            content = @Content(schema = @Schema(implementation = CaseApi.CaseView.class)))
    @APIResponse(responseCode = "403", description = "无权办理此环节")
    @APIResponse(responseCode = "409", description = "环节顺序不对、案件已办结，或风险消除条件已不满足")
    public Response recordStep(
            @PathParam("caseId") @ResourceId("monitoring.case.not-found") UUID caseId,
            @Valid @NotNull CaseApi.StepRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        MonitoringCase updated = cases.recordStep(caseId, request, ifMatch);
        return Response.ok(view(updated, ChinaTime.today(clock)))
                .header("ETag", EntityTags.of(updated.version))
                .build();
    }

    @POST
    @Path("/{caseId}/withdrawal")
    @Operation(operationId = "withdrawCase", summary = "撤回审核中的案件（需 If-Match）")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseApi.WithdrawRequest.class),
                            examples = {@ExampleObject(name = "误报", summary = "入户核实前发现线索有误", value = """
                                                {"reason": "经核实为同名人员，线索与本户无关"}""")}))
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = CaseApi.CaseView.class)))
    @APIResponse(responseCode = "409", description = "案件已办结或已撤回，不能再撤回")
    public Response withdraw(
            @PathParam("caseId") @ResourceId("monitoring.case.not-found") UUID caseId,
            @Valid @NotNull CaseApi.WithdrawRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        MonitoringCase updated = cases.withdraw(caseId, request, ifMatch);
        return Response.ok(view(updated, ChinaTime.today(clock)))
                .header("ETag", EntityTags.of(updated.version))
                .build();
    }

    @GET
    @Path("/{caseId}/notice")
    @Operation(
            operationId = "getCaseNotice",
            summary = "生成村级公示文本",
            description = "只含村名、户主姓名、家庭人口和类别；不含身份证号、电话、银行账号、健康状况和风险类型。"
                    + "已记录村级公示环节的，按记录的公示期生成；尚未记录的，公示开始日期不能早于今天（公示自发布之日起算）。")
    public CaseApi.NoticeView notice(
            @PathParam("caseId") @ResourceId("monitoring.case.not-found") UUID caseId,
            @Parameter(description = "公示开始日期（yyyy-MM-dd），默认今天，不能早于今天；已记录公示的以记录为准") @QueryParam("from") String from) {
        MonitoringCase found = cases.get(caseId);
        LocalDate today = ChinaTime.today(clock);
        LocalDate start = from == null ? today : IsoDates.date(from);
        if (start == null) {
            throw ProblemException.invalid(Violation.of("from", "FORMAT", "household.date.format", from));
        }
        return notices.notice(found, households.get(found.householdId), start, today);
    }

    static Response created(MonitoringCase opened, UriInfo uri, LocalDate today) {
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/monitoring-cases")
                        .path(opened.id.toString())
                        .build())
                .header("ETag", EntityTags.of(opened.version))
                .entity(view(opened, today))
                .build();
    }

    /** The case as the API shows it; whether it is overdue is judged on {@code today}. */
    static CaseApi.CaseView view(MonitoringCase c, LocalDate today) {
        return new CaseApi.CaseView(
                c.id,
                c.householdId,
                c.villageCode,
                c.kind,
                c.status,
                c.nextStep,
                c.category,
                c.riskTypes,
                c.openedAt,
                c.openedBy,
                c.deadline,
                c.overdue(today),
                c.decidedAt,
                c.reason,
                c.steps.stream()
                        .map(s -> new CaseApi.StepView(
                                s.step,
                                s.outcome,
                                s.actor,
                                s.recordedAt,
                                s.performedOn,
                                s.note,
                                s.noticeFrom,
                                s.noticeTo,
                                s.attachments))
                        .toList(),
                c.version);
    }
}
