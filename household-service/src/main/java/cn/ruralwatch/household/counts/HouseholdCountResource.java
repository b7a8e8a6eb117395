package cn.ruralwatch.household.counts;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.counts.HouseholdCounts;
import cn.ruralwatch.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/household-counts")
@Tag(name = "农户 Households")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdCountResource {

    @Inject
    HouseholdCountQueries queries;

    @Inject
    CallerScope scope;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(
            operationId = "countHouseholds",
            summary = "各行政村在册农户的核对口径：户数、在户人口、贫困状态、监测对象（按类别）、风险未消除户数",
            description = "统计服务据此核对其统计数（GET /api/v1/reports/reconciliation）。已合户或解散的农户不计。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "404", description = "区划不在本人辖区")
    public HouseholdCounts counts(
            @Parameter(description = "县、乡镇或行政村代码；为空时为本人辖区", example = "450422101") @QueryParam("division")
                    String division) {
        String prefix =
                scope.narrow(division).orElseThrow(() -> ProblemException.notFound("division.not-found", division));
        return queries.counts(prefix);
    }
}
