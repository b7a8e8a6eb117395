package cn.ruralwatch.fund.usage;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.fund.fund.SourceLevel;
import cn.ruralwatch.fund.project.ProjectStage;
import cn.ruralwatch.fund.project.ProjectType;
import cn.ruralwatch.fund.rule.ShareRequirementApi;
import cn.ruralwatch.fund.rule.ShareRequirementKind;
import cn.ruralwatch.fund.rule.ShareRequirements;
import cn.ruralwatch.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a division's linkage funds are used in a year: 支出进度 by fund source, the projects' budgets and payments by
 * stage, type and the next division level down, and the industry-development share against its requirement.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FundUsageService {

    @Inject
    EntityManager entityManager;

    @Inject
    HouseholdDirectory directory;

    @Inject
    CallerScope scope;

    @Inject
    ShareRequirements requirements;

    public FundUsageApi.Usage usage(String division, int year) {
        KnownDivision known = directory
                .division(division)
                .filter(d -> scope.covers(d.code))
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        boolean county = division.length() == 6;
        int childLength = division.length() == 6 ? 9 : division.length() == 9 ? 12 : 0;

        @SuppressWarnings("unchecked")
        List<Object[]> projectRows = entityManager
                .createNativeQuery("""
                        with p as (
                            select p.id, p.stage, p.project_type, p.division_code,
                                   coalesce(sum(l.amount), 0) as budget, coalesce(sum(l.disbursed), 0) as disbursed
                            from project p left join project_budget_line l on l.project_id = p.id
                            where p.division_code like ?1 and p.project_year = ?2
                            group by p.id)
                        select stage, project_type, case when length(division_code) >= ?3 then left(division_code, ?3) end,
                               count(*), sum(budget), sum(disbursed)
                        from p group by 1, 2, 3
                        """)
                .setParameter(1, division + "%")
                .setParameter(2, year)
                .setParameter(3, Math.max(childLength, 1))
                .getResultList();
        long count = 0;
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        Map<ProjectStage, Long> byStage = new EnumMap<>(ProjectStage.class);
        Map<ProjectType, Object[]> byType = new EnumMap<>(ProjectType.class);
        Map<String, Object[]> byChild = new LinkedHashMap<>();
        for (Object[] row : projectRows) {
            long n = ((Number) row[3]).longValue();
            BigDecimal b = (BigDecimal) row[4];
            BigDecimal d = (BigDecimal) row[5];
            count += n;
            budget = budget.add(b);
            disbursed = disbursed.add(d);
            byStage.merge(ProjectStage.valueOf((String) row[0]), n, Long::sum);
            add(byType.computeIfAbsent(ProjectType.valueOf((String) row[1]), t -> zero()), n, b, d);
            if (childLength > 0 && row[2] != null) {
                add(byChild.computeIfAbsent((String) row[2], c -> zero()), n, b, d);
            }
        }
        List<FundUsageApi.TypeUsage> types = new ArrayList<>();
        byType.forEach((type, t) ->
                types.add(new FundUsageApi.TypeUsage(type, (long) t[0], (BigDecimal) t[1], (BigDecimal) t[2])));
        List<FundUsageApi.ChildUsage> children = new ArrayList<>();
        if (childLength > 0) {
            for (KnownDivision child : entityManager
                    .createQuery("from KnownDivision d where d.parentCode = :code order by d.code", KnownDivision.class)
                    .setParameter("code", division)
                    .getResultList()) {
                Object[] c = byChild.getOrDefault(child.code, zero());
                children.add(new FundUsageApi.ChildUsage(
                        child.code,
                        child.name,
                        (long) c[0],
                        (BigDecimal) c[1],
                        (BigDecimal) c[2],
                        SpendingProgress.percent((BigDecimal) c[2], (BigDecimal) c[1])));
            }
        }

        List<FundUsageApi.SourceUsage> sources = county ? sources(division, year) : List.of();
        BigDecimal fundsTotal = county
                ? sources.stream().map(FundUsageApi.SourceUsage::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                : null;
        return new FundUsageApi.Usage(
                known.code,
                known.name,
                year,
                sources,
                fundsTotal,
                new FundUsageApi.ProjectTotals(count, budget, disbursed, SpendingProgress.percent(disbursed, budget)),
                types,
                byStage,
                county ? industryShare(division, year, fundsTotal) : null,
                children);
    }

    private static Object[] zero() {
        return new Object[] {0L, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static void add(Object[] totals, long n, BigDecimal budget, BigDecimal disbursed) {
        totals[0] = (long) totals[0] + n;
        totals[1] = ((BigDecimal) totals[1]).add(budget);
        totals[2] = ((BigDecimal) totals[2]).add(disbursed);
    }

    private List<FundUsageApi.SourceUsage> sources(String county, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select b.source_level, count(*), sum(b.amount), sum(b.allocated), coalesce(sum(d.disbursed), 0)
                        from fund_batch b
                        left join (select batch_id, sum(disbursed) as disbursed from project_budget_line group by batch_id) d
                               on d.batch_id = b.id
                        where b.county_code = ?1 and b.fund_year = ?2
                        group by b.source_level
                        """)
                .setParameter(1, county)
                .setParameter(2, year)
                .getResultList();
        Map<SourceLevel, FundUsageApi.SourceUsage> bySource = new EnumMap<>(SourceLevel.class);
        for (Object[] r : rows) {
            BigDecimal amount = (BigDecimal) r[2];
            BigDecimal paid = (BigDecimal) r[4];
            SourceLevel level = SourceLevel.valueOf((String) r[0]);
            bySource.put(
                    level,
                    new FundUsageApi.SourceUsage(
                            level,
                            ((Number) r[1]).longValue(),
                            amount,
                            (BigDecimal) r[3],
                            paid,
                            SpendingProgress.percent(paid, amount)));
        }
        return List.copyOf(bySource.values());
    }

    private FundUsageApi.IndustryShare industryShare(String county, int year, BigDecimal fundsTotal) {
        BigDecimal industry = (BigDecimal) entityManager
                .createNativeQuery("""
                        select coalesce(sum(l.amount), 0)
                        from project_budget_line l
                        join project p on p.id = l.project_id
                        join fund_batch b on b.id = l.batch_id
                        where b.county_code = ?1 and b.fund_year = ?2 and p.project_type = 'INDUSTRY'
                        """)
                .setParameter(1, county)
                .setParameter(2, year)
                .getSingleResult();
        BigDecimal share = SpendingProgress.percent(industry, fundsTotal);
        Optional<ShareRequirementApi.Requirement> requirement =
                requirements.inForce(ShareRequirementKind.INDUSTRY_DEVELOPMENT, county.substring(0, 2), year);
        BigDecimal required =
                requirement.map(ShareRequirementApi.Requirement::minimumPercent).orElse(null);
        boolean below = share != null && required != null && share.compareTo(required) < 0;
        return new FundUsageApi.IndustryShare(
                industry,
                fundsTotal,
                share,
                required,
                requirement.map(ShareRequirementApi.Requirement::regionCode).orElse(null),
                requirement.map(ShareRequirementApi.Requirement::fromYear).orElse(null),
                below,
                below
                        ? "产业发展占比 " + share.toPlainString() + "% 低于要求的 " + required.toPlainString() + "%，还差 "
                                + required.multiply(fundsTotal)
                                        .movePointLeft(2)
                                        .subtract(industry)
                                        .setScale(2, RoundingMode.UP)
                                        .toPlainString()
                                + " 元"
                        : null);
    }
}
