package cn.ruralwatch.household.rectification;

import cn.ruralwatch.household.workteam.Periods;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ResourceId;
import cn.ruralwatch.problem.Violation;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rectifications")
@Tag(name = "问题整改 Rectification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RectificationResource {

    static final String EXAMPLE = "{\"regionCode\": \"450422101\", \"source\": \"PROVINCIAL_POST_ASSESSMENT\","
            + " \"sourceDocument\": \"冶农组发〔2023〕2号\", \"aspect\": \"“三保障”和饮水安全\","
            + " \"description\": \"部分监测户帮扶措施针对性不强\", \"ownerUnit\": \"镇乡村振兴办公室\", \"ownerPerson\": \"王某\","
            + " \"foundOn\": \"2023-05-10\", \"deadline\": \"2023-06-30\", \"measures\": \"逐户核实，调整帮扶措施\"}";

    static final String UPDATE_EXAMPLE = "{\"aspect\": \"“三保障”和饮水安全\", \"description\": \"部分监测户帮扶措施针对性不强\","
            + " \"ownerUnit\": \"镇乡村振兴办公室\", \"ownerPerson\": \"王某\", \"deadline\": \"2023-07-31\","
            + " \"measures\": \"逐户核实，调整帮扶措施\", \"status\": \"IN_PROGRESS\"}";

    @Inject
    RectificationService rectifications;

    @Inject
    RectificationQueries queries;

    @POST
    @Operation(
            operationId = "registerRectification",
            summary = "认领整改问题",
            description = "评估、考核、督查、专项行动等反馈的一个问题：来源和文号、所属方面、描述、责任单位和责任人、时限、措施；状态为 OPEN。"
                    + "驻村工作队督查发现的问题填 inspectionId（来源须为 INSPECTION）。发布 rectification.registered.v1（不含描述、措施和责任人）。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = RectificationApi.RectificationRequest.class),
                            examples = @ExampleObject(name = "省级后评估反馈问题", value = EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "已认领",
            content = @Content(schema = @Schema(implementation = RectificationApi.RectificationView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法：区划、日期（foundOn、deadline）、督查（inspectionId）与来源（source）")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Response register(@Valid @NotNull RectificationApi.RectificationRequest request, @Context UriInfo uri) {
        Rectification item = rectifications.register(request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(item.id.toString()).build())
                .header("ETag", EntityTags.of(item.version))
                .entity(view(item, rectifications.today(), new HashMap<>()))
                .build();
    }

    @GET
    @Operation(
            operationId = "listRectifications",
            summary = "整改问题（分页，最近认领在前）",
            description = "所查区划内认领的问题，以及其上级区划认领的问题；按来源、状态、来自的督查筛选。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "source 或 status 不合法")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<RectificationApi.RectificationView> list(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "来源，如 PROVINCIAL_POST_ASSESSMENT") @QueryParam("source")
                    RectificationSource source,
            @Parameter(description = "状态：OPEN, IN_PROGRESS, RECTIFIED") @QueryParam("status")
                    RectificationStatus status,
            @Parameter(description = "来自的驻村工作队督查") @QueryParam("inspectionId") UUID inspectionId,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        LocalDate today = rectifications.today();
        Map<String, String> names = new HashMap<>();
        return rectifications
                .list(division, source, status, inspectionId, PageRequest.of(page, size))
                .map(r -> view(r, today, names));
    }

    @GET
    @Path("/overdue")
    @Operation(
            operationId = "listOverdueRectifications",
            summary = "逾期未完成整改的问题（分页，逾期最久在前）",
            description = "截至 asOf 已过整改时限而未完成整改的问题及逾期天数；asOf 默认今天，不能晚于今天。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "asOf 不合法或晚于今天")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<RectificationApi.OverdueItem> overdue(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "截至日期（yyyy-MM-dd），默认今天", example = "2023-07-01") @QueryParam("asOf") String asOf,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        LocalDate today = rectifications.today();
        LocalDate day = asOf == null || asOf.isBlank() ? today : IsoDates.dateParameter("asOf", asOf);
        if (day.isAfter(today)) {
            throw ProblemException.invalid(Violation.of("asOf", "FUTURE", "household.date.future", day, today));
        }
        return queries.overdue(rectifications.prefix(division), day, PageRequest.of(page, size));
    }

    @GET
    @Path("/summary")
    @Operation(
            operationId = "getRectificationSummary",
            summary = "整改问题汇总：按来源的问题数、方面数和整改状态，及工作汇报用语",
            description = "区划内（含其乡镇、村）认领日期在期间内的问题，按来源计文件数、方面数、问题数、各状态数和逾期数（截至今天），"
                    + "text 如“省级后评估认领3个方面13个问题，均已完成整改；国家后评估认领9个问题，均已完成整改。”")
    @APIResponse(
            responseCode = "200",
            description = "汇总",
            content = @Content(schema = @Schema(implementation = RectificationApi.Summary.class)))
    @APIResponse(responseCode = "400", description = "日期不合法，或 to 早于 from")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public RectificationApi.Summary summary(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "认领日期起（含，yyyy-MM-dd）", example = "2023-01-01") @QueryParam("from") String from,
            @Parameter(description = "认领日期止（含，yyyy-MM-dd）", example = "2023-12-31") @QueryParam("to") String to) {
        Periods.Days days = Periods.days(from, to);
        String region = rectifications.prefix(division);
        return queries.summary(
                region, rectifications.divisionName(region), days.from(), days.to(), rectifications.today());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRectification", summary = "查询一个整改问题")
    @APIResponse(
            responseCode = "200",
            description = "整改问题",
            content = @Content(schema = @Schema(implementation = RectificationApi.RectificationView.class)))
    @APIResponse(responseCode = "404", description = "没有这个问题，或不在本人辖区")
    public Response get(@PathParam("id") @ResourceId("rectification.not-found") UUID id) {
        Rectification item = rectifications.get(id);
        return Response.ok(view(item, rectifications.today(), new HashMap<>()))
                .header("ETag", EntityTags.of(item.version))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateRectification",
            summary = "修改整改问题（需 If-Match，整体替换）",
            description = "描述、责任单位和责任人、时限、措施和状态（OPEN、IN_PROGRESS）；完成整改须凭佐证材料 POST …/closure。"
                    + "已完成整改的问题不能再改（409）。发布 rectification.changed.v1。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = RectificationApi.RectificationUpdate.class),
                            examples = @ExampleObject(name = "开始整改", value = UPDATE_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "已修改",
            content = @Content(schema = @Schema(implementation = RectificationApi.RectificationView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法：时限早于认领日期（deadline），状态为 RECTIFIED（status）")
    @APIResponse(responseCode = "403", description = "上级区划认领的问题")
    @APIResponse(responseCode = "404", description = "没有这个问题，或不在本人辖区")
    @APIResponse(responseCode = "409", description = "已完成整改")
    @APIResponse(responseCode = "412", description = "If-Match 与当前版本不符")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response update(
            @PathParam("id") @ResourceId("rectification.not-found") UUID id,
            @Valid @NotNull RectificationApi.RectificationUpdate request,
            @HeaderParam("If-Match") String ifMatch) {
        Rectification item = rectifications.update(id, request, ifMatch);
        return Response.ok(view(item, rectifications.today(), new HashMap<>()))
                .header("ETag", EntityTags.of(item.version))
                .build();
    }

    @POST
    @Path("/{id}/closure")
    @Operation(
            operationId = "closeRectification",
            summary = "完成整改（销号，需 If-Match）",
            description = "须有佐证材料（evidence）和完成日期；已完成整改的 409。发布 rectification.closed.v1（含是否按期）。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = RectificationApi.ClosureRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "按期完成整改",
                                            value = "{\"rectifiedOn\": \"2023-06-20\","
                                                    + " \"evidence\": \"已逐户核实 35 户监测户，调整帮扶措施 12 项，见镇整改台账\"}")))
    @APIResponse(
            responseCode = "200",
            description = "已完成整改",
            content = @Content(schema = @Schema(implementation = RectificationApi.RectificationView.class)))
    @APIResponse(responseCode = "400", description = "缺少佐证材料（evidence），完成日期不合法（rectifiedOn）")
    @APIResponse(responseCode = "403", description = "上级区划认领的问题")
    @APIResponse(responseCode = "404", description = "没有这个问题，或不在本人辖区")
    @APIResponse(responseCode = "409", description = "已完成整改")
    @APIResponse(responseCode = "412", description = "If-Match 与当前版本不符")
    @APIResponse(responseCode = "428", description = "缺少 If-Match")
    public Response close(
            @PathParam("id") @ResourceId("rectification.not-found") UUID id,
            @Valid @NotNull RectificationApi.ClosureRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        Rectification item = rectifications.close(id, request, ifMatch);
        return Response.ok(view(item, rectifications.today(), new HashMap<>()))
                .header("ETag", EntityTags.of(item.version))
                .build();
    }

    private RectificationApi.RectificationView view(Rectification r, LocalDate today, Map<String, String> names) {
        return new RectificationApi.RectificationView(
                r.id,
                r.regionCode,
                names.computeIfAbsent(r.regionCode, rectifications::divisionName),
                r.source,
                r.source.label(),
                r.sourceDocument,
                r.aspect,
                r.description,
                r.ownerUnit,
                r.ownerPerson,
                r.foundOn,
                r.deadline,
                r.measures,
                r.status,
                r.status.label(),
                r.evidence,
                r.rectifiedOn,
                r.overdueOn(today),
                r.inspectionId,
                r.registeredBy,
                r.registeredAt,
                r.updatedAt,
                r.version);
    }
}
