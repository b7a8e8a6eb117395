package cn.ruralwatch.household.assistance;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ResourceId;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households/{id}")
@Tag(name = "帮扶 Assistance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssistanceResource {

    @Inject
    AssistanceService assistance;

    @POST
    @Path("/measures")
    @Operation(operationId = "addAssistanceMeasure", summary = "落实一项帮扶措施（一户一策）")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssistanceApi.MeasureRequest.class),
                            examples = {@ExampleObject(name = "就业帮扶", summary = "落实公益性岗位，县财政局驻村第一书记为帮扶责任人", value = """
                                                {
                                                  "type": "PUBLIC_WELFARE_JOB",
                                                  "description": "安排户主任村级保洁员，每月工资 1000 元",
                                                  "responsibleCadres": [{"name": "黄某某", "position": "驻村第一书记", "organisation": "县财政局"}],
                                                  "startedOn": "2026-03-01",
                                                  "endedOn": "2026-12-31",
                                                  "amount": 10000
                                                }""")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "已记录",
            content = @Content(schema = @Schema(implementation = AssistanceApi.MeasureView.class)))
    @APIResponse(responseCode = "400", description = "日期不合法")
    @APIResponse(responseCode = "404", description = "农户不存在")
    public Response addMeasure(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Valid @NotNull AssistanceApi.MeasureRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(AssistanceApi.MeasureView.of(assistance.addMeasure(id, request)))
                .build();
    }

    @GET
    @Path("/measures")
    @Operation(operationId = "listAssistanceMeasures", summary = "农户的帮扶措施（分页，最新在前）")
    public Page<AssistanceApi.MeasureView> measures(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return assistance.measures(id, PageRequest.of(page, size)).map(AssistanceApi.MeasureView::of);
    }

    @POST
    @Path("/visits")
    @Operation(
            operationId = "addAssistanceVisit",
            summary = "记录帮扶责任人的一次走访",
            description = "走访人为名册中的帮扶责任人（cadreId）时，须在岗并服务本户所在的村或其乡镇（不必是本户结对的那一位，"
                    + "帮扶联系人和乡镇的干部也会入户）；只填姓名的旧式记录仍可记录。发布 visit.recorded.v1（不含姓名和走访情况）。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = AssistanceApi.VisitRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "帮扶责任人入户",
                                            value =
                                                    "{\"cadreId\": \"0190f3a4-5b6c-7d8e-9f00-112233445566\","
                                                            + " \"visitedOn\": \"2024-03-15\", \"note\": \"了解务工收入，宣讲小额信贷政策\"}")))
    @APIResponse(
            responseCode = "201",
            description = "已记录",
            content = @Content(schema = @Schema(implementation = AssistanceApi.VisitView.class)))
    @APIResponse(
            responseCode = "400",
            description = "日期不合法（visitedOn）；帮扶责任人不存在、已离岗或不服务本村（cadreId）；既无 cadreId 也无 cadreName")
    @APIResponse(responseCode = "404", description = "农户不存在")
    public Response addVisit(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Valid @NotNull AssistanceApi.VisitRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(AssistanceApi.VisitView.of(assistance.addVisit(id, request)))
                .build();
    }

    @GET
    @Path("/visits")
    @Operation(operationId = "listAssistanceVisits", summary = "农户的走访记录（分页，最新在前）")
    public Page<AssistanceApi.VisitView> visits(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return assistance.visits(id, PageRequest.of(page, size)).map(AssistanceApi.VisitView::of);
    }
}
