package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.indicator.households.DivisionPopulations;
import cn.ruralwatch.indicator.households.HouseholdStates;
import cn.ruralwatch.indicator.rules.StandardDefinition;
import cn.ruralwatch.indicator.standard.StandardService;
import cn.ruralwatch.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rates of a standard's indicators for any division, now or as of the end of a past day: numerator, denominator and
 * each exclusion, as the reports define them; the households behind every rate; and 贫困发生率 against the division's
 * base population.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RateService {

    @Inject
    EntityManager entityManager;

    @Inject
    ResultQueries results;

    @Inject
    HouseholdStates households;

    @Inject
    DivisionPopulations populations;

    @Inject
    CallerScope scope;

    @Inject
    StandardService standards;

    @Inject
    PovertyIncidences incidences;

    @Inject
    ObjectMapper mapper;

    /** The division a caller asks for, narrowed to what the caller may see; 404 when the two do not overlap. */
    public String division(String requested) {
        return scope.narrow(requested).orElseThrow(() -> ProblemException.notFound("division.not-found", requested));
    }

    /** Whether the standard's current results in the division are those of the households as they stand. */
    public RateApi.Freshness freshness(String standardCode, String division) {
        String region = standards.get(standardCode, null).definition().regionCode();
        HouseholdStates.Freshness f = households.freshness(standardCode, region == null ? "" : region, division);
        return new RateApi.Freshness(
                f.evaluated(),
                f.changedSince(),
                f.notEvaluated(),
                f.evaluatedFrom(),
                f.evaluatedTo(),
                f.changedSince() == 0 && f.notEvaluated() == 0);
    }

    /**
     * Every household- and member-counted indicator of a standard in a division; now with the results' freshness, or at
     * the end of a past day.
     */
    public RateApi.RateReport rates(String standardCode, String requestedDivision, LocalDate asOf) {
        String division = division(requestedDivision);
        StandardDefinition definition = standards.get(standardCode, null).definition();
        Map<String, ResultQueries.IndicatorSum> sums = new HashMap<>();
        for (ResultQueries.IndicatorSum sum : results.sums(standardCode, division, asOf)) {
            sums.put(sum.indicatorCode(), sum);
        }
        Map<String, Map<String, Long>> excluded = new HashMap<>();
        for (ResultQueries.ExclusionSum sum : results.exclusions(standardCode, division, asOf)) {
            excluded.computeIfAbsent(sum.indicatorCode(), k -> new HashMap<>()).put(sum.exclusion(), sum.count());
        }
        List<RateApi.IndicatorRate> rates = new ArrayList<>();
        for (StandardDefinition.IndicatorDefinition indicator : definition.indicators()) {
            if (indicator.unit() == StandardDefinition.Unit.DIVISION) {
                continue;
            }
            ResultQueries.IndicatorSum sum =
                    sums.getOrDefault(indicator.code(), new ResultQueries.IndicatorSum(indicator.code(), 0, 0, 0));
            Map<String, Long> byCode = excluded.getOrDefault(indicator.code(), Map.of());
            List<RateApi.ExclusionCount> exclusionCounts = indicator.exclusions().stream()
                    .map(e -> new RateApi.ExclusionCount(e.code(), e.name(), byCode.getOrDefault(e.code(), 0L)))
                    .toList();
            long excludedTotal = exclusionCounts.stream()
                    .mapToLong(RateApi.ExclusionCount::count)
                    .sum();
            rates.add(new RateApi.IndicatorRate(
                    indicator.code(),
                    indicator.name(),
                    indicator.unit(),
                    sum.denominator() + excludedTotal,
                    exclusionCounts,
                    sum.denominator(),
                    sum.numerator(),
                    percent(sum.numerator(), sum.denominator()),
                    sum.failing()));
        }
        return new RateApi.RateReport(
                division,
                divisionName(division),
                standardCode,
                asOf,
                rates,
                asOf == null ? freshness(standardCode, division) : null,
                incidences.of(division, asOf));
    }

    /** The households that do not meet an indicator (some of whose people do not, for a rate over people). */
    public Page<RateApi.FailingHousehold> failing(
            String standardCode, String indicatorCode, String requestedDivision, LocalDate asOf, PageRequest page) {
        String division = division(requestedDivision);
        indicator(standardCode, indicatorCode);
        return results.failing(standardCode, indicatorCode, division, asOf, page)
                .map(r -> new RateApi.FailingHousehold(
                        r.householdId(),
                        r.headName(),
                        r.villageCode(),
                        r.villageName(),
                        r.numerator(),
                        r.denominator(),
                        reasons(r.reasons())));
    }

    /** Households whose result of an indicator changed in a period, e.g. those that stopped meeting it this month. */
    public Page<RateApi.ResultChange> changes(
            String standardCode,
            String indicatorCode,
            String requestedDivision,
            LocalDate from,
            LocalDate to,
            boolean stoppedMeeting,
            PageRequest page) {
        String division = division(requestedDivision);
        indicator(standardCode, indicatorCode);
        return results.changes(standardCode, indicatorCode, division, from, to, stoppedMeeting, page)
                .map(r -> new RateApi.ResultChange(
                        r.householdId(),
                        r.headName(),
                        r.villageCode(),
                        r.villageName(),
                        r.evaluatedAt(),
                        r.met(),
                        reasons(r.reasons())));
    }

    private StandardDefinition.IndicatorDefinition indicator(String standardCode, String indicatorCode) {
        return standards.get(standardCode, null).definition().indicators().stream()
                .filter(i -> i.code().equals(indicatorCode) && i.unit() != StandardDefinition.Unit.DIVISION)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("indicator.not-found", standardCode, indicatorCode));
    }

    /** The agricultural population of a division's villages in a year, added up (0 when none is entered). */
    public long villagesBasePopulation(String division, int year) {
        return populations.villagesOfYear(division, year);
    }

    String divisionName(String code) {
        KnownDivision division = entityManager.find(KnownDivision.class, code);
        return division == null ? null : division.name;
    }

    /** A rate in percent with two decimals, as the reports print it (98.39); null when nothing is counted. */
    static BigDecimal percent(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    private List<RateApi.Reason> reasons(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, new TypeReference<List<RateApi.Reason>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored reasons are not valid JSON", e);
        }
    }
}
