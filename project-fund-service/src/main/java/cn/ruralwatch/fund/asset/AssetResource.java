package cn.ruralwatch.fund.asset;

import cn.ruralwatch.fund.QueryParameters;
import cn.ruralwatch.fund.project.AssetClass;
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

@Path("/api/v1/project-assets")
@Tag(name = "项目 Projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssetResource {

    @Inject
    AssetService assets;

    @GET
    @Operation(operationId = "listProjectAssets", summary = "扶贫项目资产台账（分页），可按所有者区划、类别、状态筛选")
    public Page<AssetApi.AssetView> list(
            @Parameter(description = "所有者区划代码", example = "450422101201")
                    @QueryParam("division")
                    @Pattern(regexp = QueryParameters.DIVISION, message = "{ruralwatch.division.code}")
                    String division,
            @Parameter(description = "资产类别") @QueryParam("assetClass") AssetClass assetClass,
            @Parameter(description = "ACTIVE 在用，DISPOSED 已处置")
                    @QueryParam("status")
                    @Pattern(regexp = "ACTIVE|DISPOSED", message = "{ruralwatch.asset.status}")
                    String status,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return assets.list(division, assetClass, status, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProjectAsset", summary = "查询一项资产：权属、价值、累计收益与分配、处置")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = AssetApi.AssetView.class)))
    @APIResponse(responseCode = "404", description = "资产不存在或不在本人辖区")
    public Response get(@PathParam("id") @ResourceId("asset.not-found") UUID id) {
        AssetApi.AssetView asset = assets.get(id);
        return Response.ok(asset).header("ETag", EntityTags.of(asset.version())).build();
    }

    @POST
    @Path("/{id}/revenues")
    @Operation(
            operationId = "recordAssetRevenue",
            summary = "登记经营性资产的一笔收益及其到户分配",
            description = "只有在用的经营性资产产生收益；分配到户合计不超过收益，每户所得计入该户当年的到户帮扶（ASSET_REVENUE）。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssetApi.RevenueRequest.class),
                            examples = {@ExampleObject(name = "租金收益", summary = "基地首年租金收益，部分分配到户", value = """
                                                {
                                                  "year": 2026,
                                                  "amount": 48000.00,
                                                  "receivedOn": "2026-11-30",
                                                  "note": "基地 2026 年度租金",
                                                  "shares": [
                                                    {
                                                      "householdId": "0193c2a4-6f1e-7b2d-8c3a-4e5f60718293",
                                                      "amount": 1200.00
                                                    },
                                                    {
                                                      "householdId": "0193c2a4-8b16-7d22-ae3f-60718293a4b5",
                                                      "amount": 800.00
                                                    }
                                                  ]
                                                }""")}))
    @APIResponse(
            responseCode = "201",
            description = "已登记",
            content = @Content(schema = @Schema(implementation = AssetApi.RevenueView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法，或农户不存在、不在资产所在县")
    @APIResponse(responseCode = "409", description = "资产已处置，或不是经营性资产")
    @APIResponse(responseCode = "422", description = "分配到户合计超过收益")
    public Response recordRevenue(
            @PathParam("id") @ResourceId("asset.not-found") UUID id,
            @Valid @NotNull AssetApi.RevenueRequest request,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值，不会重复登记") @HeaderParam(IdempotencyKeys.HEADER)
                    String idempotencyKey,
            @Context UriInfo uri) {
        AssetApi.RevenueView revenue = assets.recordRevenue(id, request, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(revenue.id().toString())
                        .build())
                .entity(revenue)
                .build();
    }

    @GET
    @Path("/{id}/revenues")
    @Operation(operationId = "listAssetRevenues", summary = "资产的收益及到户分配（按年度），含收益率")
    public List<AssetApi.RevenueView> revenues(@PathParam("id") @ResourceId("asset.not-found") UUID id) {
        return assets.revenues(id, null);
    }

    @POST
    @Path("/{id}/disposal")
    @Operation(operationId = "disposeProjectAsset", summary = "处置资产（移交、拍卖、报废、拆除、灭失）；需要 If-Match")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssetApi.Disposal.class),
                            examples = {@ExampleObject(name = "移交", summary = "移交村股份经济合作社经营，无处置收入", value = """
                                                {
                                                  "disposedOn": "2026-12-01",
                                                  "method": "TRANSFER",
                                                  "reason": "经镇政府批准，移交沙村股份经济合作社统一经营管理",
                                                  "proceeds": 0.00
                                                }""")}))
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = AssetApi.AssetView.class)))
    @APIResponse(responseCode = "409", description = "资产已处置")
    public Response dispose(
            @PathParam("id") @ResourceId("asset.not-found") UUID id,
            @Parameter(description = "资产的 ETag") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AssetApi.Disposal disposal) {
        AssetApi.AssetView asset = assets.dispose(id, ifMatch, disposal);
        return Response.ok(asset).header("ETag", EntityTags.of(asset.version())).build();
    }
}
