package cn.ruralwatch.indicator.counts;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.counts.EvaluationCounts;
import cn.ruralwatch.indicator.evaluation.ResultQueries;
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

@Path("/api/v1/evaluation-counts")
@Tag(name = "达标率与未达标名单 Rates and named lists")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationCountResource {

    @Inject
    ResultQueries results;

    @Inject
    CallerScope scope;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(
            operationId = "countEvaluations",
            summary = "当前评估结果的核对口径：各行政村已评估户数、全部达标户数，各指标达标户数及分子分母合计",
            description = "统计服务据此核对其统计数（GET /api/v1/reports/reconciliation）。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "404", description = "区划不在本人辖区")
    public EvaluationCounts counts(
            @Parameter(description = "县、乡镇或行政村代码；为空时为本人辖区", example = "450422101") @QueryParam("division")
                    String division) {
        String prefix =
                scope.narrow(division).orElseThrow(() -> ProblemException.notFound("division.not-found", division));
        return new EvaluationCounts(
                prefix,
                results.villageCounts(prefix).stream()
                        .map(v -> new EvaluationCounts.VillageEvaluations(v.villageCode(), v.evaluated(), v.allMet()))
                        .toList(),
                results.indicatorCounts(prefix).stream()
                        .map(i -> new EvaluationCounts.IndicatorTotals(
                                i.standardCode(),
                                i.indicatorCode(),
                                i.met(),
                                i.notMet(),
                                i.numerator(),
                                i.denominator()))
                        .toList());
    }
}
