package cn.ruralwatch.indicator.parameter;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.indicator.rules.StandardDefinition;
import cn.ruralwatch.indicator.standard.Reevaluations;
import cn.ruralwatch.indicator.standard.Standards;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Sets parameter values (监测范围 by year and region, 人均住房面积…). A new value supersedes the current one of the same
 * name, region and year, which stays as history; the households of the region are then re-evaluated against the
 * standards that use the parameter.
 */
@ApplicationScoped
@Transactional
public class ParameterService {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    Standards standards;

    @Inject
    ParameterValues values;

    @Inject
    Reevaluations reevaluations;

    @Inject
    ParameterRepository repository;

    @Inject
    MonitoringLines lines;

    @Inject
    Clock clock;

    @Schema(name = "ParameterValue", description = "参数取值")
    public record ParameterView(
            @Schema(example = "monitoringThreshold") String name,

            @Schema(description = "地区（行政区划代码前缀，空串为全国）", example = "450422")
            String regionCode,

            @Schema(description = "起用年度：直到有更晚年度的取值为止", example = "2025")
            int year,

            @Schema(example = "8000.00") BigDecimal value,
            @Schema(description = "依据（文件、文号）") String note,
            Instant setAt,
            String setBy,
            @Schema(description = "被新取值替代的时间；为空表示当前取值") Instant supersededAt) {}

    @Schema(name = "ParameterSaved")
    public record Saved(
            ParameterView parameter,
            @Schema(description = "使用该参数的指标体系") List<String> standardCodes,

            @Schema(description = "重新评估任务 id；没有指标体系使用该参数时为空")
            UUID evaluationJobId) {}

    public Saved set(String name, String regionCode, int year, BigDecimal value, String note) {
        if (!regionCode.startsWith(scope.division())) {
            throw ProblemException.invalid(Violation.of(
                    "regionCode", "OUT_OF_SCOPE", "problem.standard.region-out-of-scope", scope.division()));
        }
        List<String> users = standards.current().stream()
                .filter(s -> s.standard().definition().parameters().stream()
                        .map(StandardDefinition.ParameterDeclaration::name)
                        .anyMatch(name::equals))
                .filter(s ->
                        regionCode.startsWith(s.regionCode()) || s.regionCode().startsWith(regionCode))
                .map(Standards.Current::code)
                .toList();
        if (users.isEmpty()) {
            throw ProblemException.invalid(Violation.of("name", "UNDECLARED", "problem.parameter.undeclared", name));
        }
        // two values set at once for the same name, region and year: one after the other, each superseding the one
        // before (without the lock both would find no current value to supersede and the second insert would break
        // the one-current-value index)
        TransactionLocks.lock(entityManager, "standard-parameter:" + name + ":" + regionCode + ":" + year);
        Instant now = clock.instant();
        repository.set(name, regionCode, year, value, note, now, scope.subject());
        lines.announce();
        values.refresh();
        UUID job = reevaluations.request(
                regionCode,
                users,
                "参数 " + name + " " + (regionCode.isEmpty() ? "全国" : regionCode) + " " + year + " 年度取值为 "
                        + value.toPlainString(),
                scope.subject());
        return new Saved(
                new ParameterView(name, regionCode, year, value, note, now, scope.subject(), null), users, job);
    }

    /** Values of parameters that apply to the caller's region or a part of it; with history when asked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ParameterView> list(String name, boolean history) {
        return repository.overlapping(scope.division(), name, history).stream()
                .map(r -> new ParameterView(
                        r.name(),
                        r.regionCode(),
                        r.year(),
                        r.value(),
                        r.note(),
                        r.setAt(),
                        r.setBy(),
                        r.supersededAt()))
                .toList();
    }

    /** Shipped values: set once, never over a value already there. */
    public void ship(String name, String regionCode, int year, BigDecimal value, String note) {
        repository.ship(name, regionCode, year, value, note, "indicator-service");
    }
}
