package cn.ruralwatch.household.division;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @RolesAllowed(Roles.COUNTY_ADMIN)
    @Operation(operationId = "registerDivision", summary = "登记县、乡镇或行政村")
    @APIResponse(responseCode = "201", description = "已登记")
    @APIResponse(
            responseCode = "400",
            description = "代码、层级或上级不合法",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "代码已登记",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @RolesAllowed({Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(operationId = "getDivision", summary = "按代码查询行政区划")
    @APIResponse(
            responseCode = "404",
            description = "区划不存在",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(example = "450422101") @PathParam("code") String code) {
        Division division = divisions.get(code);
        return Response.ok(DivisionApi.DivisionView.of(division))
                .header("ETag", EntityTags.of(division.version))
                .build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.COUNTY_ADMIN)
    @Operation(operationId = "renameDivision", summary = "修改行政区划名称（需 If-Match）")
    @APIResponse(
            responseCode = "412",
            description = "If-Match 版本已过期",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "缺少 If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rename(
            @PathParam("code") String code,
            @Valid @NotNull DivisionApi.Rename request,
            @Parameter(description = "读取时得到的 ETag", example = "\"0\"") @HeaderParam("If-Match") String ifMatch) {
        Division division = divisions.rename(code, request, ifMatch);
        return Response.ok(DivisionApi.DivisionView.of(division))
                .header("ETag", EntityTags.of(division.version))
                .build();
    }

    @GET
    @Path("/{code}/children")
    @RolesAllowed({Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(operationId = "listDivisionChildren", summary = "列出下级区划（分页）")
    public Page<DivisionApi.DivisionView> children(
            @PathParam("code") String code,
            @Parameter(description = "页码，从 0 开始") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20") @QueryParam("size") Integer size) {
        return divisions.children(code, PageRequest.of(page, size)).map(DivisionApi.DivisionView::of);
    }
}
