package cn.ruralwatch.fund.usage;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.access.DivisionCodes;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.fund.fund.SourceLevel;
import cn.ruralwatch.fund.fund.SpendingProgress;
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
    FundUsageQueries queries;

    @Inject
    HouseholdDirectory directory;

    @Inject
    CallerScope scope;

    @Inject
    ShareRequirements requirements;

    public FundUsageApi.Usage usage(String requested, int year) {
        String division = DivisionCodes.normalize(requested);
        KnownDivision known = directory
                .division(division)
                .filter(d -> scope.covers(d.code))
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        // funds belong to counties: a county, city or province shows them, a township or village only its projects
        boolean county = division.length() <= 6;
        // a province by its cities, a city by its counties, a county by its townships, a township by its villages
        int childLength =
                switch (division.length()) {
                    case 2 -> 4;
                    case 4 -> 6;
                    case 6 -> 9;
                    case 9 -> 12;
                    default -> 0;
                };

        Tally all = Tally.ZERO;
        Map<ProjectStage, Long> byStage = new EnumMap<>(ProjectStage.class);
        Map<ProjectType, Tally> byType = new EnumMap<>(ProjectType.class);
        Map<String, Tally> byChild = new LinkedHashMap<>();
        for (FundUsageQueries.ProjectGroup group : queries.projects(division, year, Math.max(childLength, 1))) {
            Tally tally = new Tally(group.count(), group.budget(), group.disbursed());
            all = all.plus(tally);
            byStage.merge(group.stage(), group.count(), Long::sum);
            byType.merge(group.projectType(), tally, Tally::plus);
            if (childLength > 0 && group.child() != null) {
                byChild.merge(group.child(), tally, Tally::plus);
            }
        }
        long count = all.count();
        BigDecimal budget = all.budget();
        BigDecimal disbursed = all.disbursed();
        List<FundUsageApi.TypeUsage> types = new ArrayList<>();
        byType.forEach((type, t) -> types.add(new FundUsageApi.TypeUsage(type, t.count(), t.budget(), t.disbursed())));
        List<FundUsageApi.ChildUsage> children = new ArrayList<>();
        if (childLength > 0) {
            for (KnownDivision child : entityManager
                    .createQuery("from KnownDivision d where d.parentCode = :code order by d.code", KnownDivision.class)
                    .setParameter("code", division)
                    .getResultList()) {
                Tally c = byChild.getOrDefault(child.code, Tally.ZERO);
                children.add(new FundUsageApi.ChildUsage(
                        child.code,
                        child.name,
                        c.count(),
                        c.budget(),
                        c.disbursed(),
                        SpendingProgress.percent(c.disbursed(), c.budget())));
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

    /** Projects counted with their budget and what they paid. */
    private record Tally(long count, BigDecimal budget, BigDecimal disbursed) {

        static final Tally ZERO = new Tally(0, BigDecimal.ZERO, BigDecimal.ZERO);

        Tally plus(Tally other) {
            return new Tally(count + other.count, budget.add(other.budget), disbursed.add(other.disbursed));
        }
    }

    private List<FundUsageApi.SourceUsage> sources(String county, int year) {
        Map<SourceLevel, FundUsageApi.SourceUsage> bySource = new EnumMap<>(SourceLevel.class);
        for (FundUsageQueries.SourceGroup group : queries.sources(county, year)) {
            bySource.put(
                    group.sourceLevel(),
                    new FundUsageApi.SourceUsage(
                            group.sourceLevel(),
                            group.batches(),
                            group.amount(),
                            group.allocated(),
                            group.disbursed(),
                            SpendingProgress.percent(group.disbursed(), group.amount())));
        }
        return List.copyOf(bySource.values());
    }

    private FundUsageApi.IndustryShare industryShare(String county, int year, BigDecimal fundsTotal) {
        BigDecimal industry = queries.industryBudget(county, year);
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
