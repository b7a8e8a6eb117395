package cn.ruralwatch.fund.fund;

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

@Path("/api/v1/fund-batches")
@Tag(name = "衔接资金 Linkage funds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FundBatchResource {

    @Inject
    FundBatchService batches;

    @POST
    @Operation(operationId = "registerFundBatch", summary = "登记一批衔接资金")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FundBatchApi.Registration.class),
                            examples = {
                                @ExampleObject(name = "中央衔接资金", summary = "2026 年中央财政衔接推进乡村振兴补助资金（提前下达）", value = """
                                                {
                                                  "countyCode": "450422",
                                                  "sourceLevel": "CENTRAL",
                                                  "year": 2026,
                                                  "batchNumber": 1,
                                                  "amount": 12850000.00,
                                                  "documentNumber": "桂财农〔2025〕118号",
                                                  "purpose": "提前下达 2026 年中央财政衔接推进乡村振兴补助资金"
                                                }"""),
                                @ExampleObject(name = "县级资金", summary = "县本级财政安排的衔接资金", value = """
                                                {
                                                  "countyCode": "450422",
                                                  "sourceLevel": "COUNTY",
                                                  "year": 2026,
                                                  "batchNumber": 1,
                                                  "amount": 3000000.00,
                                                  "documentNumber": "横财农〔2026〕9号",
                                                  "purpose": "县级衔接推进乡村振兴资金"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已登记",
            content = @Content(schema = @Schema(implementation = FundBatchApi.FundBatchView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法或县不存在")
    @APIResponse(responseCode = "409", description = "同一县、年度、来源的批次号已登记")
    public Response register(
            @Valid @NotNull FundBatchApi.Registration request,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        FundBatch batch = batches.register(request, idempotencyKey);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(batch.id.toString()).build())
                .header("ETag", EntityTags.of(batch.version))
                .entity(batches.views(List.of(batch)).getFirst())
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFundBatch", summary = "查询衔接资金批次")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = FundBatchApi.FundBatchView.class)))
    @APIResponse(responseCode = "404", description = "批次不存在")
    public Response get(@PathParam("id") @ResourceId("fund.batch.not-found") UUID id) {
        FundBatch batch = batches.get(id);
        return Response.ok(batches.views(List.of(batch)).getFirst())
                .header("ETag", EntityTags.of(batch.version))
                .build();
    }

    @GET
    @Operation(operationId = "listFundBatches", summary = "列出衔接资金批次（分页）")
    public Page<FundBatchApi.FundBatchView> list(
            @Parameter(description = "县级区划代码", example = "450422") @QueryParam("county") @Pattern(regexp = "[0-9]{6}")
                    String county,
            @Parameter(description = "资金年度", example = "2023") @QueryParam("year") Integer year,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        Page<FundBatch> found = batches.list(county, year, PageRequest.of(page, size));
        return new Page<>(batches.views(found.items()), found.page(), found.size(), found.totalItems());
    }
}
