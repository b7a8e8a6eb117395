package cn.ruralwatch.report.overview;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/overview")
@Tag(name = "统计报表 Reports")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    @Inject
    OverviewService overviews;

    @GET
    @Operation(operationId = "getOverview", summary = "区划概况：农户、人口、达标户数、衔接资金")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "区划代码格式不正确")
    @APIResponse(responseCode = "404", description = "区划不存在")
    public Overview overview(
            @Parameter(description = "县、乡镇或行政村代码", example = "450422", required = true) @QueryParam("division")
                    String division,
            @Parameter(description = "资金年度（不填为全部年度）", example = "2023") @QueryParam("year") Integer year) {
        return overviews.overview(division, year);
    }
}
