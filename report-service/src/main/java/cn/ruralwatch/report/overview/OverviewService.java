package cn.ruralwatch.report.overview;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.access.DivisionCodes;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.report.format.Figures;
import cn.ruralwatch.report.projection.ReadModelGeneration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts over a division's subtree: division codes are prefixes of the codes below them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OverviewService {

    @Inject
    OverviewQueries queries;

    @Inject
    Clock clock;

    @Inject
    HouseholdDirectory directory;

    @Inject
    CallerScope scope;

    /** A division the caller may see: 400 for a malformed code, 404 for one unknown or outside the caller's area. */
    public KnownDivision division(String given) {
        if (!DivisionCodes.isRegion(given)) {
            throw ProblemException.invalid(Violation.of("division", "FORMAT", "report.division.invalid"));
        }
        String division = DivisionCodes.normalize(given);
        return directory
                .division(division)
                .filter(known -> scope.covers(known.code))
                .orElseThrow(() -> ProblemException.notFound("report.division.not-found", division));
    }

    /** Overviews kept at most; beyond, all are dropped (a county has a few hundred divisions). */
    private static final int KEPT = 10_000;

    private record Key(String division, Integer year) {}

    private record Kept(long generation, Overview overview) {}

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    @Inject
    ReadModelGeneration generation;

    /**
     * The overview of a division the caller may see. Figures counted at the read models' current generation are kept
     * and answered again until an event changes the read models; {@code asOf} says when they were counted.
     */
    public Overview overview(String division, Integer year) {
        KnownDivision d = division(division);
        long now = generation.current();
        Key key = new Key(division, year);
        Kept previous = kept.get(key);
        if (previous != null && previous.generation() == now) {
            return previous.overview();
        }
        Overview counted = count(d, year);
        if (kept.size() >= KEPT) {
            kept.clear();
        }
        kept.put(key, new Kept(now, counted));
        return counted;
    }

    private Overview count(KnownDivision d, Integer year) {
        String division = d.code;
        OverviewQueries.Totals totals = queries.totals(division);
        List<Overview.IndicatorCount> indicators = queries.indicators(division).stream()
                .map(indicator -> new Overview.IndicatorCount(
                        indicator.standardCode(),
                        indicator.indicatorCode(),
                        indicator.met(),
                        indicator.notMet(),
                        "/api/v1/indicator-rates/failing-households?standard=" + indicator.standardCode()
                                + "&indicator=" + indicator.indicatorCode() + "&division=" + division))
                .toList();
        Overview.Funds funds = null;
        // funds belong to counties: a county shows its own, a city or province its counties' together
        if (List.of("COUNTY", "CITY", "PROVINCE").contains(d.level)) {
            OverviewQueries.CountyFunds f = queries.countyFunds(division, year);
            BigDecimal amount = f.amount().setScale(2);
            BigDecimal disbursed = f.disbursed().setScale(2);
            funds = new Overview.Funds(
                    f.batches(),
                    amount,
                    f.allocated().setScale(2),
                    disbursed,
                    Figures.percent(disbursed, amount),
                    f.projects());
        }
        Overview.Benefits benefits = year == null ? null : queries.benefits(division, year);
        Overview.PvRevenue pv = year == null ? null : queries.pv(division, year);
        return new Overview(
                new Overview.DivisionRef(d.code, d.name, d.level),
                "VILLAGE".equals(d.level) ? null : queries.villages(division),
                totals.households(),
                totals.members(),
                queries.monitoredEver(division),
                totals.evaluated(),
                totals.meeting(),
                indicators,
                queries.evaluations(division),
                funds,
                benefits,
                pv,
                Instant.now(clock),
                lists(division));
    }

    /** The households behind the overview's household figures. */
    private static Map<String, String> lists(String division) {
        Map<String, String> lists = HouseholdList.lists(division);
        lists.keySet().retainAll(List.of("households", "members", "evaluatedHouseholds", "householdsMeetingStandard"));
        return lists;
    }
}
