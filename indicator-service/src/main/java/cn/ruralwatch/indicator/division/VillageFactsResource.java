package cn.ruralwatch.indicator.division;

import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/villages/{code}/facts/{year}")
@Tag(name = "村级情况 Village facts")
@Produces(MediaType.APPLICATION_JSON)
public class VillageFactsResource {

    @Inject
    VillageFactsService facts;

    @GET
    @Operation(operationId = "getVillageFacts", summary = "某村某年度的当前情况")
    @APIResponse(
            responseCode = "200",
            description = "当前版本；ETag 为版本号",
            content = @Content(schema = @Schema(implementation = VillageFactsService.Recorded.class)))
    @APIResponse(responseCode = "404", description = "没有这个村，或该年度尚未填报")
    public Response get(
            @Parameter(description = "行政村代码（12 位）", example = "450422101201") @PathParam("code") String code,
            @Parameter(description = "年度", example = "2025") @PathParam("year") int year) {
        VillageFactsService.Recorded current = facts.current(code, year)
                .orElseThrow(() -> ProblemException.notFound("village-facts.not-found", code, year));
        return Response.ok(current)
                .header("ETag", EntityTags.of(current.version()))
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putVillageFacts", summary = "填报或修改某村某年度情况（修改须带 If-Match），旧版本保留")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VillageFacts.class),
                            examples = {
                                @ExampleObject(
                                        name = "村级情况",
                                        summary = "沙村 2025 年情况（PUT /api/v1/villages/450422101201/facts/2025）",
                                        value = """
                                                {
                                                  "specialIndustry": true,
                                                  "roadHardened": true,
                                                  "hamletRoadsHardened": true,
                                                  "powerGrid": true,
                                                  "publicServices": true,
                                                  "broadband": true,
                                                  "collectiveIncome": 86500.00,
                                                  "committeeRating": "GOOD",
                                                  "note": "集体经济收入：光伏电站收益 6.2 万元、门面租金 2.45 万元"
                                                }""")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "已保存",
            content = @Content(schema = @Schema(implementation = VillageFactsService.Recorded.class)))
    @APIResponse(responseCode = "400", description = "字段不合法")
    @APIResponse(responseCode = "412", description = "If-Match 与当前版本不符")
    @APIResponse(responseCode = "428", description = "修改已有情况须带 If-Match")
    public Response put(
            @Parameter(description = "行政村代码（12 位）", example = "450422101201") @PathParam("code") String code,
            @Parameter(description = "年度", example = "2025") @PathParam("year") int year,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull VillageFacts body) {
        VillageFactsService.Recorded saved = facts.put(code, year, body, ifMatch);
        return Response.ok(saved).header("ETag", EntityTags.of(saved.version())).build();
    }

    @GET
    @Path("/history")
    @Operation(operationId = "listVillageFactsHistory", summary = "某村某年度情况的全部版本，新版本在前")
    public List<VillageFactsService.Recorded> history(
            @Parameter(description = "行政村代码（12 位）", example = "450422101201") @PathParam("code") String code,
            @Parameter(description = "年度", example = "2025") @PathParam("year") int year) {
        return facts.history(code, year, false);
    }
}
