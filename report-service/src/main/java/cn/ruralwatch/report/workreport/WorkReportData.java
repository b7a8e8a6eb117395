package cn.ruralwatch.report.workreport;

import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.report.overview.OverviewQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;

/**
 * The figures and named lists of a work report (工作汇报) from the read models, as {@link WorkReportModel} lays them
 * out for a template.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkReportData {

    @Inject
    WorkReportQueries queries;

    @Inject
    OverviewQueries overviews;

    public Map<String, Object> model(KnownDivision division, int year, LocalDate asOf, Map<String, String> labels) {
        return WorkReportModel.of(
                new WorkReportModel.Division(division.code, division.name, division.level),
                year,
                asOf,
                labels,
                facts(division.code, year));
    }

    private WorkReportModel.Facts facts(String division, int year) {
        String county = division.substring(0, 6);
        return new WorkReportModel.Facts(
                queries.divisions(division),
                queries.households(division),
                queries.byPovertyStatus(division),
                queries.byExitYear(division),
                queries.monitored(division),
                queries.monitoredByCategory(division),
                queries.monitoredByYear(division),
                queries.monitoredByRiskType(division),
                queries.indicators(division).stream()
                        .map(total -> new WorkReportModel.Indicator(
                                total, queries.failing(division, total.standardCode(), total.indicatorCode())))
                        .toList(),
                queries.fundSources(county, year),
                queries.disbursed(county, year),
                queries.projects(division, year),
                queries.projectsByType(division, year),
                queries.projectsByStage(division, year),
                overviews.benefits(division, year),
                queries.benefitKinds(division, year),
                overviews.pv(division, year),
                queries.pvPlans(division, year));
    }
}
