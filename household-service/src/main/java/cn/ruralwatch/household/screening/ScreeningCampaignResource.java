package cn.ruralwatch.household.screening;

import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
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

@Path("/api/v1/screening-campaigns")
@Tag(name = "集中排查 Screening campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScreeningCampaignResource {

    /** The years a campaign can have started in: the monitoring mechanism began in 2021, its forerunners in 2014. */
    static final int FIRST_YEAR = 2014;

    static final int LAST_YEAR = 2100;

    @Inject
    ScreeningCampaignService campaigns;

    @POST
    @Operation(
            operationId = "createScreeningCampaign",
            summary = "登记集中排查",
            description = "登记一个乡镇或县在一段时间内的集中排查。registeredHouseholds 为登记时该区划在册的农业户数，由数据计算，"
                    + "与所报的排查户数 householdsCovered 并列，差异一目了然。排查中发现的线索用 POST /api/v1/warning-clues 报送并填写 campaignId。"
                    + "发布 screening-campaign.opened.v1。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = ScreeningApi.CampaignRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "金山店镇 2023年5月集中排查",
                                            value = "{\"regionCode\": \"450422101\", \"name\": \"2023年5月集中排查\","
                                                    + " \"startsOn\": \"2023-05-01\", \"endsOn\": \"2023-05-31\","
                                                    + " \"householdsCovered\": 8892, \"note\": \"全镇22个村农村户籍人口全面摸排\"}")))
    @APIResponse(
            responseCode = "201",
            description = "已登记",
            content = @Content(schema = @Schema(implementation = ScreeningApi.CampaignView.class)))
    @APIResponse(responseCode = "400", description = "字段不合法：区划不是乡镇或县、开始日期晚于今天、结束日期早于开始日期")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Response create(@Valid @NotNull ScreeningApi.CampaignRequest request, @Context UriInfo uri) {
        ScreeningCampaign campaign = campaigns.create(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(campaign.id.toString())
                        .build())
                .header("ETag", EntityTags.of(campaign.version))
                .entity(view(campaign))
                .build();
    }

    @GET
    @Operation(
            operationId = "listScreeningCampaigns",
            summary = "集中排查（分页，最近开始的在前）",
            description = "区划内的集中排查，以及覆盖该区划的县级集中排查。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public Page<ScreeningApi.CampaignView> list(
            @Parameter(description = "区划代码；为空时为本人辖区", example = "450422101") @QueryParam("region") String region,
            @Parameter(description = "开始年份", example = "2023") @QueryParam("year") Integer year,
            @Parameter(description = "状态：OPEN, CLOSED") @QueryParam("status") CampaignStatus status,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
            throw ProblemException.invalid(
                    Violation.of("year", "OUT_OF_RANGE", "screening.year.range", year, FIRST_YEAR, LAST_YEAR));
        }
        return campaigns.list(region, year, status, PageRequest.of(page, size)).map(this::view);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getScreeningCampaign", summary = "查询一次集中排查")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(schema = @Schema(implementation = ScreeningApi.CampaignView.class)))
    @APIResponse(responseCode = "404", description = "没有这次集中排查，或不在本人辖区")
    public Response get(@PathParam("id") @ResourceId("screening.campaign.not-found") UUID id) {
        ScreeningCampaign campaign = campaigns.get(id);
        return Response.ok(view(campaign))
                .header("ETag", EntityTags.of(campaign.version))
                .build();
    }

    @POST
    @Path("/{id}/closure")
    @Operation(
            operationId = "closeScreeningCampaign",
            summary = "结束集中排查（需 If-Match）",
            description = "记录结束日期，可同时更正排查户数。结束后仍可补录期间内发现的线索。发布 screening-campaign.closed.v1。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = ScreeningApi.ClosureRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "按期结束",
                                            value = "{\"closedOn\": \"2023-05-31\", \"householdsCovered\": 8892}")))
    @APIResponse(
            responseCode = "200",
            description = "已结束",
            content = @Content(schema = @Schema(implementation = ScreeningApi.CampaignView.class)))
    @APIResponse(responseCode = "400", description = "结束日期晚于今天或早于开始日期")
    @APIResponse(responseCode = "404", description = "没有这次集中排查，或不在本人辖区")
    @APIResponse(responseCode = "409", description = "已经结束")
    public Response close(
            @PathParam("id") @ResourceId("screening.campaign.not-found") UUID id,
            @Valid @NotNull ScreeningApi.ClosureRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        ScreeningCampaign campaign = campaigns.close(id, request, ifMatch);
        return Response.ok(view(campaign))
                .header("ETag", EntityTags.of(campaign.version))
                .build();
    }

    @GET
    @Path("/{id}/results")
    @Operation(
            operationId = "getScreeningCampaignResults",
            summary = "集中排查的结果：线索数及研判状态、识别的监测对象（按类别的户数和人数）、排查户数与在册农业户数",
            description = "识别的监测对象是由本次排查的线索启动、经县级审定同意的识别案件所涉农户；" + "人数为县级审定时农户的在户成员数（其后的增减不改变这一数字）。")
    @APIResponse(
            responseCode = "200",
            description = "结果",
            content = @Content(schema = @Schema(implementation = ScreeningApi.CampaignResults.class)))
    @APIResponse(responseCode = "404", description = "没有这次集中排查，或不在本人辖区")
    public ScreeningApi.CampaignResults results(@PathParam("id") @ResourceId("screening.campaign.not-found") UUID id) {
        return campaigns.results(id);
    }

    private ScreeningApi.CampaignView view(ScreeningCampaign c) {
        return new ScreeningApi.CampaignView(
                c.id,
                c.regionCode,
                campaigns.regionName(c),
                c.name,
                c.startsOn,
                c.endsOn,
                c.householdsCovered,
                c.registeredHouseholds,
                c.note,
                c.status,
                c.closedOn,
                c.createdBy,
                c.createdAt,
                c.closedBy,
                c.version);
    }
}
