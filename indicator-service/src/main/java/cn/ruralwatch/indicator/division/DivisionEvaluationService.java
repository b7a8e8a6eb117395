package cn.ruralwatch.indicator.division;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.indicator.evaluation.RateApi;
import cn.ruralwatch.indicator.evaluation.RateService;
import cn.ruralwatch.indicator.households.HouseholdStates;
import cn.ruralwatch.indicator.parameter.ParameterValues;
import cn.ruralwatch.indicator.rules.CompiledStandard;
import cn.ruralwatch.indicator.rules.RuleModel;
import cn.ruralwatch.indicator.rules.StandardDefinition;
import cn.ruralwatch.indicator.standard.Standards;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a village or township against a standard of its level: the division-judged indicators over the division's
 * facts and aggregates (its households' rates, 贫困发生率, its villages' facts), and the standard's consistency rules.
 * Computed when asked, from the current results and facts, so it is never stale.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DivisionEvaluationService {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    HouseholdStates households;

    @Inject
    Clock clock;

    @Inject
    Standards standards;

    @Inject
    RateService rates;

    @Inject
    ParameterValues parameters;

    @Inject
    VillageFactsService facts;

    public DivisionApi.DivisionEvaluation evaluate(String standardCode, String divisionCode, DivisionApi.Basis basis) {
        KnownDivision division = divisionCode == null ? null : entityManager.find(KnownDivision.class, divisionCode);
        if (division == null || !scope.covers(divisionCode)) {
            throw ProblemException.notFound("division.not-found", divisionCode);
        }
        Standards.Current standard = standards
                .current(standardCode)
                .orElseThrow(() -> ProblemException.notFound("standard.not-found", standardCode));
        StandardDefinition definition = standard.standard().definition();
        if (definition.level() == StandardDefinition.Level.HOUSEHOLD
                || !definition.level().name().equals(division.level)) {
            throw ProblemException.invalid(Violation.of(
                    "division", "LEVEL", "problem.division-evaluation.level", definition.level(), division.level));
        }
        if (!standard.covers(divisionCode)) {
            throw ProblemException.invalid(
                    Violation.of("standard", "REGION", "problem.division-evaluation.region", definition.regionCode()));
        }
        CompiledStandard compiled = standard.standard();
        LocalDate referenceDate = compiled.referenceDate(ChinaTime.today(clock));
        int year = referenceDate.getYear();
        RateApi.RateReport report = rates.rates(standardCode, divisionCode, null);
        Map<String, Object> input = input(division, report, year, basis);
        Map<String, Object> params = parameters.variables(
                definition.parameters().stream()
                        .map(StandardDefinition.ParameterDeclaration::name)
                        .toList(),
                divisionCode,
                year);
        List<DivisionApi.Judgement> judgements = new ArrayList<>();
        for (CompiledStandard.Outcome outcome : compiled.evaluateDivision(input, params, year)) {
            String name = definition.indicators().stream()
                    .filter(i -> i.code().equals(outcome.indicatorCode()))
                    .findFirst()
                    .orElseThrow()
                    .name();
            judgements.add(new DivisionApi.Judgement(
                    outcome.indicatorCode(),
                    name,
                    outcome.met(),
                    outcome.reasons().stream()
                            .map(r -> new RateApi.Reason(null, r.field(), r.value()))
                            .toList()));
        }
        List<DivisionApi.ConsistencyCheck> checks = compiled.checkConsistency(input, params, year).stream()
                .map(c -> new DivisionApi.ConsistencyCheck(
                        c.code(),
                        c.name(),
                        c.expression(),
                        String.valueOf(c.left()),
                        String.valueOf(c.right()),
                        c.holds()))
                .toList();
        return new DivisionApi.DivisionEvaluation(
                divisionCode,
                division.name,
                division.level,
                standardCode,
                standard.version(),
                referenceDate,
                basis,
                judgements.stream().allMatch(DivisionApi.Judgement::met),
                judgements,
                report.indicators(),
                report.freshness(),
                report.povertyIncidence(),
                checks);
    }

    /**
     * The division as rules see it (see docs/indicators.md). After planned exits, 预脱贫 households count as exited in
     * {@code notExitedHouseholds}, {@code notExitedPeople} and {@code povertyIncidence}; both rates stay available by
     * name.
     */
    private Map<String, Object> input(
            KnownDivision division, RateApi.RateReport report, int year, DivisionApi.Basis basis) {
        Map<String, Object> d = new HashMap<>();
        d.put("code", division.code);
        d.put("name", division.name);
        d.put("level", division.level);
        HouseholdStates.Counts counts = households.counts(division.code);
        d.put("households", counts.households());
        d.put("people", counts.people());
        RateApi.PovertyIncidence incidence = report.povertyIncidence();
        boolean afterPlannedExits = basis == DivisionApi.Basis.AFTER_PLANNED_EXITS;
        d.put(
                "notExitedHouseholds",
                incidence.notExitedHouseholds() - (afterPlannedExits ? incidence.plannedExitHouseholds() : 0));
        d.put("notExitedPeople", incidence.notExitedPeople() - (afterPlannedExits ? incidence.plannedExitPeople() : 0));
        d.put("plannedExitPeople", incidence.plannedExitPeople());
        d.put("basePopulation", incidence.basePopulation() == null ? 0L : incidence.basePopulation());
        d.put("baseYear", (long) (incidence.baseYear() == null ? 0 : incidence.baseYear()));
        double before =
                incidence.ratePercent() == null ? 0.0 : incidence.ratePercent().doubleValue();
        double after = incidence.rateAfterPlannedExitPercent() == null
                ? 0.0
                : incidence.rateAfterPlannedExitPercent().doubleValue();
        d.put("povertyIncidence", afterPlannedExits ? after : before);
        d.put("povertyIncidenceBeforePlannedExits", before);
        d.put("povertyIncidenceAfterPlannedExits", after);
        d.put(
                "villagesBasePopulation",
                incidence.baseYear() == null ? 0L : rates.villagesBasePopulation(division.code, incidence.baseYear()));
        d.put(
                "facts",
                RuleModel.villageFacts("VILLAGE".equals(division.level) ? facts.forRules(division.code, year) : null));
        List<Map<String, Object>> villages = new ArrayList<>();
        List<KnownDivision> children = entityManager
                .createQuery(
                        "from KnownDivision where parentCode = :code and level = 'VILLAGE' order by code",
                        KnownDivision.class)
                .setParameter("code", division.code)
                .getResultList();
        for (KnownDivision child : children) {
            villages.add(Map.of(
                    "code", child.code,
                    "name", child.name,
                    "facts", RuleModel.villageFacts(facts.forRules(child.code, year))));
        }
        d.put("villages", villages);
        Map<String, Double> rateMap = new HashMap<>();
        Map<String, Long> numerators = new HashMap<>();
        Map<String, Long> denominators = new HashMap<>();
        Map<String, Long> failing = new HashMap<>();
        for (RateApi.IndicatorRate rate : report.indicators()) {
            // nobody to fail: the rate is met in full
            rateMap.put(
                    rate.indicatorCode(),
                    rate.ratePercent() == null ? 100.0 : rate.ratePercent().doubleValue());
            numerators.put(rate.indicatorCode(), rate.numerator());
            denominators.put(rate.indicatorCode(), rate.denominator());
            failing.put(rate.indicatorCode(), rate.failingHouseholds());
        }
        d.put("rates", rateMap);
        d.put("numerators", numerators);
        d.put("denominators", denominators);
        d.put("failing", failing);
        return d;
    }
}
