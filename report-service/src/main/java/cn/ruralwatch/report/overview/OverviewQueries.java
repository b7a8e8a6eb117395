package cn.ruralwatch.report.overview;

import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;

/**
 * The figures of a division's subtree (division codes are prefixes of the codes below them), mostly the sums of its
 * villages' summaries, which the projections keep within a second of the events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OverviewQueries {

    @Inject
    Sql sql;

    @Inject
    EntityManager entityManager;

    /** The sums of a division's village summaries. */
    public record Totals(long households, long members, long evaluated, long meeting) {}

    /** An indicator's households meeting and failing it and its rate's sums over a division's villages. */
    public record IndicatorTotals(
            String standardCode, String indicatorCode, long met, long notMet, long numerator, long denominator) {}

    /** A county's fund batches (of a year, or all), what they allocate and disbursed, and its projects. */
    public record CountyFunds(
            long batches, BigDecimal amount, BigDecimal allocated, BigDecimal disbursed, long projects) {}

    /**
     * A village's summary under the code of the division it counts for ({@code division}: the first digits of its
     * code); the counts by status and category as JSON objects.
     */
    public record VillageSummary(
            String division,
            long households,
            long members,
            String byPovertyStatus,
            long monitored,
            String byCategory,
            long atRisk,
            long evaluated,
            long meeting,
            long migrantWorkers) {}

    /** Households ever monitored (now, eliminated, or in an earlier episode), and those at risk now, with their people. */
    public Overview.MonitoredEver monitoredEver(String division) {
        return sql.query("""
                        select count(*) as households, coalesce(sum(members), 0) as people,
                               count(*) filter (where risk_state = 'AT_RISK') as at_risk_households,
                               coalesce(sum(members) filter (where risk_state = 'AT_RISK'), 0) as at_risk_people
                        from report_household
                        where village_code like :prefix and active
                          and (monitoring_category is not null or past_monitoring > 0)""")
                .bind("prefix", division + "%")
                .first(Overview.MonitoredEver.class)
                .orElseThrow();
    }

    /** The villages and communities under a division, its 贫困村 and those that exited (a village counts none). */
    public Overview.Villages villages(String division) {
        return sql.query("""
                        select count(*) filter (where coalesce(village_kind, 'VILLAGE') = 'VILLAGE') as villages,
                               count(*) filter (where village_kind = 'COMMUNITY') as communities,
                               count(*) filter (where poverty_village) as poverty_villages,
                               count(*) filter (where poverty_village and poverty_exit_year is not null)
                                   as exited_poverty_villages
                        from known_division where level = 'VILLAGE' and code like :prefix and code <> :division""")
                .bind("prefix", division + "%")
                .bind("division", division)
                .first(Overview.Villages.class)
                .orElseThrow();
    }

    public Totals totals(String division) {
        return sql.query("""
                        select coalesce(sum(households), 0) as households, coalesce(sum(members), 0) as members,
                               coalesce(sum(evaluated), 0) as evaluated, coalesce(sum(meeting), 0) as meeting
                        from report_village_summary where village_code like :prefix
                        """).bind("prefix", division + "%").first(Totals.class).orElseThrow();
    }

    /**
     * Per standard in use: the households of the division with a result, and when the results were computed.
     */
    public List<Overview.StandardEvaluations> evaluations(String division) {
        return sql.query("""
                        select standard_code, count(*) as households, min(evaluated_at) as evaluated_from,
                               max(evaluated_at) as evaluated_to
                          from report_evaluation where village_code like :prefix and in_use
                         group by 1 order by 1
                        """).bind("prefix", division + "%").list(Overview.StandardEvaluations.class);
    }

    /** Each indicator's sums over the division's villages, by standard and indicator. */
    public List<IndicatorTotals> indicators(String division) {
        return sql.query("""
                        select standard_code, indicator_code, sum(met) as met, sum(not_met) as not_met,
                               sum(numerator) as numerator, sum(denominator) as denominator
                          from report_village_indicator where village_code like :prefix
                         group by 1, 2 order by 1, 2
                        """).bind("prefix", division + "%").list(IndicatorTotals.class);
    }

    /** The funds of a year (all years when {@code year} is null) of a county, or of the counties of a city or province. */
    public CountyFunds countyFunds(String county, Integer year) {
        return sql.query("""
                        with b as (select batch_id, amount from report_fund_batch
                                   where county_code like :county || '%'
                                     and (cast(:year as integer) is null or fund_year = cast(:year as integer)))
                        select (select count(*) from b) as batches, (select coalesce(sum(amount), 0) from b) as amount,
                               (select coalesce(sum(l.amount), 0)
                                  from report_project_budget_line l join b using (batch_id)) as allocated,
                               (select coalesce(sum(d.amount), 0)
                                  from report_disbursement d join b using (batch_id)) as disbursed,
                               (select count(*) from report_project p where p.county_code like :county || '%'
                                  and (cast(:year as integer) is null or p.project_year = cast(:year as integer)))
                                   as projects
                        """)
                .bind("county", county)
                .bind("year", year)
                .first(CountyFunds.class)
                .orElseThrow();
    }

    /** Households in the division given benefits in the year, and the total (元; microcredit counted as its subsidy). */
    public Overview.Benefits benefits(String division, int year) {
        Overview.Benefits benefits = sql.query("""
                        select count(*) as households, coalesce(sum(total), 0) as total from report_household_benefit
                        where village_code like :prefix and benefit_year = :year
                        """)
                .bind("prefix", division + "%")
                .bind("year", year)
                .first(Overview.Benefits.class)
                .orElseThrow();
        return new Overview.Benefits(benefits.households(), benefits.total().setScale(2));
    }

    /**
     * The year's generation and revenue of the PV stations in the division, and what the plans published within it
     * (by the division itself or divisions below it) distribute.
     */
    public Overview.PvRevenue pv(String division, int year) {
        Overview.PvRevenue pv = sql.query("""
                        with s as (select station_id, capacity_kw from report_pv_station where village_code like :prefix),
                             o as (select generation_kwh, revenue from report_pv_output
                                   where village_code like :prefix and output_year = :year),
                             p as (select * from report_pv_plan where division_code like :prefix and plan_year = :year)
                        select (select count(*) from s) as stations,
                               (select coalesce(sum(capacity_kw), 0) from s) as capacity_kw,
                               (select coalesce(sum(generation_kwh), 0) from o) as generation_kwh,
                               (select coalesce(sum(revenue), 0) from o) as revenue,
                               (select count(*) from p) as plans,
                               (select coalesce(sum(distributable), 0) from p) as distributable,
                               (select coalesce(sum(job_holders), 0) from p) as job_holders,
                               (select coalesce(sum(wages), 0) from p) as wages,
                               (select coalesce(sum(works), 0) from p) as works,
                               (select coalesce(sum(works_labour), 0) from p) as works_labour,
                               (select coalesce(sum(rewards), 0) from p) as rewards,
                               (select coalesce(sum(rewarded_households), 0) from p) as rewarded_households
                        """)
                .bind("prefix", division + "%")
                .bind("year", year)
                .first(Overview.PvRevenue.class)
                .orElseThrow();
        return new Overview.PvRevenue(
                pv.stations(),
                pv.capacityKw().setScale(2),
                pv.generationKwh().setScale(2),
                pv.revenue().setScale(2),
                pv.plans(),
                pv.distributable().setScale(2),
                pv.jobHolders(),
                pv.wages().setScale(2),
                pv.works().setScale(2),
                pv.worksLabour().setScale(2),
                pv.rewards().setScale(2),
                pv.rewardedHouseholds());
    }

    /** The summaries of the villages in a division, each under the first {@code length} digits of its code. */
    public List<VillageSummary> villageSummaries(String division, int length) {
        return sql.query("""
                        select substr(village_code, 1, :length) as division, households, members,
                               cast(by_poverty_status as text) as by_poverty_status, monitored,
                               cast(by_category as text) as by_category, at_risk, evaluated, meeting, migrant_workers
                        from report_village_summary where village_code like :prefix
                        """)
                .bind("prefix", division + "%")
                .bind("length", length)
                .list(VillageSummary.class);
    }

    /** The divisions one level below a division, by code. */
    public List<KnownDivision> children(String division) {
        return entityManager
                .createQuery("from KnownDivision d where d.parentCode = :code order by d.code", KnownDivision.class)
                .setParameter("code", division)
                .getResultList();
    }

    /** A division and every division below it, by code. */
    public List<KnownDivision> subtree(String division) {
        return entityManager
                .createQuery("from KnownDivision d where d.code like :prefix order by d.code", KnownDivision.class)
                .setParameter("prefix", division + "%")
                .getResultList();
    }
}
