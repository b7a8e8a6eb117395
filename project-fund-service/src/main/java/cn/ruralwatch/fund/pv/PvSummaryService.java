package cn.ruralwatch.fund.pv;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;

/**
 * The yearly public summary 光伏收益公示 of a county, township or village: its stations with a year's generation and
 * revenue, and the distribution plans made within it with what they give to wages, works and rewards.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PvSummaryService {

    @Inject
    EntityManager entityManager;

    @Inject
    PvRepository repository;

    @Inject
    HouseholdDirectory directory;

    @Inject
    PvPlanService plans;

    @Inject
    CallerScope scope;

    public PvApi.Summary summary(String division, int year) {
        KnownDivision known = directory
                .division(division)
                .filter(d -> scope.covers(d.code))
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        List<PvApi.StationYear> stations = repository.stationYears(division, year);
        List<PvApi.PlanLine> lines = entityManager
                .createQuery(
                        "from PvDistributionPlan p where p.divisionCode like :prefix and p.year = :year"
                                + " order by p.divisionCode",
                        PvDistributionPlan.class)
                .setParameter("prefix", division + "%")
                .setParameter("year", year)
                .getResultStream()
                .map(p -> {
                    PvApi.Totals t = plans.totals(p.divisionCode, p.year, p.distributable, p.jobs, p.works, p.rewards);
                    return new PvApi.PlanLine(
                            p.id,
                            p.divisionCode,
                            p.status,
                            p.publishedOn,
                            p.distributable,
                            t.jobHolders(),
                            t.wages(),
                            t.works(),
                            t.worksLabour(),
                            t.rewards(),
                            t.wagesAndLabourPercent());
                })
                .toList();
        BigDecimal distributable =
                sum(lines.stream().map(PvApi.PlanLine::distributable).toList());
        BigDecimal wages = sum(lines.stream().map(PvApi.PlanLine::wages).toList());
        BigDecimal labour = sum(lines.stream().map(PvApi.PlanLine::worksLabour).toList());
        return new PvApi.Summary(
                known.code,
                known.name,
                year,
                stations,
                sum(stations.stream().map(PvApi.StationYear::capacityKw).toList()),
                sum(stations.stream().map(PvApi.StationYear::generationKwh).toList()),
                sum(stations.stream().map(PvApi.StationYear::revenue).toList()),
                lines,
                distributable,
                lines.stream().mapToInt(PvApi.PlanLine::jobHolders).sum(),
                wages,
                sum(lines.stream().map(PvApi.PlanLine::works).toList()),
                labour,
                sum(lines.stream().map(PvApi.PlanLine::rewards).toList()),
                PvPlanPolicy.percent(wages.add(labour), distributable));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
