package cn.ruralwatch.indicator.counts;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.counts.EvaluationCounts;
import cn.ruralwatch.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation-counts")
@Tag(name = "达标率与未达标名单 Rates and named lists")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationCountResource {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(
            operationId = "countEvaluations",
            summary = "当前评估结果的核对口径：各行政村已评估户数、全部达标户数，各指标达标户数及分子分母合计",
            description = "统计服务据此核对其统计数（GET /api/v1/reports/reconciliation）。")
    @APIResponse(responseCode = "404", description = "区划不在本人辖区")
    public EvaluationCounts counts(
            @Parameter(description = "县、乡镇或行政村代码；为空时为本人辖区", example = "450422101") @QueryParam("division")
                    String division) {
        String prefix =
                scope.narrow(division).orElseThrow(() -> ProblemException.notFound("division.not-found", division));
        @SuppressWarnings("unchecked")
        List<Object[]> villages = entityManager
                .createNativeQuery("""
                        select village_code, count(*), count(*) filter (where all_met) from (
                            select household_id, min(village_code) as village_code, bool_and(met) as all_met
                            from indicator_result where village_code like ?1 group by household_id) h
                        group by 1 order by 1
                        """)
                .setParameter(1, prefix + "%")
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> indicators = entityManager
                .createNativeQuery("""
                        select standard_code, indicator_code, count(*) filter (where met), count(*) filter (where not met),
                               coalesce(sum(numerator), 0), coalesce(sum(denominator), 0)
                        from indicator_result where village_code like ?1
                        group by 1, 2 order by 1, 2
                        """)
                .setParameter(1, prefix + "%")
                .getResultList();
        return new EvaluationCounts(
                prefix,
                villages.stream()
                        .map(r -> new EvaluationCounts.VillageEvaluations((String) r[0], number(r[1]), number(r[2])))
                        .toList(),
                indicators.stream()
                        .map(r -> new EvaluationCounts.IndicatorTotals(
                                (String) r[0], (String) r[1], number(r[2]), number(r[3]), number(r[4]), number(r[5])))
                        .toList());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
