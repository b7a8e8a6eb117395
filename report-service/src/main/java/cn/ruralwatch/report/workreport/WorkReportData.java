package cn.ruralwatch.report.workreport;

import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.report.overview.OverviewQueries;
import cn.ruralwatch.report.period.NaturalChanges;
import cn.ruralwatch.report.period.SnapshotQueries;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    @Inject
    NaturalChanges naturalChanges;

    @Inject
    SnapshotQueries snapshots;

    @Inject
    ObjectMapper mapper;

    /** The model without the period's monitoring work (a template's trial). */
    public Map<String, Object> model(KnownDivision division, int year, LocalDate asOf, Map<String, String> labels) {
        return WorkReportModel.of(
                new WorkReportModel.Division(division.code, division.name, division.level),
                year,
                asOf,
                labels,
                facts(division.code, year));
    }

    /**
     * The model of a report of the year up to {@code asOf} (the year's end at the latest), with the monitoring work
     * household-service counted when the report was asked for (parts it did not give are null).
     */
    public Map<String, Object> model(
            KnownDivision division,
            int year,
            LocalDate asOf,
            Map<String, String> labels,
            Set<String> standards,
            WorkReportModel.Fieldwork fieldwork) {
        return WorkReportModel.of(
                new WorkReportModel.Division(division.code, division.name, division.level),
                year,
                asOf,
                labels,
                facts(division.code, year),
                work(division, year, asOf, standards, fieldwork));
    }

    private WorkReportModel.Work work(
            KnownDivision division,
            int year,
            LocalDate asOf,
            Set<String> standards,
            WorkReportModel.Fieldwork fieldwork) {
        String code = division.code;
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate to = asOf.isBefore(from) || asOf.isAfter(yearEnd) ? yearEnd : asOf;
        List<WorkReportModel.MonthFigure> migrant = new ArrayList<>();
        for (SnapshotQueries.Snapshot snapshot : snapshots.series(
                code, YearMonth.from(from).toString(), YearMonth.from(to).toString())) {
            try {
                migrant.add(new WorkReportModel.MonthFigure(
                        snapshot.period(),
                        mapper.readTree(snapshot.figures())
                                .path("migrantWorkers")
                                .asLong()));
            } catch (JsonProcessingException unreadable) {
                // a snapshot the service cannot read shows no month rather than failing the report
            }
        }
        List<WorkReportModel.Village> exiting = new ArrayList<>();
        for (WorkReportQueries.ExitingVillage village : queries.exitingVillages(code, year)) {
            exiting.add(new WorkReportModel.Village(village.code(), village.name(), indicators(village.code())));
        }
        return new WorkReportModel.Work(
                queries.agricultural(code),
                queries.identified(code, from, to),
                queries.eliminated(code, from, to),
                naturalChanges.count(division, from, to, NaturalChanges.Population.POVERTY_AND_MONITORED),
                migrant,
                queries.renovations(code, year),
                standards,
                exiting,
                fieldwork.screening(),
                fieldwork.teams(),
                fieldwork.rectification());
    }

    /** A division's indicator totals, each with the first failing households. */
    private List<WorkReportModel.Indicator> indicators(String division) {
        return queries.indicators(division).stream()
                .map(total -> new WorkReportModel.Indicator(
                        total, queries.failing(division, total.standardCode(), total.indicatorCode())))
                .toList();
    }

    private WorkReportModel.Facts facts(String division, int year) {
        String county = division.substring(0, 6);
        return new WorkReportModel.Facts(
                new WorkReportQueries.Divisions(queries.townships(division), overviews.villages(division)),
                queries.households(division),
                queries.byPovertyStatus(division),
                queries.byExitYear(division),
                queries.monitored(division),
                queries.monitoredByCategory(division),
                queries.monitoredByYear(division),
                queries.monitoredByRiskType(division),
                indicators(division),
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
