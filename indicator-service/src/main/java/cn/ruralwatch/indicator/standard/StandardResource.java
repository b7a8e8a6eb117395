package cn.ruralwatch.indicator.standard;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.indicator.rules.StandardDefinition;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/indicator-standards")
@Tag(name = "指标体系 Indicator standards")
@Produces(MediaType.APPLICATION_JSON)
public class StandardResource {

    @Inject
    StandardService service;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveIndicatorStandard", summary = "保存指标体系（新编码为第 1 版，已有编码保存为新版本），规则先做类型检查，并对适用地区重新评估")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StandardDefinition.class),
                            examples = {
                                @ExampleObject(
                                        name = "县定农户标准",
                                        summary = "横县 2026 年农户核查口径：住房、基本医疗和收入三项，收入线用参数",
                                        value = """
                                                {
                                                  "code": "HENGXIAN_HOUSEHOLD_2026",
                                                  "name": "横县农户核查（2026 年）",
                                                  "regionCode": "450422",
                                                  "level": "HOUSEHOLD",
                                                  "validFrom": "2026-01-01",
                                                  "validTo": "2026-12-31",
                                                  "description": "县防返贫监测帮扶工作领导小组 2026 年核查口径",
                                                  "parameters": [{"name": "monitoringThreshold", "title": "防返贫监测范围（年人均纯收入，元）"}],
                                                  "indicators": [
                                                    {
                                                      "code": "HOUSING_SECURITY",
                                                      "name": "住房安全有保障",
                                                      "unit": "HOUSEHOLD",
                                                      "rule": "!household.housing.noHouse && household.housing.safetyGrade in ['A', 'B']",
                                                      "evidence": {"safetyGrade": "household.housing.safetyGrade"},
                                                      "riskType": "HOUSING"
                                                    },
                                                    {
                                                      "code": "BASIC_MEDICAL_INSURANCE",
                                                      "name": "参加城乡居民基本医疗保险",
                                                      "unit": "MEMBER",
                                                      "population": "member.status == 'ACTIVE'",
                                                      "exclusions": [
                                                        {
                                                          "code": "ACTIVE_SOLDIER",
                                                          "name": "现役军人",
                                                          "condition": "member.activeSoldier"
                                                        }
                                                      ],
                                                      "rule": "member.medicalInsurance == 'ENROLLED'",
                                                      "evidence": {"medicalInsurance": "member.medicalInsurance"},
                                                      "riskType": "ILLNESS"
                                                    },
                                                    {
                                                      "code": "INCOME_ABOVE_THRESHOLD",
                                                      "name": "年人均纯收入不低于防返贫监测范围",
                                                      "unit": "HOUSEHOLD",
                                                      "rule": "household.hasIncome && household.income.netIncomePerCapita >= params.monitoringThreshold",
                                                      "evidence": {"netIncomePerCapita": "household.income.netIncomePerCapita"},
                                                      "riskType": "OTHER"
                                                    }
                                                  ]
                                                }""")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已保存；Location 指向该版本",
            content = @Content(schema = @Schema(implementation = StandardApi.StandardSaved.class)))
    @APIResponse(responseCode = "400", description = "规则无法编译（errors 给出规则位置、CEL 错误信息及行列）或字段不合法")
    public Response save(@Valid @NotNull StandardDefinition definition) {
        StandardService.Saved saved = service.save(definition);
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("/api/v1/indicator-standards/{code}/versions/{version}")
                        .build(saved.standard().code(), saved.standard().version()))
                .entity(new StandardApi.StandardSaved(
                        saved.standard(), saved.evaluationJob().orElse(null)))
                .build();
    }

    @POST
    @Path("/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkIndicatorStandard", summary = "只做类型检查，不保存")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StandardDefinition.class),
                            examples = {
                                @ExampleObject(name = "只计数的指标", summary = "类型检查一个 COUNT 指标：有智能手机的农户，只报数量", value = """
                                                {
                                                  "code": "HENGXIAN_DEVICES_2026",
                                                  "name": "横县农户信息化情况（2026 年）",
                                                  "regionCode": "450422",
                                                  "level": "HOUSEHOLD",
                                                  "validFrom": "2026-01-01",
                                                  "indicators": [
                                                    {
                                                      "code": "SMARTPHONE",
                                                      "name": "有智能手机",
                                                      "unit": "HOUSEHOLD",
                                                      "rule": "household.smartphone",
                                                      "reporting": "COUNT",
                                                      "metAs": "有智能手机的农户",
                                                      "notMetAs": "没有智能手机的农户"
                                                    }
                                                  ]
                                                }""")
                            }))
    @APIResponse(responseCode = "200", description = "规则全部通过")
    @APIResponse(responseCode = "400", description = "规则无法编译")
    public StandardApi.StandardCheck check(@Valid @NotNull StandardDefinition definition) {
        service.check(definition);
        return new StandardApi.StandardCheck(true);
    }

    @GET
    @Operation(operationId = "listIndicatorStandards", summary = "适用于本地区的指标体系（各编码的最新版本）")
    public Page<StandardApi.StandardSummary> list(
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return service.list(PageRequest.of(page, size));
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getIndicatorStandard", summary = "指标体系的最新版本")
    @APIResponse(responseCode = "200", description = "最新版本")
    @APIResponse(responseCode = "404", description = "没有这个指标体系")
    public StandardApi.StandardView get(
            @Parameter(description = "指标体系编码", example = "NATIONAL_HOUSEHOLD_2021") @PathParam("code") String code) {
        return service.get(code, null);
    }

    @GET
    @Path("/{code}/versions")
    @Operation(operationId = "listIndicatorStandardVersions", summary = "指标体系的全部版本，新版本在前")
    public List<StandardApi.StandardVersion> versions(
            @Parameter(description = "指标体系编码", example = "NATIONAL_HOUSEHOLD_2021") @PathParam("code") String code) {
        return service.versions(code);
    }

    @GET
    @Path("/{code}/versions/{version}")
    @Operation(operationId = "getIndicatorStandardVersion", summary = "指标体系的某一版本")
    @APIResponse(responseCode = "200", description = "该版本")
    @APIResponse(responseCode = "404", description = "没有这个版本")
    public StandardApi.StandardView version(
            @Parameter(description = "指标体系编码", example = "NATIONAL_HOUSEHOLD_2021") @PathParam("code") String code,
            @Parameter(description = "版本号", example = "1") @PathParam("version") int version) {
        return service.get(code, version);
    }

    @POST
    @Path("/{code}/retirement")
    @Operation(operationId = "retireIndicatorStandard", summary = "停用指标体系：不再评估，已有结果与历史保留")
    public StandardApi.StandardView retire(
            @Parameter(description = "指标体系编码", example = "HENGXIAN_HOUSEHOLD_2026") @PathParam("code") String code) {
        return service.retire(code);
    }
}
