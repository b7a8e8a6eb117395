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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @APIResponse(responseCode = "200", description = "规则全部通过")
    @APIResponse(responseCode = "400", description = "规则无法编译")
    public StandardApi.StandardCheck check(@Valid @NotNull StandardDefinition definition) {
        service.check(definition);
        return new StandardApi.StandardCheck(true);
    }

    @GET
    @Operation(operationId = "listIndicatorStandards", summary = "适用于本地区的指标体系（各编码的最新版本）")
    public Page<StandardApi.StandardSummary> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.list(PageRequest.of(page, size));
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getIndicatorStandard", summary = "指标体系的最新版本")
    @APIResponse(responseCode = "200", description = "最新版本")
    @APIResponse(responseCode = "404", description = "没有这个指标体系")
    public StandardApi.StandardView get(@PathParam("code") String code) {
        return service.get(code, null);
    }

    @GET
    @Path("/{code}/versions")
    @Operation(operationId = "listIndicatorStandardVersions", summary = "指标体系的全部版本，新版本在前")
    public List<StandardApi.StandardVersion> versions(@PathParam("code") String code) {
        return service.versions(code);
    }

    @GET
    @Path("/{code}/versions/{version}")
    @Operation(operationId = "getIndicatorStandardVersion", summary = "指标体系的某一版本")
    @APIResponse(responseCode = "200", description = "该版本")
    @APIResponse(responseCode = "404", description = "没有这个版本")
    public StandardApi.StandardView version(@PathParam("code") String code, @PathParam("version") int version) {
        return service.get(code, version);
    }

    @POST
    @Path("/{code}/retirement")
    @Operation(operationId = "retireIndicatorStandard", summary = "停用指标体系：不再评估，已有结果与历史保留")
    public StandardApi.StandardView retire(@PathParam("code") String code) {
        return service.retire(code);
    }
}
