package cn.ruralwatch.report.overview;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/breakdown")
@Tag(name = "统计报表 Reports")
@Produces(MediaType.APPLICATION_JSON)
public class BreakdownResource {

    @Inject
    BreakdownService breakdowns;

    @GET
    @RolesAllowed({Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(operationId = "getBreakdown", summary = "分级统计：本区划及下一级各区划的农户、人口、贫困状态、监测对象（按类别、风险）和达标户数")
    @APIResponse(
            responseCode = "400",
            description = "区划代码格式不正确",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "区划不存在或不在本人辖区",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Breakdown breakdown(
            @Parameter(description = "县、乡镇或行政村代码", example = "450422", required = true) @QueryParam("division")
                    String division) {
        return breakdowns.breakdown(division);
    }
}
