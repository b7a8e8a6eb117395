package cn.ruralwatch.indicator.figures;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ResourceId;
import cn.ruralwatch.problem.Violation;
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
@Tag(name = "上报数据核验 Figure checks")
@Produces(MediaType.APPLICATION_JSON)
public class FigureCheckResource {

    private static final String EXAMPLE = """
            {"divisionCode":"450422101","year":2020,"asOf":"2020-12-31","title":"同心镇2020年脱贫攻坚工作汇报",
             "source":"同心镇人民政府",
             "figures":[
              {"code":"nonPoorHouseholds","label":"全镇非贫困户","value":6419,"unit":"户"},
              {"code":"nonPoorMet","label":"已达标","value":6373,"unit":"户"},
              {"code":"nonPoorRate","label":"达标率","value":99.28,"unit":"%"},
              {"code":"nonPoorFailing","label":"未达标","value":47,"unit":"户"},
              {"code":"smallArea","label":"人均不足13平方米","value":10,"unit":"户"},
              {"code":"noHouse","label":"无房","value":3,"unit":"户"},
              {"code":"gradeC","label":"C类","value":22,"unit":"户"},
              {"code":"gradeD","label":"D类","value":12,"unit":"户"}],
             "relations":[
              {"kind":"SUM","whole":"nonPoorHouseholds","parts":["nonPoorMet","nonPoorFailing"]},
              {"kind":"SUM","whole":"nonPoorFailing","parts":["smallArea","noHouse","gradeC","gradeD"]},
              {"kind":"RATE","rate":"nonPoorRate","numerator":"nonPoorMet","denominator":"nonPoorHouseholds","decimals":2}],
             "comparisons":[
              {"figure":"nonPoorHouseholds","measure":"INDICATOR_DENOMINATOR","standard":"GUANGXI_TOWNSHIP_2020",
               "indicator":"HOUSING_NON_POOR"}]}""";

    @Inject
    FigureCheckService service;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("/figure-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "checkDeclaredFigures",
            summary = "核验一组上报数据（如工作汇报中的数字）：部分之和、比率与分子分母、与系统登记数据是否一致，列出每处矛盾；保存以备查看")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "同心镇住房保障", value = EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "已核验并保存；contradictions 为不成立的核验数",
            content = @Content(schema = @Schema(implementation = FigureCheckApi.FigureCheck.class)))
    @APIResponse(responseCode = "400", description = "字段不合法，引用了不存在的数字、指标体系或指标，或地区不在辖区内")
    public Response check(@Valid @NotNull FigureCheckApi.Request request) {
        FigureCheckApi.FigureCheck checked = service.check(request);
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("/api/v1/figure-checks/{id}")
                        .build(checked.id()))
                .entity(checked)
                .build();
    }

    @GET
    @Path("/figure-checks/{id}")
    @Operation(operationId = "getFigureCheck", summary = "一组上报数据，按当前数据重新核验")
    @APIResponse(responseCode = "200", description = "核验结果")
    @APIResponse(responseCode = "404", description = "没有这组数据，或不在本人辖区内")
    public FigureCheckApi.FigureCheck get(@PathParam("id") @ResourceId("figure-check.not-found") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/figure-checks")
    @Operation(operationId = "listFigureChecks", summary = "本辖区（或其中一个地区）保存的上报数据，新的在前，含保存时的矛盾数")
    @APIResponse(responseCode = "200", description = "一页")
    @APIResponse(responseCode = "404", description = "地区不在辖区内")
    public Page<FigureCheckApi.Summary> list(
            @Parameter(description = "行政区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "年度", example = "2020") @QueryParam("year") Integer year,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return service.list(division, year, PageRequest.of(page, size));
    }

    @GET
    @Path("/population-base-differences")
    @Operation(
            operationId = "listPopulationBaseDifferences",
            summary = "申报的人口基数（户数、户籍人口）与系统登记数据不一致的地区；all=true 时列出全部申报")
    @APIResponse(responseCode = "200", description = "各地区的申报数与登记数")
    @APIResponse(responseCode = "400", description = "缺少年度")
    @APIResponse(responseCode = "404", description = "地区不在辖区内")
    public List<FigureCheckApi.PopulationBaseDifference> populationBases(
            @Parameter(description = "行政区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "申报年度", example = "2020") @QueryParam("year") Integer year,
            @Parameter(description = "true 时含一致的地区") @QueryParam("all") boolean all) {
        if (year == null) {
            throw ProblemException.invalid(Violation.of("year", "REQUIRED", "problem.rates.required"));
        }
        return service.populationBases(division, year, all);
    }
}
