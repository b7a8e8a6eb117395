package cn.ruralwatch.household.cadre;

import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "走访要求 Visit rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitRuleResource {

    @Inject
    VisitRuleService rules;

    @PUT
    @Path("/visit-rules/{region}")
    @Operation(
            operationId = "setVisitRule",
            summary = "设定区划的走访要求（修改已有要求需 If-Match）",
            description = "哪些农户至少多少天走访一次。农户适用最具体区划的要求：村优先于乡镇、县、省，" + "下级区划的要求完全取代上级的（包括适用哪些农户）。发布 visit-rule.set.v1。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = CadreApi.VisitRuleRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "特殊群体每季度至少走访一次",
                                            value = "{\"groups\": [\"MONITORED_AT_RISK\", \"MINIMUM_LIVING\","
                                                    + " \"EXTREME_POVERTY\", \"SERIOUS_ILLNESS\", \"DISABLED\"],"
                                                    + " \"maxIntervalDays\": 92, \"effectiveFrom\": \"2024-01-01\","
                                                    + " \"note\": \"特殊群体每季度至少走访一次\"}")))
    @APIResponse(
            responseCode = "200",
            description = "已设定",
            content = @Content(schema = @Schema(implementation = CadreApi.VisitRuleView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法：没有适用的农户、天数不在 1–366、起算日期晚于今天")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    @APIResponse(responseCode = "404", description = "区划不存在")
    @APIResponse(responseCode = "412", description = "If-Match 与当前版本不符")
    @APIResponse(responseCode = "428", description = "修改已有要求时缺少 If-Match")
    public Response set(
            @Parameter(description = "省、市、县、乡镇或村代码", example = "450422") @PathParam("region") String region,
            @Valid @NotNull CadreApi.VisitRuleRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        VisitRule rule = rules.set(region, request, ifMatch);
        return Response.ok(view(rule))
                .header("ETag", EntityTags.of(rule.version))
                .build();
    }

    @GET
    @Path("/visit-rules/{region}")
    @Operation(
            operationId = "getVisitRule",
            summary = "区划适用的走访要求",
            description = "区划自己的要求，没有时为包含它的最近一级区划的要求；regionCode 为设定要求的区划。")
    @APIResponse(
            responseCode = "200",
            description = "走访要求",
            content = @Content(schema = @Schema(implementation = CadreApi.VisitRuleView.class)))
    @APIResponse(responseCode = "404", description = "没有适用的走访要求，或区划不在本人辖区")
    public Response get(@Parameter(description = "区划代码", example = "450422101201") @PathParam("region") String region) {
        VisitRule rule = rules.inForce(region);
        return Response.ok(view(rule))
                .header("ETag", EntityTags.of(rule.version))
                .build();
    }

    @GET
    @Path("/visits/overdue")
    @Operation(
            operationId = "listOverdueVisits",
            summary = "逾期未走访的农户（分页，逾期最久的在前）",
            description = "按农户适用的走访要求：最近一次走访（任何帮扶责任人）距 asOf 超过最长间隔，"
                    + "或纳入要求（起算日期与建档之日中较晚者）后从未走访且已超过间隔。列出户主姓名、村、最近走访日期、逾期天数和结对的帮扶责任人。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "asOf 不合法或晚于今天")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<CadreApi.OverdueHousehold> overdue(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "截至日期（yyyy-MM-dd），默认今天", example = "2024-06-30") @QueryParam("asOf") String asOf,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return rules.overdue(division, date("asOf", asOf), PageRequest.of(page, size));
    }

    @GET
    @Path("/cadre-assignments/missing")
    @Operation(
            operationId = "listHouseholdsWithoutCadre",
            summary = "应有而没有帮扶责任人的农户（分页）",
            description = "脱贫户和未消除风险的监测对象中，没有在岗帮扶责任人结对的农户（离岗者的农户也在其中）。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<CadreApi.WithoutCadre> withoutCadre(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return rules.withoutCadre(division, PageRequest.of(page, size));
    }

    /** An optional date query parameter; not a date 400 naming it. */
    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = IsoDates.date(text.strip());
        if (date == null) {
            throw ProblemException.invalid(Violation.of(field, "INVALID_DATE", "problem.date.invalid", text));
        }
        return date;
    }

    private CadreApi.VisitRuleView view(VisitRule rule) {
        return new CadreApi.VisitRuleView(
                rule.regionCode,
                rules.regionName(rule.regionCode),
                rule.groups.stream().map(VisitGroup::valueOf).toList(),
                rule.maxIntervalDays,
                rule.effectiveFrom,
                rule.note,
                rule.setBy,
                rule.setAt,
                rule.version);
    }
}
