package cn.ruralwatch.report.period;

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

@Path("/api/v1/reports/natural-changes")
@Tag(name = "统计报表 Reports")
@Produces(MediaType.APPLICATION_JSON)
public class NaturalChangeResource {

    @Inject
    NaturalChanges changes;

    @GET
    @Operation(operationId = "getNaturalChanges", summary = "自然增减：一段时间内出生、婚入、迁入（自然增加）与死亡、婚出、迁出（自然减少）的人数和户数，默认为脱贫户和监测户")
    @APIResponse(responseCode = "200", description = "自然增加与自然减少")
    @APIResponse(responseCode = "400", description = "区划代码、日期或人群不合法")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    public NaturalChanges.Report get(
            @Parameter(description = "省、市、县、乡镇或行政村代码", example = "450422101", required = true) @QueryParam("division")
                    String division,
            @Parameter(description = "起始日期（含）", example = "2023-01-01", required = true) @QueryParam("from")
                    String from,
            @Parameter(description = "截止日期（含）", example = "2023-12-31", required = true) @QueryParam("to") String to,
            @Parameter(description = "POVERTY_AND_MONITORED（默认）脱贫户和监测户；ALL 全部农户") @QueryParam("population")
                    NaturalChanges.Population population) {
        return changes.count(division, from, to, population);
    }
}
