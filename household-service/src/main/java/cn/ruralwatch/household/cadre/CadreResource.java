package cn.ruralwatch.household.cadre;

import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.personal.PersonalDataAccess;
import cn.ruralwatch.personal.PersonalDataKind;
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

@Path("/api/v1/cadres")
@Tag(name = "帮扶责任人 Responsible cadres")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CadreResource {

    static final String EXAMPLE = "{\"name\": \"韦某某\", \"unit\": \"县农业农村局\", \"position\": \"驻村第一书记\","
            + " \"phone\": \"13812345678\", \"divisionCode\": \"450422101201\", \"kind\": \"RESPONSIBLE\"}";

    @Inject
    CadreService cadres;

    @Inject
    VisitRuleService rules;

    @Inject
    PersonalDataAccess access;

    @Inject
    AuditTrail audit;

    @POST
    @Operation(
            operationId = "registerCadre",
            summary = "登记帮扶责任人（帮扶联系人）",
            description = "服务的乡镇或村须在本人辖区内。电话加密保存，按角色脱敏显示。发布 cadre.registered.v1（不含姓名、电话）。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = CadreApi.CadreRequest.class),
                            examples = @ExampleObject(name = "驻村第一书记", value = EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "已登记",
            content = @Content(schema = @Schema(implementation = CadreApi.CadreView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法：电话格式、区划不存在或不是乡镇或村")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Response register(@Valid @NotNull CadreApi.CadreRequest request, @Context UriInfo uri) {
        Cadre cadre = cadres.register(request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(cadre.id.toString()).build())
                .header("ETag", EntityTags.of(cadre.version))
                .entity(view(cadre, false))
                .build();
    }

    @GET
    @Operation(
            operationId = "listCadres",
            summary = "帮扶责任人名册（分页，按区划、姓名）",
            description = "服务区划在所查区划内的帮扶责任人，以及服务其所在乡镇的。电话按角色脱敏。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "kind 或 active 不合法")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<CadreApi.CadreView> list(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "类别：RESPONSIBLE, CONTACT") @QueryParam("kind") CadreKind kind,
            @Parameter(description = "true 在岗，false 已离岗；为空时全部") @QueryParam("active") Boolean active,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return cadres.list(division, kind, active, PageRequest.of(page, size)).map(c -> view(c, true));
    }

    @GET
    @Path("/missing-visits")
    @Operation(
            operationId = "listCadresMissingVisits",
            summary = "不按要求走访的帮扶责任人（分页）",
            description = "截至 asOf 结对的农户中有逾期未走访的帮扶责任人，及其结对户数、逾期户数和最长逾期天数" + "（seed 000：部分帮扶联系人不按要求进村入户）。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "asOf 不合法或晚于今天")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<CadreApi.CadreMissingVisits> missingVisits(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "截至日期（yyyy-MM-dd），默认今天", example = "2024-06-30") @QueryParam("asOf") String asOf,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return rules.missingVisits(division, VisitRuleResource.date("asOf", asOf), PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCadre", summary = "查询一位帮扶责任人")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = CadreApi.CadreView.class)))
    @APIResponse(responseCode = "404", description = "没有这位帮扶责任人，或不在本人辖区")
    public Response get(@PathParam("id") @ResourceId("cadre.not-found") UUID id) {
        Cadre cadre = cadres.get(id);
        return Response.ok(view(cadre, true))
                .header("ETag", EntityTags.of(cadre.version))
                .build();
    }

    @GET
    @Path("/{id}/visits")
    @Operation(
            operationId = "listCadreVisits",
            summary = "帮扶责任人的走访记录（分页，最新在前）",
            description = "以 cadreId 记录的走访：农户、户主姓名、日期和走访情况；只列本人辖区内农户的。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "日期不合法，或 to 早于 from")
    @APIResponse(responseCode = "404", description = "没有这位帮扶责任人，或不在本人辖区")
    public Page<CadreApi.CadreVisit> visits(
            @PathParam("id") @ResourceId("cadre.not-found") UUID id,
            @Parameter(description = "起始日期（含，yyyy-MM-dd）", example = "2024-01-01") @QueryParam("from") String from,
            @Parameter(description = "截止日期（含，yyyy-MM-dd）", example = "2024-03-31") @QueryParam("to") String to,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return cadres.visits(
                id, VisitRuleResource.date("from", from), VisitRuleResource.date("to", to), PageRequest.of(page, size));
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateCadre",
            summary = "修改帮扶责任人（需 If-Match，整体替换）",
            description = "电话须填完整号码（脱敏号码不合格式）。有结对农户时不能改类别，服务区划须仍包含其结对农户所在的村。发布 cadre.changed.v1。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = CadreApi.CadreRequest.class),
                            examples = @ExampleObject(name = "换了电话", value = EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "已修改",
            content = @Content(schema = @Schema(implementation = CadreApi.CadreView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法")
    @APIResponse(responseCode = "404", description = "没有这位帮扶责任人，或不在本人辖区")
    @APIResponse(responseCode = "409", description = "有结对农户时改类别，或新的服务区划不含其结对农户")
    @APIResponse(responseCode = "412", description = "If-Match 与当前版本不符")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response update(
            @PathParam("id") @ResourceId("cadre.not-found") UUID id,
            @Valid @NotNull CadreApi.CadreRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        Cadre cadre = cadres.update(id, request, ifMatch);
        return Response.ok(view(cadre, false))
                .header("ETag", EntityTags.of(cadre.version))
                .build();
    }

    @POST
    @Path("/{id}/deactivation")
    @Operation(
            operationId = "deactivateCadre",
            summary = "帮扶责任人离岗（停用，需 If-Match）",
            description = "其现有结对同日结束（CADRE_LEFT），这些农户计为没有帮扶责任人，直到另行确定。发布 cadre.changed.v1。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = CadreApi.DeactivationRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "调回原单位",
                                            value = "{\"leftOn\": \"2024-03-31\", \"reason\": \"调回原单位\"}")))
    @APIResponse(
            responseCode = "200",
            description = "已停用",
            content = @Content(schema = @Schema(implementation = CadreApi.CadreView.class)))
    @APIResponse(responseCode = "400", description = "离岗日期晚于今天或早于其现有结对的开始日期")
    @APIResponse(responseCode = "404", description = "没有这位帮扶责任人，或不在本人辖区")
    @APIResponse(responseCode = "409", description = "已经离岗")
    @APIResponse(responseCode = "412", description = "If-Match 与当前版本不符")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response deactivate(
            @PathParam("id") @ResourceId("cadre.not-found") UUID id,
            @Valid @NotNull CadreApi.DeactivationRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        Cadre cadre = cadres.deactivate(id, request, ifMatch);
        return Response.ok(view(cadre, false))
                .header("ETag", EntityTags.of(cadre.version))
                .build();
    }

    /**
     * The cadre as the caller may see it; a phone shown in full after a read is recorded in the audit trail (after a
     * change the caller has just sent it).
     */
    private CadreApi.CadreView view(Cadre c, boolean read) {
        String phone = access.show(PersonalDataKind.PHONE, c.phone);
        if (read && access.fullView()) {
            audit.revealed(CadreService.CADRE, c.id.toString(), c.divisionCode, List.of("phone"));
        }
        return new CadreApi.CadreView(
                c.id,
                c.name,
                c.unit,
                c.position,
                phone,
                c.divisionCode,
                cadres.divisionName(c.divisionCode),
                c.kind,
                c.kind.label(),
                c.active,
                c.leftOn,
                c.leftReason,
                cadres.currentHouseholds(c.id),
                c.registeredBy,
                c.registeredAt,
                c.updatedAt,
                c.version);
    }
}
