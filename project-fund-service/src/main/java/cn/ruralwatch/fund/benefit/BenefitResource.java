package cn.ruralwatch.fund.benefit;

import cn.ruralwatch.fund.QueryParameters;
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

@Path("/api/v1")
@Tag(name = "到户帮扶 Household benefits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BenefitResource {

    @Inject
    BenefitService benefits;

    @Inject
    MicrocreditService loans;

    @POST
    @Path("/household-benefits")
    @Operation(
            operationId = "grantHouseholdBenefit",
            summary = "登记一笔到户帮扶（产业奖补、三业奖补、雨露计划、交通补贴、公益性岗位工资）",
            description = "先看帮扶对象：产业奖补须农户登记参与特色产业；三业奖补须农户发展产业或有成员务工；雨露计划须成员在校、"
                    + "就读中职（高中阶段）或高职（大专及以上）；交通补贴须成员在适用标准规定的地点务工满规定月数；"
                    + "公益性岗位工资须成员有劳动能力、年满 16 周岁；不符合的 400 指明成员（或农户）与所缺条件。"
                    + "产业奖补、三业奖补、雨露计划、交通补贴只给脱贫户和监测对象，金额不超过农户所在村当年适用标准"
                    + "（/api/v1/household-benefits/rules）的每笔上限、每人每年上限和每户每年上限，超出的 422 指明上限和已兑现金额；"
                    + "三业奖补每户每年一次、交通补贴每人每年一次（409）。光伏收益奖励补助和资产收益分配由分配方案和资产收益发放，不在此登记。"
                    + "登记后发布农户当年的帮扶合计（household-benefits.totalled.v1）。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BenefitApi.GrantRequest.class),
                            examples = {
                                @ExampleObject(name = "产业奖补", summary = "脱贫户发展百香果种植，以奖代补", value = """
                                                {
                                                  "householdId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718293",
                                                  "kind": "INDUSTRY_REWARD",
                                                  "amount": 2000.00,
                                                  "grantedOn": "2026-07-15",
                                                  "description": "发展百香果种植 3 亩"
                                                }"""),
                                @ExampleObject(name = "一次性交通补贴", summary = "省外务工满 3 个月的成员", value = """
                                                {
                                                  "householdId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718293",
                                                  "memberId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718296",
                                                  "kind": "TRANSPORT_SUBSIDY",
                                                  "amount": 500.00,
                                                  "grantedOn": "2026-08-20",
                                                  "description": "广东省东莞市务工"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已登记",
            content = @Content(schema = @Schema(implementation = BenefitApi.BenefitView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法；农户、成员不存在或不在本人辖区；类别不能直接登记；该年度没有适用标准；农户或成员不符合该类帮扶的条件")
    @APIResponse(responseCode = "409", description = "每年一次的帮扶已登记")
    @APIResponse(responseCode = "422", description = "非脱贫户或监测对象，或金额超过适用标准的每笔上限、每人每年上限、每户每年上限")
    public Response grant(
            @Valid @NotNull BenefitApi.GrantRequest request,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值，不会重复登记") @HeaderParam(IdempotencyKeys.HEADER)
                    String idempotencyKey,
            @Context UriInfo uri) {
        BenefitApi.BenefitView benefit = benefits.grant(request, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(benefit.id().toString())
                        .build())
                .entity(benefit)
                .build();
    }

    @GET
    @Path("/household-benefits")
    @Operation(operationId = "listHouseholdBenefits", summary = "一个区划或一户一年的到户帮扶明细（分页，按兑现日期）")
    public Page<BenefitApi.BenefitView> list(
            @Parameter(description = "区划代码", example = "420281105201")
                    @QueryParam("division")
                    @Pattern(regexp = QueryParameters.DIVISION, message = "{ruralwatch.division.code}")
                    String division,
            @Parameter(description = "农户") @QueryParam("householdId") UUID householdId,
            @Parameter(description = "年度", example = "2023", required = true) @QueryParam("year") Integer year,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return benefits.list(division, householdId, QueryParameters.year(year), PageRequest.of(page, size));
    }

    @GET
    @Path("/household-benefits/{id}")
    @Operation(operationId = "getHouseholdBenefit", summary = "查询一笔到户帮扶")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "404", description = "不存在或不在本人辖区")
    public BenefitApi.BenefitView get(@PathParam("id") @ResourceId("benefit.not-found") UUID id) {
        return benefits.get(id);
    }

    @GET
    @Path("/household-benefit-totals")
    @Operation(
            operationId = "listHouseholdBenefitTotals",
            summary = "农户年度帮扶合计（分页）：各类别金额与合计，小额信贷按当年贴息计",
            description = "列出区划内当年有帮扶的农户；给出 householdId 时只列这一户。")
    public Page<BenefitApi.Totals> totals(
            @Parameter(description = "区划代码", example = "420281105201")
                    @QueryParam("division")
                    @Pattern(regexp = QueryParameters.DIVISION, message = "{ruralwatch.division.code}")
                    String division,
            @Parameter(description = "农户") @QueryParam("householdId") UUID householdId,
            @Parameter(description = "年度", example = "2023", required = true) @QueryParam("year") Integer year,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return benefits.totals(division, householdId, QueryParameters.year(year), PageRequest.of(page, size));
    }

    @POST
    @Path("/microcredit-loans")
    @Operation(
            operationId = "recordMicrocreditLoan",
            summary = "登记脱贫人口小额信贷",
            description = "不超过 5 万元、期限不超过 3 年，借款人放款时 18–65 岁，农户须是脱贫户或监测对象，每户同时只有一笔在贷。"
                    + "贴息按 本金 × 年利率 × 贴息比例 × 当年计息天数 ÷ 360 计算，计入农户当年帮扶合计。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BenefitApi.LoanRequest.class),
                            examples = {@ExampleObject(name = "脱贫人口小额信贷", summary = "5 万元、3 年期，财政全额贴息", value = """
                                                {
                                                  "householdId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718293",
                                                  "borrowerMemberId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718296",
                                                  "bank": "横县农村商业银行同心支行",
                                                  "contractNumber": "HXNS-TX-2026-0158",
                                                  "principal": 50000.00,
                                                  "annualRatePercent": 3.00,
                                                  "subsidyPercent": 100,
                                                  "disbursedOn": "2026-04-10",
                                                  "termMonths": 36,
                                                  "purpose": "发展百香果种植"
                                                }""")}))
    @APIResponse(
            responseCode = "201",
            description = "已登记",
            content = @Content(schema = @Schema(implementation = BenefitApi.LoanView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法，或农户、借款人不存在、不在本人辖区")
    @APIResponse(responseCode = "409", description = "该户已有在贷，或合同编号已登记")
    @APIResponse(responseCode = "422", description = "超过额度或期限、借款人年龄不符、非脱贫户或监测对象")
    public Response recordLoan(
            @Valid @NotNull BenefitApi.LoanRequest request,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值，不会重复登记") @HeaderParam(IdempotencyKeys.HEADER)
                    String idempotencyKey,
            @Context UriInfo uri) {
        BenefitApi.LoanView loan = loans.record(request, idempotencyKey);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(loan.id().toString()).build())
                .header("ETag", EntityTags.of(loan.version()))
                .entity(loan)
                .build();
    }

    @GET
    @Path("/microcredit-loans")
    @Operation(operationId = "listMicrocreditLoans", summary = "小额信贷（分页），可按区划、农户筛选")
    public Page<BenefitApi.LoanView> loans(
            @Parameter(description = "区划代码", example = "420281105")
                    @QueryParam("division")
                    @Pattern(regexp = QueryParameters.DIVISION, message = "{ruralwatch.division.code}")
                    String division,
            @Parameter(description = "农户") @QueryParam("householdId") UUID householdId,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return loans.list(division, householdId, PageRequest.of(page, size));
    }

    @GET
    @Path("/microcredit-loans/{id}")
    @Operation(operationId = "getMicrocreditLoan", summary = "查询一笔小额信贷及其各年度贴息")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = BenefitApi.LoanView.class)))
    @APIResponse(responseCode = "404", description = "不存在或不在本人辖区")
    public Response loan(@PathParam("id") @ResourceId("loan.not-found") UUID id) {
        BenefitApi.LoanView loan = loans.get(id);
        return Response.ok(loan).header("ETag", EntityTags.of(loan.version())).build();
    }

    @POST
    @Path("/microcredit-loans/{id}/repayment")
    @Operation(operationId = "repayMicrocreditLoan", summary = "登记还清：贴息计到还清日；需要 If-Match")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BenefitApi.Repayment.class),
                            examples = {@ExampleObject(name = "提前还清", summary = "贴息计到还清日", value = """
                                                {"repaidOn": "2026-11-20"}""")}))
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = BenefitApi.LoanView.class)))
    @APIResponse(responseCode = "409", description = "贷款已还清")
    public Response repay(
            @PathParam("id") @ResourceId("loan.not-found") UUID id,
            @Parameter(description = "贷款的 ETag") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BenefitApi.Repayment repayment) {
        BenefitApi.LoanView loan = loans.repay(id, ifMatch, repayment);
        return Response.ok(loan).header("ETag", EntityTags.of(loan.version())).build();
    }
}
