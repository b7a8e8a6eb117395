package cn.ruralwatch.household.division;

import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.Messages;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/divisions")
@Tag(name = "行政区划 Divisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DivisionResource {

    @Inject
    DivisionService divisions;

    @POST
    @Operation(operationId = "registerDivision", summary = "登记省、市、县、乡镇、行政村（社区）或自然村（屯）")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DivisionApi.Registration.class),
                            examples = {
                                @ExampleObject(name = "县", summary = "横县（县级，上级未登记时可不填 parentCode）", value = """
                                                {"code": "450422", "name": "横县", "level": "COUNTY"}"""),
                                @ExampleObject(name = "乡镇", summary = "横县同心镇", value = """
                                                {
                                                  "code": "450422101",
                                                  "name": "同心镇",
                                                  "level": "TOWNSHIP",
                                                  "parentCode": "450422"
                                                }"""),
                                @ExampleObject(name = "脱贫村", summary = "同心镇沙村：“十三五”贫困村，2016 年摘帽出列", value = """
                                                {
                                                  "code": "450422101201",
                                                  "name": "沙村",
                                                  "level": "VILLAGE",
                                                  "parentCode": "450422101",
                                                  "villageKind": "VILLAGE",
                                                  "povertyVillage": true,
                                                  "povertyExitYear": 2016
                                                }""")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已登记",
            content = @Content(schema = @Schema(implementation = DivisionApi.DivisionView.class)))
    @APIResponse(responseCode = "400", description = "代码、层级或上级不合法")
    @APIResponse(responseCode = "409", description = "代码已登记")
    public Response register(
            @Valid @NotNull DivisionApi.Registration request,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        Division division = divisions.register(request, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder().path(division.code).build())
                .header("ETag", EntityTags.of(division.version))
                .entity(DivisionApi.DivisionView.of(division))
                .build();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getDivision", summary = "按代码查询行政区划")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = DivisionApi.DivisionView.class)))
    @APIResponse(responseCode = "404", description = "区划不存在")
    public Response get(@Parameter(example = "450422101") @PathParam("code") String code) {
        Division division = divisions.get(code);
        return Response.ok(DivisionApi.DivisionView.of(division))
                .header("ETag", EntityTags.of(division.version))
                .build();
    }

    @PUT
    @Path("/{code}")
    @Operation(operationId = "renameDivision", summary = "修改行政区划名称（需 If-Match）")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DivisionApi.Rename.class),
                            examples = {
                                @ExampleObject(
                                        name = "撤县设市",
                                        summary = "横县撤县设市后更名（PUT /api/v1/divisions/450422）",
                                        value = """
                                                {"name": "横州市"}""")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = DivisionApi.DivisionView.class)))
    @APIResponse(responseCode = "412", description = "If-Match 版本已过期")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response rename(
            @Parameter(description = "区划代码", example = "450422") @PathParam("code") String code,
            @Valid @NotNull DivisionApi.Rename request,
            @Parameter(description = "读取时得到的 ETag", example = "\"0\"") @HeaderParam("If-Match") String ifMatch) {
        Division division = divisions.rename(code, request, ifMatch);
        return Response.ok(DivisionApi.DivisionView.of(division))
                .header("ETag", EntityTags.of(division.version))
                .build();
    }

    @PUT
    @Path("/{code}/village-status")
    @Operation(operationId = "setVillageStatus", summary = "设置村的类别（行政村或社区）与贫困村状态（是否贫困村、摘帽出列年度），需 If-Match")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DivisionApi.VillageStatus.class),
                            examples = {
                                @ExampleObject(
                                        name = "贫困村摘帽",
                                        summary =
                                                "沙村为“十三五”贫困村，2016 年摘帽出列（PUT /api/v1/divisions/450422101201/village-status）",
                                        value = """
                                                {
                                                  "villageKind": "VILLAGE",
                                                  "povertyVillage": true,
                                                  "povertyExitYear": 2016,
                                                  "reason": "县扶贫开发领导小组 2016 年贫困村退出批复"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "已设置",
            content = @Content(schema = @Schema(implementation = DivisionApi.DivisionView.class)))
    @APIResponse(responseCode = "400", description = "不是村级区划，或摘帽年度不合法")
    @APIResponse(responseCode = "404", description = "区划不存在")
    @APIResponse(responseCode = "412", description = "If-Match 版本已过期")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response setVillageStatus(
            @Parameter(description = "区划代码", example = "450422101201") @PathParam("code") String code,
            @Valid @NotNull DivisionApi.VillageStatus request,
            @Parameter(description = "读取时得到的 ETag", example = "\"0\"") @HeaderParam("If-Match") String ifMatch) {
        Division division = divisions.setVillageStatus(code, request, ifMatch);
        return Response.ok(DivisionApi.DivisionView.of(division))
                .header("ETag", EntityTags.of(division.version))
                .build();
    }

    @GET
    @Path("/{code}/children")
    @Operation(operationId = "listDivisionChildren", summary = "列出下级区划（分页）")
    public Page<DivisionApi.DivisionView> children(
            @Parameter(description = "区划代码", example = "450422101") @PathParam("code") String code,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return divisions.children(code, PageRequest.of(page, size)).map(DivisionApi.DivisionView::of);
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(
            operationId = "importDivisions",
            summary = "从 CSV 导入区划表",
            description = "表头：code（区划代码）、name（名称），可选 level（层级）、parentCode（上级代码），中英文表头均可，UTF-8。"
                    + "不论行的顺序，先上级后下级；新代码登记，已有代码名称不同时更名，相同则不变；无效行逐行报告（行号、字段、原因）并跳过。"
                    + "重复导入同一文件不改变任何数据。")
    @RequestBody(
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "同心镇的村和屯", summary = "中文表头；上级须已登记或在同一文件中", value = """
                                                区划代码,名称,层级,上级代码
                                                450422101202,平顶村,行政村,450422101
                                                450422101203,力冲村,行政村,450422101
                                                450422101204,同心社区,社区,450422101
                                                450422101201101,新村屯,屯,450422101201
                                                """)),
                @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "同心镇的村和屯", summary = "中文表头；上级须已登记或在同一文件中", value = """
                                                区划代码,名称,层级,上级代码
                                                450422101202,平顶村,行政村,450422101
                                                450422101203,力冲村,行政村,450422101
                                                450422101204,同心社区,社区,450422101
                                                450422101201101,新村屯,屯,450422101201
                                                """))
            })
    @APIResponse(
            responseCode = "200",
            description = "导入结果",
            content = @Content(schema = @Schema(implementation = DivisionApi.ImportResult.class)))
    @APIResponse(responseCode = "400", description = "文件无法读取、缺少表头或没有数据行")
    public DivisionApi.ImportResult importCsv(String csv, @HeaderParam("Accept-Language") String language) {
        Locale locale = Messages.localeFor(language);
        return divisions.importCsv(
                DivisionCsv.parse(csv == null ? "" : csv),
                violation -> Messages.get(locale, violation.messageKey(), violation.args()));
    }

    @PUT
    @Path("/{code}/population/{year}")
    @Operation(
            operationId = "setDivisionPopulation",
            summary = "设定区划某年年末的人口基数（户籍人口、农业户籍人口、户数）",
            description = "贫困发生率等比率以此为分母（如 2014 年末农业户籍人口）。每次设定记入变更历史和审计日志，并发布 division.population-set.v1。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DivisionApi.Population.class),
                            examples = {
                                @ExampleObject(
                                        name = "2014 年末人口基数",
                                        summary =
                                                "同心镇 2014 年末户籍人口、农业户籍人口和户数（PUT /api/v1/divisions/450422101/population/2014）",
                                        value = """
                                                {
                                                  "registeredPopulation": 29180,
                                                  "agriculturalPopulation": 26343,
                                                  "households": 7587,
                                                  "reason": "县公安局 2014 年末户籍人口统计"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "设定后的人口基数",
            content = @Content(schema = @Schema(implementation = DivisionApi.Population.class)))
    @APIResponse(responseCode = "400", description = "数值不合理（农业人口或户数超过户籍人口）")
    public DivisionApi.Population setPopulation(
            @Parameter(description = "区划代码", example = "450422101") @PathParam("code") String code,
            @Parameter(description = "年度（年末）", example = "2014") @PathParam("year") int year,
            @Valid @NotNull DivisionApi.Population request) {
        return population(divisions.setPopulation(code, year, request));
    }

    @GET
    @Path("/{code}/population")
    @Operation(operationId = "listDivisionPopulation", summary = "区划各年度的人口基数")
    public List<DivisionApi.Population> populations(
            @Parameter(description = "区划代码", example = "450422101") @PathParam("code") String code) {
        return divisions.populations(code).stream()
                .map(DivisionResource::population)
                .toList();
    }

    @GET
    @Path("/{code}/revisions")
    @Operation(operationId = "listDivisionRevisions", summary = "区划的变更历史（分页，最新在前）")
    public Page<DivisionApi.RevisionView> revisions(
            @Parameter(description = "区划代码", example = "450422101") @PathParam("code") String code,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return divisions.history(code, PageRequest.of(page, size));
    }

    private static DivisionApi.Population population(DivisionPopulation p) {
        return new DivisionApi.Population(
                p.key.year(), p.registeredPopulation, p.agriculturalPopulation, p.households, null);
    }
}
