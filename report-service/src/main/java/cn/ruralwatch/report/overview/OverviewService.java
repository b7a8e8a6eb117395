package cn.ruralwatch.report.overview;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.report.projection.ReadModelGeneration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts over a division's subtree: division codes are prefixes of the codes below them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OverviewService {

    @Inject
    EntityManager entityManager;

    @Inject
    HouseholdDirectory directory;

    @Inject
    CallerScope scope;

    /** A division the caller may see: 400 for a malformed code, 404 for one unknown or outside the caller's area. */
    public KnownDivision division(String division) {
        if (division == null || !division.matches("[0-9]{6}|[0-9]{9}|[0-9]{12}")) {
            throw ProblemException.invalid(Violation.of("division", "FORMAT", "report.division.invalid"));
        }
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
        String prefix = division + "%";
        // the sums of the division's village summaries (kept within a second of the events)
        Object[] summary = (Object[]) entityManager
                .createNativeQuery("""
                        select coalesce(sum(households), 0), coalesce(sum(members), 0), coalesce(sum(evaluated), 0),
                               coalesce(sum(meeting), 0)
                        from report_village_summary where village_code like ?1
                        """, Object[].class)
                .setParameter(1, prefix)
                .getSingleResult();
        Object[] households = {summary[0], summary[1]};
        Object[] evaluated = {summary[2], summary[3]};
        List<Overview.IndicatorCount> indicators =
                entityManager.createNativeQuery("""
                        select standard_code, indicator_code, sum(met), sum(not_met)
                          from report_village_indicator where village_code like ?1
                         group by 1, 2 order by 1, 2
                        """, Object[].class).setParameter(1, prefix).getResultList().stream()
                        .map(row -> {
                            Object[] r = (Object[]) row;
                            return new Overview.IndicatorCount(
                                    (String) r[0],
                                    (String) r[1],
                                    number(r[2]),
                                    number(r[3]),
                                    "/api/v1/indicator-rates/failing-households?standard=" + r[0] + "&indicator=" + r[1]
                                            + "&division=" + division);
                        })
                        .toList();
        Overview.Funds funds = null;
        if ("COUNTY".equals(d.level)) {
            Object[] f = (Object[]) entityManager
                    .createNativeQuery("""
                            with b as (select batch_id, amount from report_fund_batch
                                       where county_code = ?1 and (cast(?2 as integer) is null or fund_year = cast(?2 as integer)))
                            select (select count(*) from b), (select coalesce(sum(amount), 0) from b),
                                   (select coalesce(sum(l.amount), 0) from report_project_budget_line l join b using (batch_id)),
                                   (select coalesce(sum(d.amount), 0) from report_disbursement d join b using (batch_id)),
                                   (select count(*) from report_project p where p.county_code = ?1
                                      and (cast(?2 as integer) is null or p.project_year = cast(?2 as integer)))
                            """, Object[].class)
                    .setParameter(1, division)
                    .setParameter(2, year)
                    .getSingleResult();
            BigDecimal amount = ((BigDecimal) f[1]).setScale(2);
            BigDecimal disbursed = ((BigDecimal) f[3]).setScale(2);
            funds = new Overview.Funds(
                    number(f[0]),
                    amount,
                    ((BigDecimal) f[2]).setScale(2),
                    disbursed,
                    amount.signum() == 0
                            ? null
                            : disbursed.multiply(BigDecimal.valueOf(100)).divide(amount, 2, RoundingMode.HALF_UP),
                    number(f[4]));
        }
        Overview.Benefits benefits = year == null ? null : benefits(division, year);
        Overview.PvRevenue pv = year == null ? null : pv(division, year);
        return new Overview(
                new Overview.DivisionRef(d.code, d.name, d.level),
                number(households[0]),
                number(households[1]),
                number(evaluated[0]),
                number(evaluated[1]),
                indicators,
                funds,
                benefits,
                pv,
                Instant.now(),
                lists(division));
    }

    /** The households behind the overview's household figures. */
    private static Map<String, String> lists(String division) {
        Map<String, String> lists = HouseholdList.lists(division);
        lists.keySet().retainAll(List.of("households", "members", "evaluatedHouseholds", "householdsMeetingStandard"));
        return lists;
    }

    /** Households in the division given benefits in the year, and the total (元; microcredit counted as its subsidy). */
    public Overview.Benefits benefits(String division, int year) {
        Object[] b = (Object[]) entityManager
                .createNativeQuery("""
                        select count(*), coalesce(sum(total), 0) from report_household_benefit
                        where village_code like ?1 and benefit_year = ?2
                        """, Object[].class)
                .setParameter(1, division + "%")
                .setParameter(2, year)
                .getSingleResult();
        return new Overview.Benefits(number(b[0]), ((BigDecimal) b[1]).setScale(2));
    }

    /**
     * The year's generation and revenue of the PV stations in the division, and what the plans published within it
     * (by the division itself or divisions below it) distribute.
     */
    public Overview.PvRevenue pv(String division, int year) {
        Object[] p = (Object[]) entityManager
                .createNativeQuery("""
                        with s as (select station_id, capacity_kw from report_pv_station where village_code like ?1),
                             o as (select generation_kwh, revenue from report_pv_output
                                   where village_code like ?1 and output_year = ?2),
                             p as (select * from report_pv_plan where division_code like ?1 and plan_year = ?2)
                        select (select count(*) from s), (select coalesce(sum(capacity_kw), 0) from s),
                               (select coalesce(sum(generation_kwh), 0) from o), (select coalesce(sum(revenue), 0) from o),
                               (select count(*) from p), (select coalesce(sum(distributable), 0) from p),
                               (select coalesce(sum(job_holders), 0) from p), (select coalesce(sum(wages), 0) from p),
                               (select coalesce(sum(works), 0) from p), (select coalesce(sum(works_labour), 0) from p),
                               (select coalesce(sum(rewards), 0) from p),
                               (select coalesce(sum(rewarded_households), 0) from p)
                        """, Object[].class)
                .setParameter(1, division + "%")
                .setParameter(2, year)
                .getSingleResult();
        return new Overview.PvRevenue(
                number(p[0]),
                amount(p[1]),
                amount(p[2]),
                amount(p[3]),
                number(p[4]),
                amount(p[5]),
                number(p[6]),
                amount(p[7]),
                amount(p[8]),
                amount(p[9]),
                amount(p[10]),
                number(p[11]));
    }

    private static BigDecimal amount(Object value) {
        return ((BigDecimal) value).setScale(2);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
