package cn.ruralwatch.indicator.parameter;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/standard-parameters")
@Tag(name = "指标参数 Standard parameters")
@Produces(MediaType.APPLICATION_JSON)
public class ParameterResource {

    @Inject
    ParameterService service;

    @Context
    UriInfo uriInfo;

    @Schema(name = "ParameterValueRequest")
    public record ParameterRequest(
            @Schema(description = "参数名（指标体系中声明的 params.名称）", example = "monitoringThreshold")
            @NotBlank
            @Pattern(regexp = "[a-z][A-Za-z0-9]{0,59}")
            String name,

            @Schema(description = "地区：行政区划代码，须在本人辖区内", example = "450422")
            @NotNull
            @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}")
            String regionCode,

            @Schema(description = "起用年度", example = "2025") @NotNull @Min(2000) @Max(2100)
            Integer year,

            @Schema(description = "取值", example = "8000") @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4)
            BigDecimal value,

            @Schema(description = "依据（文件、文号）", example = "藤政发〔2025〕12号") @Size(max = 1000)
            String note) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setStandardParameter", summary = "设置参数取值（如某年度的防返贫监测范围），并对该地区按使用该参数的指标体系重新评估")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParameterRequest.class),
                            examples = {
                                @ExampleObject(name = "县定监测范围", summary = "横县 2026 年防返贫监测范围 8000 元", value = """
                                                {
                                                  "name": "monitoringThreshold",
                                                  "regionCode": "450422",
                                                  "year": 2026,
                                                  "value": 8000,
                                                  "note": "县定监测范围（横防返贫〔2026〕1号）"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已设置；返回重新评估任务",
            content = @Content(schema = @Schema(implementation = ParameterService.Saved.class)))
    @APIResponse(responseCode = "400", description = "参数未被任何指标体系声明、地区不在辖区内或取值不合法")
    public Response set(@Valid @NotNull ParameterRequest request) {
        ParameterService.Saved saved =
                service.set(request.name(), request.regionCode(), request.year(), request.value(), request.note());
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("/api/v1/standard-parameters")
                        .queryParam("name", request.name())
                        .build())
                .entity(saved)
                .build();
    }

    @GET
    @Operation(operationId = "listStandardParameters", summary = "适用于本辖区的参数取值；history=true 时含已被替代的取值")
    public Page<ParameterService.ParameterView> list(
            @QueryParam("name") String name,
            @QueryParam("history") boolean history,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<ParameterService.ParameterView> all = service.list(name, history);
        return request.page(
                all.stream().skip(request.offset()).limit(request.size()).toList(), all.size());
    }
}
