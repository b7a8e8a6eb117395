package cn.ruralwatch.fund.driver;

import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ResourceId;
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

@Path("/api/v1/industry-drivers")
@Tag(name = "产业帮扶 Industry drivers")
@Produces(MediaType.APPLICATION_JSON)
public class IndustryDriverResource {

    @Inject
    IndustryDriverService drivers;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerIndustryDriver", summary = "登记带动主体：农民专业合作社、家庭农场、龙头企业等新型农业经营主体，或创业致富带头人")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "合作社",
                                            value =
                                                    "{\"divisionCode\":\"450422101203\",\"kind\":\"COOPERATIVE\","
                                                            + "\"name\":\"龚勇宇砂糖桔专业合作社\",\"industry\":\"砂糖桔\",\"registeredYear\":2017}")))
    @APIResponse(
            responseCode = "201",
            description = "已登记",
            content = @Content(schema = @Schema(implementation = IndustryDriverApi.View.class)))
    @APIResponse(responseCode = "400", description = "字段不合法，或区划不在本人辖区内")
    public Response register(@Valid @NotNull IndustryDriverApi.Registration request) {
        IndustryDriverApi.View view = drivers.register(request);
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("/api/v1/industry-drivers/{id}")
                        .build(view.id()))
                .header("ETag", EntityTags.of(view.version()))
                .entity(view)
                .build();
    }

    @GET
    @Operation(operationId = "listIndustryDrivers", summary = "本辖区（或其中一个地区）的带动主体，可按类别筛选，分页")
    @APIResponse(responseCode = "200", description = "一页")
    @APIResponse(responseCode = "400", description = "类别不合法")
    @APIResponse(responseCode = "404", description = "地区不在辖区内")
    public Page<IndustryDriverApi.View> list(
            @Parameter(description = "行政区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "类别", example = "COOPERATIVE") @QueryParam("kind") IndustryDriverApi.Kind kind,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return drivers.list(division, kind, PageRequest.of(page, size));
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "getIndustryDriverSummary", summary = "一个地区的带动主体：按类别的个数与带动农户（去重），其中脱贫户和监测户")
    @APIResponse(responseCode = "200", description = "汇总")
    @APIResponse(responseCode = "404", description = "地区不在辖区内")
    public IndustryDriverApi.Summary summary(
            @Parameter(description = "行政区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division")
                    String division) {
        return drivers.summary(division);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getIndustryDriver", summary = "一个带动主体及其带动的农户")
    @APIResponse(
            responseCode = "200",
            description = "带动主体；ETag 为版本号",
            content = @Content(schema = @Schema(implementation = IndustryDriverApi.View.class)))
    @APIResponse(responseCode = "404", description = "没有这个带动主体，或不在本人辖区内")
    public Response get(@PathParam("id") @ResourceId("driver.not-found") UUID id) {
        IndustryDriverApi.View view = drivers.get(id);
        return Response.ok(view).header("ETag", EntityTags.of(view.version())).build();
    }

    @PUT
    @Path("/{id}/households")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setIndustryDriverHouseholds", summary = "设置带动主体带动（覆盖）的农户（整体替换，需 If-Match）")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "带动的农户",
                                            value = "{\"householdIds\":[\"0f8fad5b-d9cb-469f-a165-70867728950e\"]}")))
    @APIResponse(
            responseCode = "200",
            description = "已设置",
            content = @Content(schema = @Schema(implementation = IndustryDriverApi.View.class)))
    @APIResponse(responseCode = "400", description = "农户不存在或不在本人辖区内")
    @APIResponse(responseCode = "404", description = "没有这个带动主体")
    @APIResponse(responseCode = "412", description = "If-Match 版本已过期")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response setHouseholds(
            @PathParam("id") @ResourceId("driver.not-found") UUID id,
            @Valid @NotNull IndustryDriverApi.Households request,
            @HeaderParam("If-Match") String ifMatch) {
        IndustryDriverApi.View view = drivers.setHouseholds(id, request, ifMatch);
        return Response.ok(view).header("ETag", EntityTags.of(view.version())).build();
    }
}
