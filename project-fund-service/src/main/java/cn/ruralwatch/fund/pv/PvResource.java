package cn.ruralwatch.fund.pv;

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
import jakarta.ws.rs.PUT;
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

@Path("/api/v1")
@Tag(name = "光伏收益 PV revenue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PvResource {

    @Inject
    PvStationService stations;

    @Inject
    PvPlanService plans;

    @Inject
    PvSummaryService summaries;

    @POST
    @Path("/pv-stations")
    @Operation(operationId = "registerPvStation", summary = "登记村级光伏扶贫电站（产权村、装机容量、并网日期、建设项目）")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PvApi.StationRegistration.class),
                            examples = {
                                @ExampleObject(name = "村级光伏电站", summary = "沙村 300 千瓦村级光伏扶贫电站，2019 年并网", value = """
                                                {
                                                  "villageCode": "450422101201",
                                                  "name": "沙村村级光伏电站",
                                                  "capacityKw": 300.00,
                                                  "connectedOn": "2019-06-30"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已登记",
            content = @Content(schema = @Schema(implementation = PvApi.StationView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法，或村、项目不存在、不在本人辖区")
    public Response registerStation(
            @Valid @NotNull PvApi.StationRegistration request,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        PvStation station = stations.register(request, idempotencyKey);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(station.id.toString()).build())
                .header("ETag", EntityTags.of(station.version))
                .entity(PvStationService.view(station))
                .build();
    }

    @GET
    @Path("/pv-stations")
    @Operation(operationId = "listPvStations", summary = "列出光伏电站（分页），可按区划筛选")
    public Page<PvApi.StationView> listStations(
            @Parameter(description = "区划代码", example = "420281105")
                    @QueryParam("division")
                    @Pattern(regexp = QueryParameters.DIVISION, message = "{ruralwatch.division.code}")
                    String division,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return stations.list(division, PageRequest.of(page, size)).map(PvStationService::view);
    }

    @GET
    @Path("/pv-stations/{id}")
    @Operation(operationId = "getPvStation", summary = "查询光伏电站")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "404", description = "电站不存在或不在本人辖区")
    public PvApi.StationView station(@PathParam("id") @ResourceId("pv.station.not-found") UUID id) {
        return PvStationService.view(stations.get(id));
    }

    @PUT
    @Path("/pv-stations/{id}/outputs/{year}/{month}")
    @Operation(
            operationId = "recordPvMonthlyOutput",
            summary = "登记（或更正）电站一个月的发电量和发电收益",
            description = "只能登记已结束的月份、并网之后的月份；更正时原值记入审计日志。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PvApi.OutputRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "月发电量",
                                        summary = "2026 年 6 月发电量和收益（PUT …/outputs/2026/6）",
                                        value = """
                                                {"generationKwh": 32450.50, "revenue": 12655.70}""")
                            }))
    @APIResponse(responseCode = "200", description = "已办理，返回办理后的记录")
    @APIResponse(responseCode = "400", description = "月份不合法、尚未结束或早于并网")
    public PvApi.OutputView recordOutput(
            @PathParam("id") @ResourceId("pv.station.not-found") UUID id,
            @Parameter(description = "年份", example = "2023") @PathParam("year") int year,
            @Parameter(description = "月份 1–12", example = "6") @PathParam("month") int month,
            @Valid @NotNull PvApi.OutputRequest request) {
        return stations.recordOutput(id, year, month, request);
    }

    @GET
    @Path("/pv-stations/{id}/outputs")
    @Operation(operationId = "listPvMonthlyOutputs", summary = "电站一年各月的发电量和收益")
    public List<PvApi.OutputView> outputs(
            @PathParam("id") @ResourceId("pv.station.not-found") UUID id,
            @Parameter(description = "年份", example = "2023", required = true) @QueryParam("year") Integer year) {
        UUID station = id;
        stations.get(station);
        return stations.outputs(station, QueryParameters.year(year), null);
    }

    @POST
    @Path("/pv-distribution-plans")
    @Operation(
            operationId = "createPvDistributionPlan",
            summary = "制定光伏收益分配方案（草拟）",
            description = "一个村或乡镇一个年度一个方案。保存时检查：在岗人员须是本区划有劳动能力的家庭成员且一人一岗；"
                    + "奖励补助须写明依据，不得给全体农户发放同样金额（不得简单发钱）；安排合计不超过可分配收益；"
                    + "可分配收益不超过区划内电站当年已登记的发电收益减去其他方案（乡镇方案与其辖内村的方案）已分配的部分，同一笔收益不重复分配；"
                    + "用于岗位工资和小型公益事业劳务费用的占比不低于要求（PV_WAGES_AND_LABOUR）。违反规则返回 422，并列出每一条。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PvApi.PlanRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "村级方案",
                                        summary = "沙村 2025 年光伏收益分配：公益性岗位、小型公益事业和奖励补助",
                                        value = """
                                                {
                                                  "divisionCode": "450422101201",
                                                  "year": 2025,
                                                  "distributable": 30000.00,
                                                  "documentNumber": "沙村〔2026〕1号",
                                                  "note": "经村民代表大会通过",
                                                  "jobs": [
                                                    {
                                                      "title": "村级保洁员",
                                                      "villageCode": "450422101201",
                                                      "holders": [
                                                        {
                                                          "memberId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718294",
                                                          "monthlyWage": 1000.00,
                                                          "months": 12
                                                        }
                                                      ]
                                                    },
                                                    {
                                                      "title": "护林员",
                                                      "villageCode": "450422101201",
                                                      "holders": [
                                                        {
                                                          "memberId": "0193c2a4-8b16-7d22-ae3f-60718293a4b6",
                                                          "monthlyWage": 800.00,
                                                          "months": 12
                                                        }
                                                      ]
                                                    }
                                                  ],
                                                  "works": [
                                                    {
                                                      "name": "新村屯道路修补",
                                                      "villageCode": "450422101201",
                                                      "amount": 6000.00,
                                                      "labourAmount": 3000.00
                                                    }
                                                  ],
                                                  "rewards": [
                                                    {
                                                      "name": "人居环境整治奖励",
                                                      "basis": "参加村屯环境卫生评比获评“清洁户”",
                                                      "recipients": [
                                                        {
                                                          "householdId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718293",
                                                          "amount": 600.00
                                                        },
                                                        {
                                                          "householdId": "0193c2a4-8b16-7d22-ae3f-60718293a4b5",
                                                          "amount": 400.00
                                                        }
                                                      ]
                                                    }
                                                  ]
                                                }""")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已保存",
            content = @Content(schema = @Schema(implementation = PvApi.PlanView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法，或区划、成员、农户不存在或不在方案区划内")
    @APIResponse(responseCode = "409", description = "该区划该年度已有方案")
    @APIResponse(responseCode = "422", description = "方案违反分配规则，violations 列出每一条及其数值")
    public Response createPlan(
            @Valid @NotNull PvApi.PlanRequest request,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        PvDistributionPlan plan = plans.create(request, idempotencyKey);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(plan.id.toString()).build())
                .header("ETag", EntityTags.of(plan.version))
                .entity(plans.view(plan))
                .build();
    }

    @GET
    @Path("/pv-distribution-plans")
    @Operation(operationId = "listPvDistributionPlans", summary = "列出光伏收益分配方案（分页），可按区划、年度筛选")
    public Page<PvApi.PlanView> listPlans(
            @Parameter(description = "区划代码", example = "420281105")
                    @QueryParam("division")
                    @Pattern(regexp = QueryParameters.DIVISION, message = "{ruralwatch.division.code}")
                    String division,
            @Parameter(description = "年度", example = "2023") @QueryParam("year") Integer year,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return plans.list(division, year, PageRequest.of(page, size)).map(plans::view);
    }

    @GET
    @Path("/pv-distribution-plans/{id}")
    @Operation(operationId = "getPvDistributionPlan", summary = "查询光伏收益分配方案及其合计、占比与要求")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = PvApi.PlanView.class)))
    @APIResponse(responseCode = "404", description = "方案不存在或不在本人辖区")
    public Response plan(@PathParam("id") @ResourceId("pv.plan.not-found") UUID id) {
        PvDistributionPlan plan = plans.get(id);
        return Response.ok(plans.view(plan))
                .header("ETag", EntityTags.of(plan.version))
                .build();
    }

    @PUT
    @Path("/pv-distribution-plans/{id}")
    @Operation(operationId = "replacePvDistributionPlan", summary = "修改草拟中的方案（区划和年度不变），规则同制定；需要 If-Match")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PvApi.PlanRequest.class),
                            examples = {@ExampleObject(name = "修改草拟方案", summary = "增加一个护林员岗位（区划和年度不变）", value = """
                                                {
                                                  "divisionCode": "450422101201",
                                                  "year": 2025,
                                                  "distributable": 30000.00,
                                                  "documentNumber": "沙村〔2026〕1号",
                                                  "note": "经村民代表大会通过，增设护林员",
                                                  "jobs": [
                                                    {
                                                      "title": "村级保洁员",
                                                      "villageCode": "450422101201",
                                                      "holders": [
                                                        {
                                                          "memberId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718294",
                                                          "monthlyWage": 1000.00,
                                                          "months": 12
                                                        }
                                                      ]
                                                    },
                                                    {
                                                      "title": "护林员",
                                                      "villageCode": "450422101201",
                                                      "holders": [
                                                        {
                                                          "memberId": "0193c2a4-8b16-7d22-ae3f-60718293a4b6",
                                                          "monthlyWage": 800.00,
                                                          "months": 12
                                                        },
                                                        {
                                                          "memberId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718296",
                                                          "monthlyWage": 800.00,
                                                          "months": 3
                                                        }
                                                      ]
                                                    }
                                                  ],
                                                  "works": [
                                                    {
                                                      "name": "新村屯道路修补",
                                                      "villageCode": "450422101201",
                                                      "amount": 3600.00,
                                                      "labourAmount": 1800.00
                                                    }
                                                  ]
                                                }""")}))
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = PvApi.PlanView.class)))
    @APIResponse(responseCode = "409", description = "方案已公示")
    @APIResponse(responseCode = "422", description = "方案违反分配规则")
    public Response replacePlan(
            @PathParam("id") @ResourceId("pv.plan.not-found") UUID id,
            @Parameter(description = "方案的 ETag") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PvApi.PlanRequest request) {
        PvDistributionPlan plan = plans.replace(id, ifMatch, request);
        return Response.ok(plans.view(plan))
                .header("ETag", EntityTags.of(plan.version))
                .build();
    }

    @POST
    @Path("/pv-distribution-plans/{id}/publication")
    @Operation(operationId = "publishPvDistributionPlan", summary = "公示方案：方案生效、不再修改（公示前再检查一次规则）；需要 If-Match")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PvApi.Publication.class),
                            examples = {@ExampleObject(name = "公示", summary = "方案在村务公开栏公示", value = """
                                                {"publishedOn": "2026-03-20", "documentNumber": "沙村〔2026〕1号"}""")}))
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = PvApi.PlanView.class)))
    @APIResponse(responseCode = "409", description = "方案已公示")
    @APIResponse(responseCode = "422", description = "方案已不符合分配规则（如在岗人员已迁出）")
    public Response publishPlan(
            @PathParam("id") @ResourceId("pv.plan.not-found") UUID id,
            @Parameter(description = "方案的 ETag") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PvApi.Publication publication) {
        PvDistributionPlan plan = plans.publish(id, ifMatch, publication);
        return Response.ok(plans.view(plan))
                .header("ETag", EntityTags.of(plan.version))
                .build();
    }

    @GET
    @Path("/pv-revenue-summaries")
    @Operation(
            operationId = "getPvRevenueSummary",
            summary = "光伏收益年度公示汇总",
            description = "一个县、乡镇或村一个年度：各电站的装机、发电量和收益，区划内各方案的岗位工资、小型公益事业（含劳务费用）、" + "奖励补助及用于工资和劳务的占比。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "缺少或写错区划、年度")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    public PvApi.Summary summary(
            @Parameter(description = "区划代码（县、乡镇或村）", example = "420281105", required = true) @QueryParam("division")
                    String division,
            @Parameter(description = "年度", example = "2023", required = true) @QueryParam("year") Integer year) {
        QueryParameters.divisionAndYear(division, year);
        return summaries.summary(division, year);
    }
}
