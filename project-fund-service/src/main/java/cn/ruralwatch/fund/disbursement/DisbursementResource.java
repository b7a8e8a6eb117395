package cn.ruralwatch.fund.disbursement;

import cn.ruralwatch.http.IdempotencyKeys;
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

/** The disbursements 资金拨付 of a project, from its approved budget lines. */
@Path("/api/v1/projects/{id}/disbursements")
@Tag(name = "项目 Projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisbursementResource {

    @Inject
    DisbursementService disbursements;

    @POST
    @Operation(
            operationId = "recordDisbursement",
            summary = "拨付资金",
            description = "从项目某一资金批次的批复预算中拨付。拨付合计不会超过该项的预算（并发请求也一样），" + "因而也不会超过资金批次。项目须已批复且未终止。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DisbursementApi.Request.class),
                            examples = {@ExampleObject(name = "工程款", summary = "从中央资金批次拨付第一期工程款", value = """
                                                {
                                                  "batchId": "0193c2c1-4051-7263-97b8-596a7b8c9dae",
                                                  "amount": 120000.00,
                                                  "paidOn": "2026-04-15",
                                                  "payee": "横县沙村百香果种植专业合作社",
                                                  "voucherNumber": "记-2026-0415-03",
                                                  "note": "第一期工程款"
                                                }""")}))
    @APIResponse(
            responseCode = "201",
            description = "已拨付",
            content = @Content(schema = @Schema(implementation = DisbursementApi.View.class)))
    @APIResponse(responseCode = "400", description = "字段不合法，或该资金批次不在项目预算中")
    @APIResponse(responseCode = "409", description = "超出预算余额，或项目所处阶段不能拨付")
    public Response disburse(
            @PathParam("id") @ResourceId("project.not-found") UUID id,
            @Valid @NotNull DisbursementApi.Request request,
            @Parameter(description = "幂等键：重试同一请求时带上相同的值，不会重复拨付") @HeaderParam(IdempotencyKeys.HEADER)
                    String idempotencyKey,
            @Context UriInfo uri) {
        DisbursementApi.View disbursement = disbursements.record(id, request, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(disbursement.id().toString())
                        .build())
                .entity(disbursement)
                .build();
    }

    @GET
    @Operation(operationId = "listDisbursements", summary = "项目的拨付记录（分页，按拨付日期）")
    public Page<DisbursementApi.View> disbursements(
            @PathParam("id") @ResourceId("project.not-found") UUID id,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return disbursements.list(id, PageRequest.of(page, size));
    }

    @GET
    @Path("/{disbursementId}")
    @Operation(operationId = "getDisbursement", summary = "查询一笔拨付")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "404", description = "拨付不存在")
    public DisbursementApi.View disbursement(
            @PathParam("id") @ResourceId("project.not-found") UUID id,
            @PathParam("disbursementId") @ResourceId("disbursement.not-found") UUID disbursementId) {
        return disbursements.get(id, disbursementId);
    }
}
