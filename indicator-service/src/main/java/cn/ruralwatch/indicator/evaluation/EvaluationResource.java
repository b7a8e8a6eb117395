package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.indicator.standard.Standards;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ResourceId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households/{id}/evaluations")
@Tag(name = "达标评估 Evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    @Inject
    ResultQueries results;

    @Inject
    CallerScope scope;

    @Inject
    Standards standards;

    @Inject
    ObjectMapper mapper;

    @Schema(name = "HouseholdEvaluation", description = "农户按各指标体系的当前评估结果")
    public record HouseholdEvaluation(UUID householdId, String villageCode, List<StandardResult> standards) {}

    @Schema(name = "StandardResult")
    public record StandardResult(
            @Schema(example = "NATIONAL_HOUSEHOLD_2021") String standardCode,
            @Schema(description = "得出结果的版本") int standardVersion,
            @Schema(description = "各项指标均达标") boolean allMet,

            @Schema(description = "得出结果时依据的农户数据版本", example = "7")
            Long householdVersion,

            @Schema(description = "得出结果（最近一次判定）的时间") Instant judgedAt,

            @Schema(description = "结果是否依据农户当前数据；已结束的指标体系（如 2020 年的）只在重新评估任务中更新，农户数据变化后为 false")
            boolean current,

            List<Result> results) {}

    @Schema(name = "IndicatorResult")
    public record Result(
            String indicatorCode,
            @Schema(example = "住房安全有保障") String name,
            boolean met,
            int numerator,
            int denominator,
            @Schema(description = "从分母中排除的人（户）数，按排除项") Map<String, Integer> exclusions,
            List<RateApi.Reason> reasons,
            Instant evaluatedAt) {}

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getHouseholdEvaluations", summary = "查询农户各项指标的达标情况及未达标原因")
    @APIResponse(responseCode = "200", description = "各指标体系、各指标的当前结果")
    @APIResponse(responseCode = "404", description = "该农户尚未登记或尚未评估")
    public HouseholdEvaluation get(@PathParam("id") @ResourceId("household.not-evaluated") UUID householdId) {
        List<ResultQueries.HouseholdResult> rows = results.ofHousehold(householdId);
        if (rows.isEmpty() || !scope.covers(rows.getFirst().villageCode())) {
            throw ProblemException.notFound("household.not-evaluated", householdId);
        }
        Map<String, String> names = new HashMap<>();
        standards.current().forEach(s -> s.standard()
                .definition()
                .indicators()
                .forEach(i -> names.put(s.code() + "/" + i.code(), i.name())));
        Map<String, List<Result>> byStandard = new LinkedHashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        for (ResultQueries.HouseholdResult r : rows) {
            String standard = r.standardCode();
            versions.merge(standard, r.standardVersion(), Math::max);
            byStandard
                    .computeIfAbsent(standard, k -> new ArrayList<>())
                    .add(new Result(
                            r.indicatorCode(),
                            names.getOrDefault(standard + "/" + r.indicatorCode(), r.indicatorCode()),
                            r.met(),
                            r.numerator(),
                            r.denominator(),
                            read(r.exclusions(), new TypeReference<Map<String, Integer>>() {}, Map.of()),
                            read(r.reasons(), new TypeReference<List<RateApi.Reason>>() {}, List.of()),
                            r.evaluatedAt()));
        }
        Map<String, ResultQueries.Judged> judged = new HashMap<>();
        results.judged(householdId).forEach(j -> judged.put(j.standardCode(), j));
        List<StandardResult> standardResults = new ArrayList<>();
        byStandard.forEach((code, list) -> {
            ResultQueries.Judged j = judged.get(code);
            standardResults.add(new StandardResult(
                    code,
                    versions.get(code),
                    list.stream().allMatch(Result::met),
                    j == null ? null : j.judgedVersion(),
                    j == null ? null : j.judgedAt(),
                    j != null && j.judgedVersion() >= j.householdVersion(),
                    list));
        });
        return new HouseholdEvaluation(householdId, rows.getFirst().villageCode(), standardResults);
    }

    private <T> T read(String json, TypeReference<T> type, T empty) {
        if (json == null) {
            return empty;
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored result is not valid JSON", e);
        }
    }
}
