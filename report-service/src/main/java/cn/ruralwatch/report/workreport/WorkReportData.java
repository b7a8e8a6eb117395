package cn.ruralwatch.report.workreport;

import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.http.NativeValues;
import cn.ruralwatch.report.Labels;
import cn.ruralwatch.report.overview.Overview;
import cn.ruralwatch.report.overview.OverviewService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures and named lists of a work report (工作汇报) from the read models, as the plain maps and lists a template
 * reads: {@code basic}, {@code monitoring}, {@code indicators}, {@code funds}, {@code benefits}, {@code pv}. Amounts come as
 * yuan and as 万元 text (two decimals); rates as percent text.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkReportData {

    /** Households listed under an indicator at most; the rest are counted and found in the exported list. */
    static final int LISTED_PER_INDICATOR = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    OverviewService overviews;

    public Map<String, Object> model(KnownDivision division, int year, LocalDate asOf, Map<String, String> labels) {
        String prefix = division.code + "%";
        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", division.code);
        d.put("name", division.name);
        d.put("level", division.level);
        model.put("division", d);
        model.put("year", year);
        model.put("asOf", chineseDate(asOf));
        model.put("basic", basic(division, prefix));
        model.put("monitoring", monitoring(prefix));
        model.put("indicators", indicators(prefix, labels));
        model.put("funds", funds(division, prefix, year));
        model.put("benefits", benefits(division.code, year));
        model.put("pv", pv(division.code, year));
        return model;
    }

    private Map<String, Object> basic(KnownDivision division, String prefix) {
        Map<String, Object> basic = new LinkedHashMap<>();
        Object[] levels = (Object[]) entityManager
                .createNativeQuery("""
                        select count(*) filter (where level = 'TOWNSHIP'), count(*) filter (where level = 'VILLAGE')
                        from known_division where code like ?1 and code <> ?2
                        """, Object[].class)
                .setParameter(1, prefix)
                .setParameter(2, division.code)
                .getSingleResult();
        basic.put("townships", number(levels[0]));
        basic.put("villages", number(levels[1]));
        Object[] all = (Object[]) entityManager
                .createNativeQuery("""
                        select count(*), coalesce(sum(members), 0),
                               count(*) filter (where minimum_living), coalesce(sum(members) filter (where minimum_living), 0),
                               count(*) filter (where extreme_poverty), coalesce(sum(members) filter (where extreme_poverty), 0)
                        from report_household where active and village_code like ?1
                        """, Object[].class)
                .setParameter(1, prefix)
                .getSingleResult();
        basic.put("households", number(all[0]));
        basic.put("members", number(all[1]));
        basic.put("minimumLiving", count(all[2], all[3]));
        basic.put("extremePoverty", count(all[4], all[5]));
        List<Object[]> byStatus = rows("""
                select poverty_status, count(*), coalesce(sum(members), 0) from report_household
                where active and village_code like ?1 group by 1 order by 1
                """, prefix);
        Map<String, Object> statuses = new LinkedHashMap<>();
        for (String status : List.of("NOT_POOR", "NOT_EXITED", "PLANNED_EXIT", "EXITED")) {
            statuses.put(status, count(0, 0));
        }
        for (Object[] r : byStatus) {
            statuses.put((String) r[0], count(r[1], r[2]));
        }
        basic.put("byPovertyStatus", statuses);
        basic.put("exited", statuses.get("EXITED"));
        List<Map<String, Object>> exitYears = new ArrayList<>();
        for (Object[] r : rows("""
                select exit_year, count(*), coalesce(sum(members), 0) from report_household
                where active and village_code like ?1 and poverty_status = 'EXITED' and exit_year is not null
                group by 1 order by 1
                """, prefix)) {
            Map<String, Object> year = count(r[1], r[2]);
            year.put("year", number(r[0]));
            exitYears.add(year);
        }
        basic.put("byExitYear", exitYears);
        return basic;
    }

    private Map<String, Object> monitoring(String prefix) {
        Map<String, Object> monitoring = new LinkedHashMap<>();
        Object[] all = (Object[]) entityManager
                .createNativeQuery("""
                        select count(*), coalesce(sum(members), 0),
                               count(*) filter (where risk_state = 'AT_RISK'),
                               coalesce(sum(members) filter (where risk_state = 'AT_RISK'), 0),
                               count(*) filter (where risk_state = 'ELIMINATED'),
                               coalesce(sum(members) filter (where risk_state = 'ELIMINATED'), 0)
                        from report_household where active and monitoring_category is not null and village_code like ?1
                        """, Object[].class)
                .setParameter(1, prefix)
                .getSingleResult();
        monitoring.put("total", count(all[0], all[1]));
        monitoring.put("atRisk", count(all[2], all[3]));
        monitoring.put("eliminated", count(all[4], all[5]));
        List<Map<String, Object>> categories = new ArrayList<>();
        Map<String, Object[]> byCategory = new LinkedHashMap<>();
        for (Object[] r : rows("""
                select monitoring_category, count(*), coalesce(sum(members), 0),
                       count(*) filter (where risk_state = 'AT_RISK'),
                       coalesce(sum(members) filter (where risk_state = 'AT_RISK'), 0)
                from report_household where active and monitoring_category is not null and village_code like ?1
                group by 1
                """, prefix)) {
            byCategory.put((String) r[0], r);
        }
        for (String category : List.of("UNSTABLE_EXITED", "EDGE_AT_RISK", "SUDDEN_HARDSHIP")) {
            Object[] r = byCategory.getOrDefault(category, new Object[] {category, 0, 0, 0, 0});
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", category);
            row.put("name", Labels.of(Labels.MONITORING_CATEGORY, category));
            row.put("households", number(r[1]));
            row.put("members", number(r[2]));
            row.put("atRiskHouseholds", number(r[3]));
            row.put("atRiskMembers", number(r[4]));
            categories.add(row);
        }
        monitoring.put("categories", categories);
        List<Map<String, Object>> years = new ArrayList<>();
        for (Object[] r : rows("""
                select identified_year, count(*), coalesce(sum(members), 0),
                       count(*) filter (where risk_state = 'AT_RISK'),
                       coalesce(sum(members) filter (where risk_state = 'AT_RISK'), 0)
                from report_household where active and monitoring_category is not null and village_code like ?1
                group by 1 order by 1
                """, prefix)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("year", number(r[0]));
            row.put("households", number(r[1]));
            row.put("members", number(r[2]));
            row.put("atRiskHouseholds", number(r[3]));
            row.put("atRiskMembers", number(r[4]));
            years.add(row);
        }
        monitoring.put("byYear", years);
        // a household with several risk types counts under each of them
        List<Map<String, Object>> riskTypes = new ArrayList<>();
        for (Object[] r : rows("""
                select t.risk_type, count(*), coalesce(sum(h.members), 0),
                       count(*) filter (where h.risk_state = 'AT_RISK'),
                       coalesce(sum(h.members) filter (where h.risk_state = 'AT_RISK'), 0)
                from report_household h, jsonb_array_elements_text(h.risk_types) as t(risk_type)
                where h.active and h.monitoring_category is not null and h.village_code like ?1
                group by 1 order by 2 desc, 1
                """, prefix)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", r[0]);
            row.put("name", Labels.of(Labels.RISK_TYPE, (String) r[0]));
            row.put("households", number(r[1]));
            row.put("members", number(r[2]));
            row.put("atRiskHouseholds", number(r[3]));
            row.put("atRiskMembers", number(r[4]));
            riskTypes.add(row);
        }
        monitoring.put("byRiskType", riskTypes);
        return monitoring;
    }

    private List<Map<String, Object>> indicators(String prefix, Map<String, String> labels) {
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (Object[] r : rows("""
                select r.standard_code, r.indicator_code, count(*) filter (where r.met), count(*) filter (where not r.met),
                       coalesce(sum(r.numerator), 0), coalesce(sum(r.denominator), 0)
                from report_indicator_result r join report_household h on h.household_id = r.household_id
                where h.active and r.village_code like ?1
                group by 1, 2 order by 1, 2
                """, prefix)) {
            String standard = (String) r[0];
            String indicator = (String) r[1];
            long numerator = number(r[4]);
            long denominator = number(r[5]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("standardCode", standard);
            row.put("standardName", labels.getOrDefault(standard, standard));
            row.put("code", indicator);
            row.put("name", labels.getOrDefault(standard + "/" + indicator, indicator));
            row.put("met", number(r[2]));
            row.put("notMet", number(r[3]));
            row.put("numerator", numerator);
            row.put("denominator", denominator);
            row.put(
                    "rate",
                    denominator == 0
                            ? "—"
                            : BigDecimal.valueOf(numerator * 100)
                                    .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP)
                                    .toPlainString());
            List<Map<String, Object>> failing = new ArrayList<>();
            for (Object[] f : rows("""
                    select r.household_id, r.village_code, coalesce(v.name, r.village_code), h.members,
                           r.numerator, r.denominator
                    from report_indicator_result r
                    join report_household h on h.household_id = r.household_id
                    left join known_division v on v.code = r.village_code
                    where h.active and not r.met and r.village_code like ?1 and r.standard_code = ?2
                      and r.indicator_code = ?3
                    order by r.village_code, r.household_id limit ?4
                    """, prefix, standard, indicator, LISTED_PER_INDICATOR)) {
                Map<String, Object> household = new LinkedHashMap<>();
                household.put("householdId", f[0].toString());
                household.put("villageCode", f[1]);
                household.put("villageName", f[2]);
                household.put("members", number(f[3]));
                household.put("numerator", number(f[4]));
                household.put("denominator", number(f[5]));
                failing.add(household);
            }
            row.put("failing", failing);
            row.put("failingNotListed", Math.max(0, number(r[3]) - failing.size()));
            indicators.add(row);
        }
        return indicators;
    }

    private Map<String, Object> funds(KnownDivision division, String prefix, int year) {
        Map<String, Object> funds = new LinkedHashMap<>();
        String county = division.code.substring(0, 6);
        List<Map<String, Object>> sources = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;
        for (Object[] r : rows("""
                select source_level, count(*), sum(amount) from report_fund_batch
                where county_code = ?1 and fund_year = ?2 group by 1 order by 1
                """, county, year)) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("code", r[0]);
            source.put("name", Labels.of(Labels.SOURCE_LEVEL, (String) r[0]));
            source.put("batches", number(r[1]));
            putAmount(source, "amount", (BigDecimal) r[2]);
            amount = amount.add((BigDecimal) r[2]);
            sources.add(source);
        }
        funds.put("countyBySource", sources);
        putAmount(funds, "countyAmount", amount);
        BigDecimal countyDisbursed = (BigDecimal) entityManager
                .createNativeQuery("""
                        select coalesce(sum(d.amount), 0) from report_disbursement d
                        join report_fund_batch b on b.batch_id = d.batch_id
                        where b.county_code = ?1 and b.fund_year = ?2
                        """)
                .setParameter(1, county)
                .setParameter(2, year)
                .getSingleResult();
        putAmount(funds, "countyDisbursed", countyDisbursed);
        funds.put("countySpendingProgress", percent(countyDisbursed, amount));

        Object[] projects = (Object[]) entityManager
                .createNativeQuery("""
                        select count(*) filter (where stage <> 'TERMINATED'),
                               coalesce(sum(planned_investment) filter (where stage <> 'TERMINATED'), 0),
                               count(*) filter (where stage in ('COMPLETED', 'ACCEPTED', 'ASSETS_REGISTERED')),
                               count(*) filter (where stage in ('ACCEPTED', 'ASSETS_REGISTERED')),
                               coalesce(sum(beneficiary_households) filter (where stage <> 'TERMINATED'), 0)
                        from report_project where division_code like ?1 and project_year = ?2
                        """, Object[].class)
                .setParameter(1, prefix)
                .setParameter(2, year)
                .getSingleResult();
        funds.put("projects", number(projects[0]));
        putAmount(funds, "plannedInvestment", (BigDecimal) projects[1]);
        funds.put("projectsCompleted", number(projects[2]));
        funds.put("projectsAccepted", number(projects[3]));
        funds.put("beneficiaryHouseholds", number(projects[4]));
        List<Map<String, Object>> byType = new ArrayList<>();
        for (Object[] r : rows("""
                select p.project_type, count(*), coalesce(sum(p.planned_investment), 0),
                       coalesce(sum((select sum(d.amount) from report_disbursement d where d.project_id = p.project_id)), 0)
                from report_project p where p.division_code like ?1 and p.project_year = ?2 and p.stage <> 'TERMINATED'
                group by 1 order by 1
                """, prefix, year)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", r[0]);
            row.put("name", Labels.of(Labels.PROJECT_TYPE, (String) r[0]));
            row.put("projects", number(r[1]));
            putAmount(row, "plannedInvestment", (BigDecimal) r[2]);
            putAmount(row, "disbursed", (BigDecimal) r[3]);
            byType.add(row);
        }
        funds.put("byType", byType);
        List<Map<String, Object>> byStage = new ArrayList<>();
        for (Object[] r : rows("""
                select stage, count(*) from report_project where division_code like ?1 and project_year = ?2
                group by 1 order by 1
                """, prefix, year)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", r[0]);
            row.put("name", Labels.of(Labels.PROJECT_STAGE, (String) r[0]));
            row.put("projects", number(r[1]));
            byStage.add(row);
        }
        funds.put("byStage", byStage);
        return funds;
    }

    private Map<String, Object> benefits(String code, int year) {
        Map<String, Object> benefits = new LinkedHashMap<>();
        Overview.Benefits all = overviews.benefits(code, year);
        benefits.put("households", all.households());
        putAmount(benefits, "total", all.total());
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (String kind : Labels.BENEFIT_KIND.keySet().stream().sorted().toList()) {
            byKind.put(kind, kind(kind, 0, BigDecimal.ZERO));
        }
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (Object[] r : rows("""
                select k.key, count(*), sum(cast(k.value as numeric))
                from report_household_benefit b, jsonb_each_text(b.by_kind) k
                where b.village_code like ?1 and b.benefit_year = ?2 and cast(k.value as numeric) > 0
                group by 1 order by 1
                """, code + "%", year)) {
            Map<String, Object> kind = kind((String) r[0], number(r[1]), (BigDecimal) r[2]);
            byKind.put((String) r[0], kind);
            kinds.add(kind);
        }
        benefits.put("byKind", byKind);
        benefits.put("kinds", kinds);
        return benefits;
    }

    private Map<String, Object> pv(String code, int year) {
        Overview.PvRevenue all = overviews.pv(code, year);
        Map<String, Object> pv = new LinkedHashMap<>();
        pv.put("stations", all.stations());
        pv.put("capacityKw", all.capacityKw().toPlainString());
        pv.put("generationKwh", all.generationKwh().toPlainString());
        putAmount(pv, "revenue", all.revenue());
        pv.put("plans", all.plans());
        putAmount(pv, "distributable", all.distributable());
        pv.put("jobHolders", all.jobHolders());
        putAmount(pv, "wages", all.wages());
        putAmount(pv, "works", all.works());
        putAmount(pv, "worksLabour", all.worksLabour());
        putAmount(pv, "rewards", all.rewards());
        pv.put("rewardedHouseholds", all.rewardedHouseholds());
        pv.put("wagesAndLabourPercent", percent(all.wages().add(all.worksLabour()), all.distributable()));
        List<Map<String, Object>> plans = new ArrayList<>();
        for (Object[] r : rows("""
                select coalesce(d.name, p.division_code), p.published_on, p.document_number, p.distributable,
                       p.job_holders, p.wages, p.works, p.rewards
                from report_pv_plan p left join known_division d on d.code = p.division_code
                where p.division_code like ?1 and p.plan_year = ?2
                order by p.division_code, p.published_on
                """, code + "%", year)) {
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("divisionName", r[0]);
            plan.put("publishedOn", chineseDate(NativeValues.date(r[1])));
            plan.put("documentNumber", r[2] == null ? "" : r[2]);
            putAmount(plan, "distributable", (BigDecimal) r[3]);
            plan.put("jobHolders", number(r[4]));
            putAmount(plan, "wages", (BigDecimal) r[5]);
            putAmount(plan, "works", (BigDecimal) r[6]);
            putAmount(plan, "rewards", (BigDecimal) r[7]);
            plans.add(plan);
        }
        pv.put("planList", plans);
        return pv;
    }

    /** A date as an official document writes it: 2023年11月14日. */
    private static String chineseDate(LocalDate date) {
        return "%d年%d月%d日".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private static Map<String, Object> kind(String code, long households, BigDecimal amount) {
        Map<String, Object> kind = new LinkedHashMap<>();
        kind.put("code", code);
        kind.put("name", Labels.of(Labels.BENEFIT_KIND, code));
        kind.put("households", households);
        putAmount(kind, "amount", amount);
        return kind;
    }

    private List<Object[]> rows(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql, Object[].class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static Map<String, Object> count(Object households, Object members) {
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("households", number(households));
        count.put("members", number(members));
        return count;
    }

    /** {@code name} in yuan (two decimals) and {@code nameWan} in 万元 (two decimals), both as text. */
    private static void putAmount(Map<String, Object> target, String name, BigDecimal yuan) {
        BigDecimal value = yuan == null ? BigDecimal.ZERO : yuan;
        target.put(name, value.setScale(2, RoundingMode.HALF_UP).toPlainString());
        target.put(
                name + "Wan",
                value.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP)
                        .toPlainString());
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0
                ? "—"
                : part.multiply(BigDecimal.valueOf(100))
                        .divide(whole, 2, RoundingMode.HALF_UP)
                        .toPlainString();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
