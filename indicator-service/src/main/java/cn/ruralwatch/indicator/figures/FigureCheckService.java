package cn.ruralwatch.indicator.figures;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.indicator.evaluation.PovertyIncidences;
import cn.ruralwatch.indicator.evaluation.RateApi;
import cn.ruralwatch.indicator.evaluation.RateService;
import cn.ruralwatch.indicator.households.HouseholdStates;
import cn.ruralwatch.indicator.rules.StandardDefinition;
import cn.ruralwatch.indicator.standard.Standards;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks sets of declared figures (上报数据核验): the parts of a whole must add up to it, a rate must be its numerator
 * over its denominator as printed, and a figure compared with the suite's data must equal it. A set is saved with what
 * its check found; reading it checks it again against the data of that moment.
 */
@ApplicationScoped
@Transactional
public class FigureCheckService {

    @Inject
    CallerScope scope;

    @Inject
    EntityManager entityManager;

    @Inject
    Standards standards;

    @Inject
    RateService rates;

    @Inject
    PovertyIncidences incidences;

    @Inject
    HouseholdStates households;

    @Inject
    FigureCheckRepository repository;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    public FigureCheckApi.FigureCheck check(FigureCheckApi.Request request) {
        List<Violation> violations = new ArrayList<>();
        KnownDivision division = entityManager.find(KnownDivision.class, request.divisionCode());
        if (division == null || !scope.covers(request.divisionCode())) {
            // a division outside the caller's region answers like one that does not exist
            violations.add(Violation.of(
                    "divisionCode",
                    "UNKNOWN_DIVISION",
                    "problem.figure-check.unknown-division",
                    request.divisionCode()));
        }
        violations.addAll(FigureArithmetic.violations(request));
        violations.addAll(unknownIndicators(request));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        FigureCheckRepository.Stored set = new FigureCheckRepository.Stored(
                UUID.randomUUID(),
                request.divisionCode(),
                request.year(),
                request.asOf(),
                request.title(),
                request.source(),
                json(request.figures()),
                json(FigureArithmetic.relations(request)),
                json(FigureArithmetic.comparisons(request)),
                clock.instant(),
                scope.subject());
        FigureCheckApi.FigureCheck checked = checked(set, division);
        repository.save(set, checked.checks().size(), checked.contradictions());
        return checked;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FigureCheckApi.FigureCheck get(UUID id) {
        FigureCheckRepository.Stored set = repository
                .find(id, scope.division())
                .orElseThrow(() -> ProblemException.notFound("figure-check.not-found", id));
        return checked(set, entityManager.find(KnownDivision.class, set.divisionCode()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FigureCheckApi.Summary> list(String division, Integer year, PageRequest page) {
        String region =
                scope.narrow(division).orElseThrow(() -> ProblemException.notFound("division.not-found", division));
        return repository.list(region, year, page);
    }

    /** Divisions whose declared households or population of a year differ from what is registered, or all of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FigureCheckApi.PopulationBaseDifference> populationBases(String division, int year, boolean all) {
        String region =
                scope.narrow(division).orElseThrow(() -> ProblemException.notFound("division.not-found", division));
        return repository.populationBases(region, year).stream()
                .map(b -> new FigureCheckApi.PopulationBaseDifference(
                        b.divisionCode(),
                        b.divisionName(),
                        b.year(),
                        b.declaredHouseholds(),
                        b.registeredHouseholds(),
                        b.declaredPopulation(),
                        b.registeredPeople(),
                        b.declaredHouseholds() == b.registeredHouseholds(),
                        b.declaredPopulation() == b.registeredPeople()))
                .filter(d -> all || !d.householdsAgree() || !d.populationAgrees())
                .toList();
    }

    private FigureCheckApi.FigureCheck checked(FigureCheckRepository.Stored set, KnownDivision division) {
        List<FigureCheckApi.Figure> figures = read(set.figures(), new TypeReference<>() {});
        List<FigureCheckApi.Relation> relations = read(set.relations(), new TypeReference<>() {});
        List<FigureCheckApi.Comparison> comparisons = read(set.comparisons(), new TypeReference<>() {});
        List<FigureCheckApi.Check> checks = new ArrayList<>(FigureArithmetic.relations(figures, relations));
        Map<String, FigureCheckApi.Figure> byCode = FigureArithmetic.byCode(figures);
        Registered registered = new Registered(set.divisionCode(), set.asOf());
        for (FigureCheckApi.Comparison comparison : comparisons) {
            checks.add(registered.check(byCode.get(comparison.figure()), comparison));
        }
        int contradictions = (int) checks.stream().filter(c -> !c.holds()).count();
        return new FigureCheckApi.FigureCheck(
                set.id(),
                set.divisionCode(),
                division == null ? null : division.name,
                set.year(),
                set.asOf(),
                set.title(),
                set.source(),
                set.createdAt(),
                set.createdBy(),
                clock.instant(),
                contradictions,
                checks,
                figures,
                relations,
                comparisons);
    }

    /** The suite's figures of one division and day, each read once for a set. */
    private final class Registered {

        private final String division;
        private final LocalDate asOf;
        private RateApi.PovertyIncidence incidence;
        private HouseholdStates.Counts living;
        private final Map<String, RateApi.RateReport> reports = new HashMap<>();

        Registered(String division, LocalDate asOf) {
            this.division = division;
            this.asOf = asOf;
        }

        FigureCheckApi.Check check(FigureCheckApi.Figure figure, FigureCheckApi.Comparison c) {
            int decimals = c.decimals() == null ? FigureArithmetic.DEFAULT_DECIMALS : c.decimals();
            return switch (c.measure()) {
                case HOUSEHOLDS -> count(figure, "系统登记户数", living().households());
                case PEOPLE -> count(figure, "系统登记在户人口", living().people());
                case BASE_POPULATION -> {
                    Long base = incidence().basePopulation();
                    yield FigureArithmetic.registered(
                            figure, "基期农业户籍人口", base == null ? null : BigDecimal.valueOf(base), false, decimals);
                }
                case NOT_EXITED_HOUSEHOLDS ->
                    count(figure, "系统未脱贫户数", incidence().notExitedHouseholds());
                case NOT_EXITED_PEOPLE -> count(figure, "系统未脱贫人口", incidence().notExitedPeople());
                case PLANNED_EXIT_HOUSEHOLDS ->
                    count(figure, "系统预脱贫户数", incidence().plannedExitHouseholds());
                case PLANNED_EXIT_PEOPLE -> count(figure, "系统预脱贫人口", incidence().plannedExitPeople());
                case POVERTY_INCIDENCE -> povertyIncidence(figure, incidence().notExitedPeople(), decimals, "系统贫困发生率");
                case POVERTY_INCIDENCE_AFTER_PLANNED_EXITS ->
                    povertyIncidence(
                            figure,
                            incidence().notExitedPeople() - incidence().plannedExitPeople(),
                            decimals,
                            "系统预脱贫户脱贫后贫困发生率");
                case MONITORED_HOUSEHOLDS, EVER_MONITORED_HOUSEHOLDS, STABLE_EXITED_HOUSEHOLDS ->
                    count(figure, monitoringWhat(c, "户数"), monitoring(c).households());
                case MONITORED_PEOPLE, EVER_MONITORED_PEOPLE, STABLE_EXITED_PEOPLE ->
                    count(figure, monitoringWhat(c, "人数"), monitoring(c).people());
                default -> indicator(figure, c, decimals);
            };
        }

        private FigureCheckApi.Check count(FigureCheckApi.Figure figure, String what, long value) {
            return FigureArithmetic.registered(figure, what, BigDecimal.valueOf(value), false, 0);
        }

        private FigureCheckApi.Check povertyIncidence(
                FigureCheckApi.Figure figure, long people, int decimals, String what) {
            Long base = incidence().basePopulation();
            BigDecimal rate = base == null
                    ? null
                    : FigureArithmetic.percent(BigDecimal.valueOf(people), BigDecimal.valueOf(base), decimals);
            return FigureArithmetic.registered(figure, what, rate, true, decimals);
        }

        private FigureCheckApi.Check indicator(
                FigureCheckApi.Figure figure, FigureCheckApi.Comparison c, int decimals) {
            RateApi.RateReport report = reports.computeIfAbsent(c.standard(), s -> rates.rates(s, division, asOf));
            RateApi.IndicatorRate rate = report.indicators().stream()
                    .filter(i -> i.indicatorCode().equals(c.indicator()))
                    .findFirst()
                    .orElseThrow();
            String name = c.standard() + " " + rate.name();
            return switch (c.measure()) {
                case INDICATOR_POPULATION -> count(figure, name + "总体", rate.population());
                case INDICATOR_EXCLUDED ->
                    count(
                            figure,
                            name + "排除项 " + c.exclusion(),
                            rate.exclusions().stream()
                                    .filter(e -> e.code().equals(c.exclusion()))
                                    .mapToLong(RateApi.ExclusionCount::count)
                                    .sum());
                case INDICATOR_DENOMINATOR -> count(figure, name + "分母", rate.denominator());
                case INDICATOR_NUMERATOR -> count(figure, name + "分子（达标）", rate.numerator());
                case INDICATOR_FAILING_HOUSEHOLDS -> count(figure, name + "未达标户数", rate.failingHouseholds());
                case INDICATOR_RATE ->
                    FigureArithmetic.registered(
                            figure,
                            name + "达标率",
                            FigureArithmetic.percent(
                                    BigDecimal.valueOf(rate.numerator()),
                                    BigDecimal.valueOf(rate.denominator()),
                                    decimals),
                            true,
                            decimals);
                default -> throw new IllegalStateException("Not an indicator measure: " + c.measure());
            };
        }

        private RateApi.PovertyIncidence incidence() {
            if (incidence == null) {
                incidence = incidences.of(division, asOf);
            }
            return incidence;
        }

        private HouseholdStates.Counts monitoring(FigureCheckApi.Comparison c) {
            HouseholdStates.Standing standing = c.measure().name().startsWith("STABLE_EXITED")
                    ? HouseholdStates.Standing.STABLE_EXITED
                    : c.measure().name().startsWith("EVER_")
                            ? HouseholdStates.Standing.EVER_MONITORED
                            : HouseholdStates.Standing.MONITORED;
            return households.standing(division, standing, c.category(), c.identifiedYear());
        }

        private static String monitoringWhat(FigureCheckApi.Comparison c, String unit) {
            String what = c.measure().name().startsWith("STABLE_EXITED")
                    ? "系统稳定脱贫"
                    : c.measure().name().startsWith("EVER_") ? "系统曾纳入监测" : "系统未消除风险监测";
            String category = c.category() == null
                    ? ""
                    : switch (c.category()) {
                        case "UNSTABLE_EXITED" -> "（脱贫不稳定户）";
                        case "EDGE_AT_RISK" -> "（边缘易致贫户）";
                        default -> "（突发严重困难户）";
                    };
            String year = c.identifiedYear() == null ? "" : "（" + c.identifiedYear() + " 年识别）";
            return what + category + year + unit;
        }

        private HouseholdStates.Counts living() {
            if (living == null) {
                living = households.living(division, asOf);
            }
            return living;
        }
    }

    /** Comparisons naming a standard that does not exist or an indicator it does not count households or people by. */
    private List<Violation> unknownIndicators(FigureCheckApi.Request request) {
        List<Violation> violations = new ArrayList<>();
        List<FigureCheckApi.Comparison> comparisons = FigureArithmetic.comparisons(request);
        for (int i = 0; i < comparisons.size(); i++) {
            FigureCheckApi.Comparison c = comparisons.get(i);
            if (!c.measure().name().startsWith("INDICATOR_") || c.standard() == null || c.indicator() == null) {
                continue;
            }
            Standards.Current standard = standards.current(c.standard()).orElse(null);
            if (standard == null) {
                violations.add(Violation.of(
                        "comparisons[" + i + "].standard",
                        "UNKNOWN_STANDARD",
                        "problem.figure-check.unknown-standard",
                        c.standard()));
                continue;
            }
            boolean counted = standard.standard().definition().indicators().stream()
                    .anyMatch(d -> d.code().equals(c.indicator()) && d.unit() != StandardDefinition.Unit.DIVISION);
            if (!counted) {
                violations.add(Violation.of(
                        "comparisons[" + i + "].indicator",
                        "UNKNOWN_INDICATOR",
                        "problem.figure-check.unknown-indicator",
                        c.standard(),
                        c.indicator()));
            }
        }
        return violations;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A saved figure set is not valid JSON", e);
        }
    }
}
