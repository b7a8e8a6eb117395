package cn.ruralwatch.fund.benefit;

import cn.ruralwatch.fund.QueryParameters;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ResourceId;
import cn.ruralwatch.problem.Violation;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The amounts, caps and conditions of the household benefits recorded by hand, by region and year. */
@Path("/api/v1/household-benefits/rules")
@Tag(name = "到户帮扶 Household benefits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BenefitRuleResource {

    @Inject
    BenefitRules rules;

    @POST
    @Operation(
            operationId = "setBenefitRule",
            summary = "设置一类到户帮扶在本省、市或县自某年起的标准（每笔上限、每人每年上限、每户每年上限，交通补贴的务工条件）",
            description =
                    "替代同一类别、地区、年度的现行标准，原标准留作历史。登记帮扶时用该农户所在村当年适用的标准：" + "不晚于该年的最近年度，同一年度内地区越具体越优先（县、市、省、全国）。全国标准随系统发布。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(
                                        name = "雨露计划",
                                        summary = "湖北省自 2024 年起：每学期 1500 元，每生每年 3000 元",
                                        value = "{\"kind\":\"YULU_SUBSIDY\",\"regionCode\":\"42\",\"fromYear\":2024,"
                                                + "\"amountPerGrant\":1500.00,\"memberYearlyCap\":3000.00,"
                                                + "\"note\":\"鄂乡振发〔2024〕7号\"}"),
                                @ExampleObject(
                                        name = "一次性交通补贴",
                                        summary = "大冶市自 2023 年起：省外务工满 3 个月，每人每年不超过 500 元",
                                        value =
                                                "{\"kind\":\"TRANSPORT_SUBSIDY\",\"regionCode\":\"420281\",\"fromYear\":2023,"
                                                        + "\"amountPerGrant\":500.00,\"memberYearlyCap\":500.00,"
                                                        + "\"minEmploymentMonths\":3,\"employmentLocations\":[\"OUT_OF_PROVINCE\"],"
                                                        + "\"note\":\"大冶市一次性交通补贴实施办法\"}")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已设置；返回新标准",
            content = @Content(schema = @Schema(implementation = BenefitRuleApi.Rule.class)))
    @APIResponse(responseCode = "400", description = "字段不合法：类别不按标准设置、地区不包含本人辖区、不适用于该类别的上限或务工条件、交通补贴缺少务工条件、每笔上限超过年度上限")
    public Response set(@Valid @NotNull BenefitRuleApi.RuleRequest request, @Context UriInfo uri) {
        BenefitRuleApi.Rule rule = rules.set(request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(rule.id().toString()).build())
                .entity(rule)
                .build();
    }

    @GET
    @Operation(
            operationId = "listBenefitRules",
            summary = "适用于本辖区的到户帮扶标准（分页）；history=true 时含已被替代的标准",
            description = "全国标准、本人辖区所在省市县的标准，按类别、地区、年度排列。")
    @APIResponse(responseCode = "200", description = "标准列表")
    @APIResponse(responseCode = "400", description = "类别或分页参数不合法")
    public Page<BenefitRuleApi.Rule> list(
            @Parameter(description = "帮扶类别") @QueryParam("kind") BenefitKind kind,
            @Parameter(description = "含已被替代的标准") @QueryParam("history") boolean history,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return rules.list(kind, history, PageRequest.of(page, size));
    }

    @GET
    @Path("/in-force")
    @Operation(
            operationId = "getBenefitRuleInForce",
            summary = "一个区划某年度登记某类帮扶时适用的标准",
            description = "不晚于该年的最近年度的标准，同一年度内地区越具体越优先。")
    @APIResponse(responseCode = "200", description = "适用的标准")
    @APIResponse(responseCode = "400", description = "类别、区划代码或年度缺失或不合法")
    @APIResponse(responseCode = "404", description = "区划不在本人辖区，或该年度没有适用的标准")
    public BenefitRuleApi.Rule inForce(
            @Parameter(description = "帮扶类别", required = true) @QueryParam("kind") BenefitKind kind,
            @Parameter(description = "区划代码", example = "420281105201", required = true)
                    @QueryParam("division")
                    @Pattern(regexp = QueryParameters.DIVISION, message = "{ruralwatch.division.code}")
                    String division,
            @Parameter(description = "年度", example = "2023", required = true) @QueryParam("year") Integer year) {
        if (kind == null) {
            throw ProblemException.invalid(Violation.of("kind", "REQUIRED", "benefit.rule.kind.required"));
        }
        QueryParameters.divisionAndYear(division, year);
        return rules.inForceFor(kind, division, year);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBenefitRule", summary = "查询一条到户帮扶标准（现行或已被替代）")
    @APIResponse(responseCode = "200", description = "标准")
    @APIResponse(responseCode = "404", description = "不存在，或不适用于本人辖区")
    public BenefitRuleApi.Rule get(@PathParam("id") @ResourceId("benefit.rule.not-found") UUID id) {
        return rules.get(id);
    }
}
