package cn.ruralwatch.report.reconciliation;

import cn.ruralwatch.counts.EvaluationCounts;
import cn.ruralwatch.counts.HouseholdCounts;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.report.overview.BreakdownService;
import cn.ruralwatch.report.overview.Overview;
import cn.ruralwatch.report.overview.OverviewQueries;
import cn.ruralwatch.report.overview.OverviewService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Compares the report's counts with those household-service and indicator-service keep themselves, village by village
 * and indicator by indicator, and lists every figure that differs. Events still on their way show as drift until they
 * arrive; drift that stays means a lost or wrongly applied event, which a rebuild repairs.
 */
@ApplicationScoped
public class ReconciliationService {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);
    private static final int MAX_LISTED = 1000;
    private static final String HOUSEHOLD_SERVICE = "household-service";
    private static final String INDICATOR_SERVICE = "indicator-service";

    @Inject
    OverviewService overviews;

    @Inject
    BreakdownService breakdowns;

    @Inject
    OverviewQueries queries;

    @Inject
    Clock clock;

    @Inject
    @RestClient
    HouseholdCountsClient householdCounts;

    @Inject
    @RestClient
    EvaluationCountsClient evaluationCounts;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Reconciliation reconcile(String code, String authorization) {
        KnownDivision division = overviews.division(code);
        HouseholdCounts households = ask(HOUSEHOLD_SERVICE, () -> householdCounts.counts(code, authorization));
        EvaluationCounts evaluations = ask(INDICATOR_SERVICE, () -> evaluationCounts.counts(code, authorization));
        Map<String, BreakdownService.Counts> report = breakdowns.counts(code, 12);

        Map<String, Map<String, Long>> fromHouseholds = new TreeMap<>();
        for (HouseholdCounts.VillageHouseholds v : households.villages()) {
            Map<String, Long> figures = new TreeMap<>();
            figures.put("households", v.households());
            figures.put("members", v.members());
            v.byPovertyStatus().forEach((status, count) -> figures.put("byPovertyStatus." + status, count));
            figures.put("monitoredHouseholds", v.monitoredHouseholds());
            v.byMonitoringCategory()
                    .forEach((category, count) -> figures.put("byMonitoringCategory." + category, count));
            figures.put("atRiskHouseholds", v.atRiskHouseholds());
            fromHouseholds.put(v.villageCode(), figures);
        }
        Map<String, Map<String, Long>> fromEvaluations = new TreeMap<>();
        for (EvaluationCounts.VillageEvaluations v : evaluations.villages()) {
            fromEvaluations.put(
                    v.villageCode(),
                    Map.of(
                            "evaluatedHouseholds", v.evaluatedHouseholds(),
                            "householdsMeetingStandard", v.householdsMeetingStandard()));
        }
        TreeSet<String> villages = new TreeSet<>(report.keySet());
        villages.addAll(fromHouseholds.keySet());
        villages.addAll(fromEvaluations.keySet());

        Comparison comparison = new Comparison();
        for (String village : villages) {
            Map<String, Long> ours = report.containsKey(village)
                    ? report.get(village).figures()
                    : new BreakdownService.Counts().figures();
            Map<String, Long> theirs = fromHouseholds.getOrDefault(village, Map.of());
            TreeSet<String> names = new TreeSet<>(theirs.keySet());
            // evaluations are indicator-service's; 外出务工 is counted from the members' facts, which household-service's
            // counts do not break down
            ours.keySet().stream()
                    .filter(name -> !name.equals("evaluatedHouseholds")
                            && !name.equals("householdsMeetingStandard")
                            && !name.equals("migrantWorkers"))
                    .forEach(names::add);
            for (String name : names) {
                comparison.compare(village, null, null, name, HOUSEHOLD_SERVICE, theirs, ours);
            }
            Map<String, Long> evaluated = fromEvaluations.getOrDefault(village, Map.of());
            for (String name : List.of("evaluatedHouseholds", "householdsMeetingStandard")) {
                comparison.compare(village, null, null, name, INDICATOR_SERVICE, evaluated, ours);
            }
        }

        Map<String, Map<String, Long>> ourIndicators = indicatorTotals(code);
        Map<String, Map<String, Long>> theirIndicators = new TreeMap<>();
        for (EvaluationCounts.IndicatorTotals i : evaluations.indicators()) {
            theirIndicators.put(
                    i.standardCode() + "/" + i.indicatorCode(),
                    Map.of(
                            "met", i.met(),
                            "notMet", i.notMet(),
                            "numerator", i.numerator(),
                            "denominator", i.denominator()));
        }
        TreeSet<String> indicators = new TreeSet<>(ourIndicators.keySet());
        indicators.addAll(theirIndicators.keySet());
        for (String key : indicators) {
            int slash = key.indexOf('/');
            for (String name : List.of("met", "notMet", "numerator", "denominator")) {
                comparison.compare(
                        null,
                        key.substring(0, slash),
                        key.substring(slash + 1),
                        name,
                        INDICATOR_SERVICE,
                        theirIndicators.getOrDefault(key, Map.of()),
                        ourIndicators.getOrDefault(key, Map.of()));
            }
        }
        return new Reconciliation(
                new Overview.DivisionRef(division.code, division.name, division.level),
                Instant.now(clock),
                villages.size(),
                comparison.compared(),
                comparison.drifted() == 0,
                comparison.drift(MAX_LISTED),
                comparison.drifted());
    }

    /** Each indicator's met, not met and rate sums in the division, as the report shows them (its village sums). */
    private Map<String, Map<String, Long>> indicatorTotals(String code) {
        Map<String, Map<String, Long>> totals = new TreeMap<>();
        for (OverviewQueries.IndicatorTotals indicator : queries.indicators(code)) {
            totals.put(
                    indicator.standardCode() + "/" + indicator.indicatorCode(),
                    Map.of(
                            "met", indicator.met(),
                            "notMet", indicator.notMet(),
                            "numerator", indicator.numerator(),
                            "denominator", indicator.denominator()));
        }
        return totals;
    }

    private static <T> T ask(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException failed) {
            LOG.warnf("Reconciliation could not read the counts of %s: %s", service, failed.toString());
            throw ProblemException.of(ProblemType.BAD_GATEWAY, "report.reconciliation.source-unavailable", service);
        }
    }
}
