package cn.ruralwatch.household.household;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.Problem;
import cn.ruralwatch.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households")
@Tag(name = "农户 Households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HouseholdResource {

    @Inject
    HouseholdService households;

    @Inject
    HouseholdViews views;

    @POST
    @RolesAllowed({Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.INTEGRATION})
    @Operation(operationId = "registerHousehold", summary = "登记农户及家庭成员")
    @APIResponse(responseCode = "201", description = "已登记，Location 指向新农户")
    @APIResponse(
            responseCode = "400",
            description = "身份证号、户主或行政村不合法",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "有成员已登记在另一户",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(
            @Valid @NotNull HouseholdApi.Registration request,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        Household household = households.register(request, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(household.id.toString())
                        .build())
                .header("ETag", EntityTags.of(household.version))
                .entity(views.registered(household))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(operationId = "getHousehold", summary = "查询农户及家庭成员")
    @APIResponse(
            responseCode = "404",
            description = "农户不存在",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        Household household = households.get(parseId(id));
        return Response.ok(views.read(household))
                .header("ETag", EntityTags.of(household.version))
                .build();
    }

    @POST
    @Path("/lookup")
    @RolesAllowed({Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(
            operationId = "findHouseholdByIdNumber",
            summary = "按身份证号查找农户",
            description = "精确匹配（按密钥散列查找，身份证号不以明文保存）。身份证号放在请求体中，不出现在网址和访问日志里。" + "查不到或在调用者管辖范围以外时都回答 404。")
    @APIResponse(responseCode = "200", description = "此人所在的农户")
    @APIResponse(
            responseCode = "404",
            description = "管辖范围内没有登记此身份证号的农户",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response findByIdNumber(@Valid @NotNull HouseholdApi.IdNumberLookup request) {
        Household household = households.findByIdNumber(request.idNumber());
        return Response.ok(views.read(household))
                .header("ETag", EntityTags.of(household.version))
                .build();
    }

    @GET
    @RolesAllowed({Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(operationId = "listHouseholds", summary = "按区划列出农户（分页）")
    public Page<HouseholdApi.HouseholdSummary> list(
            @Parameter(description = "区划代码（县 6 位、乡镇 9 位、村 12 位），列出其下所有农户", example = "450422101")
                    @QueryParam("division")
                    String division,
            @Parameter(description = "页码，从 0 开始") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20") @QueryParam("size") Integer size) {
        return households.list(division, PageRequest.of(page, size)).map(HouseholdApi.HouseholdSummary::of);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw ProblemException.notFound("household.not-found", id);
        }
    }
}
