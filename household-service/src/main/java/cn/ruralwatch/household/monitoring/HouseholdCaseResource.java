package cn.ruralwatch.household.monitoring;

import cn.ruralwatch.problem.ResourceId;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households/{id}")
@Tag(name = "监测帮扶 Monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HouseholdCaseResource {

    @Inject
    Clock clock;

    @Inject
    CaseService cases;

    @POST
    @Path("/identification-cases")
    @Operation(
            operationId = "openIdentificationCase",
            summary = "启动识别纳入监测对象的审核流程",
            description = "办结期限为首条线索之日（无线索时为启动之日）起 15 天。已是未消除风险的监测对象或已有审核中的案件时 409。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseApi.IdentificationRequest.class),
                            examples = {@ExampleObject(name = "因病识别", summary = "脱贫户配偶住院自付费用高，部门预警线索转入识别", value = """
                                                {
                                                  "category": "UNSTABLE_EXITED",
                                                  "riskTypes": ["ILLNESS"],
                                                  "clueIds": ["0193c2b0-1d2e-7f30-a415-263748596a7b"],
                                                  "reason": "县医保局预警：配偶黄某梅住院自付费用 3.2 万元"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已启动",
            content = @Content(schema = @Schema(implementation = CaseApi.CaseView.class)))
    @APIResponse(responseCode = "409", description = "不能启动")
    public Response openIdentification(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Valid @NotNull CaseApi.IdentificationRequest request,
            @Context UriInfo uri) {
        return CaseResource.created(cases.openIdentification(id, request), uri, ChinaTime.today(clock));
    }

    @POST
    @Path("/elimination-cases")
    @Operation(
            operationId = "openEliminationCase",
            summary = "启动风险消除的审核流程",
            description = "先检查风险消除条件：收入持续 6 个月以上高于当年监测范围、纳入监测满 6 个月、已落实帮扶措施、"
                    + "义务教育、基本医疗、住房安全和饮水安全有保障、家中有劳动力。不满足时 409，errors 列出每条原因及数值。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseApi.EliminationRequest.class),
                            examples = {@ExampleObject(name = "风险消除", summary = "帮扶措施见效、收入稳定超过监测范围", value = """
                                                {"reason": "务工收入稳定，帮扶措施已见效"}""")}))
    @APIResponse(
            responseCode = "201",
            description = "已启动",
            content = @Content(schema = @Schema(implementation = CaseApi.CaseView.class)))
    @APIResponse(responseCode = "409", description = "不满足风险消除条件（errors 列出原因），或不是未消除风险的监测对象")
    public Response openElimination(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Valid CaseApi.EliminationRequest request,
            @Context UriInfo uri) {
        return CaseResource.created(
                cases.openElimination(id, request == null ? new CaseApi.EliminationRequest(null) : request),
                uri,
                ChinaTime.today(clock));
    }

    @GET
    @Path("/elimination-check")
    @Operation(operationId = "checkEliminationCriteria", summary = "检查风险消除条件（不启动流程）")
    @APIResponse(
            responseCode = "200",
            description = "条件是否满足；未满足的每一条及其数值",
            content = @Content(schema = @Schema(implementation = EliminationCheck.class)))
    @APIResponse(responseCode = "409", description = "农户不是风险未消除的监测对象")
    public EliminationCheck eliminationCheck(@PathParam("id") @ResourceId("household.not-found") UUID id) {
        List<Violation> unmet = cases.eliminationCheck(id);
        return new EliminationCheck(
                unmet.isEmpty(),
                unmet.stream()
                        .map(v -> new EliminationCheck.Reason(v.field(), v.code(), v.args()))
                        .toList());
    }

    /** Whether the criteria of risk elimination are met; each unmet one with its code and values. */
    @Schema(name = "EliminationCheck", description = "风险消除条件检查结果")
    public record EliminationCheck(boolean met, List<Reason> unmet) {
        @Schema(name = "EliminationReason", description = "一条未满足的风险消除条件：条件、代码和导致未满足的数值")
        public record Reason(String criterion, String code, List<Object> values) {}
    }
}
