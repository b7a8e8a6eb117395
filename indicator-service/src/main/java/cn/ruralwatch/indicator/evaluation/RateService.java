package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.indicator.parameter.ParameterValues;
import cn.ruralwatch.indicator.standard.StandardDefinition;
import cn.ruralwatch.indicator.standard.StandardService;
import cn.ruralwatch.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rates of a standard's indicators for any division, now or as of the end of a past day: numerator, denominator and
 * each exclusion, as the reports define them; the households behind every rate; and 贫困发生率 against the division's
 * base population.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
@SuppressWarnings("unchecked")
public class RateService {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    StandardService standards;

    @Inject
    ParameterValues parameters;

    @Inject
    ObjectMapper mapper;

    /** The base of 贫困发生率 named in the Guangxi standards; other standards may declare it too. */
    public static final String BASE_YEAR_PARAMETER = "povertyIncidenceBaseYear";

    /** The division a caller asks for, narrowed to what the caller may see; 404 when the two do not overlap. */
    public String division(String requested) {
        return scope.narrow(requested).orElseThrow(() -> ProblemException.notFound("division.not-found", requested));
    }

    /** Every household- and member-counted indicator of a standard in a division. */
    public RateApi.RateReport rates(String standardCode, String requestedDivision, LocalDate asOf) {
        String division = division(requestedDivision);
        StandardDefinition definition = standards.get(standardCode, null).definition();
        Map<String, long[]> sums = new HashMap<>();
        Query totals = entityManager.createNativeQuery(
                "select indicator_code, sum(numerator), sum(denominator), count(*) filter (where numerator < denominator)"
                        + " from " + source(asOf) + " r group by indicator_code",
                Object[].class);
        for (Object[] row :
                (List<Object[]>) bind(totals, standardCode, division, asOf).getResultList()) {
            sums.put((String) row[0], new long[] {
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).longValue()
            });
        }
        Map<String, Map<String, Long>> excluded = new HashMap<>();
        Query exclusions = entityManager.createNativeQuery(
                "select r.indicator_code, e.key, sum(cast(e.value as int)) from " + source(asOf)
                        + " r cross join lateral jsonb_each_text(r.exclusions) e"
                        + " where r.exclusions is not null group by 1, 2",
                Object[].class);
        for (Object[] row :
                (List<Object[]>) bind(exclusions, standardCode, division, asOf).getResultList()) {
            excluded.computeIfAbsent((String) row[0], k -> new HashMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        List<RateApi.IndicatorRate> rates = new ArrayList<>();
        for (StandardDefinition.IndicatorDefinition indicator : definition.indicators()) {
            if (indicator.unit() == StandardDefinition.Unit.DIVISION) {
                continue;
            }
            long[] s = sums.getOrDefault(indicator.code(), new long[3]);
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
                    s[1] + excludedTotal,
                    exclusionCounts,
                    s[1],
                    s[0],
                    percent(s[0], s[1]),
                    s[2]));
        }
        return new RateApi.RateReport(
                division,
                divisionName(division),
                standardCode,
                asOf,
                rates,
                povertyIncidence(division, definition, asOf == null ? LocalDate.now(EvaluationService.ZONE) : asOf));
    }

    /** The households that do not meet an indicator (some of whose people do not, for a rate over people). */
    public Page<RateApi.FailingHousehold> failing(
            String standardCode, String indicatorCode, String requestedDivision, LocalDate asOf, PageRequest page) {
        String division = division(requestedDivision);
        indicator(standardCode, indicatorCode);
        Query count = entityManager.createNativeQuery("select count(*) from " + source(asOf)
                + " r where r.indicator_code = :indicator and r.numerator < r.denominator");
        long total = ((Number) bind(count, standardCode, division, asOf)
                        .setParameter("indicator", indicatorCode)
                        .getSingleResult())
                .longValue();
        Query rows = entityManager.createNativeQuery(
                "select r.household_id, r.village_code, d.name, r.numerator, r.denominator, cast(r.reasons as text)"
                        + " from " + source(asOf) + " r left join known_division d on d.code = r.village_code"
                        + " where r.indicator_code = :indicator and r.numerator < r.denominator"
                        + " order by r.village_code, r.household_id offset :offset limit :limit",
                Object[].class);
        List<Object[]> found = bind(rows, standardCode, division, asOf)
                .setParameter("indicator", indicatorCode)
                .setParameter("offset", page.offset())
                .setParameter("limit", page.size())
                .getResultList();
        return page.page(
                found.stream()
                        .map(r -> new RateApi.FailingHousehold(
                                (UUID) r[0],
                                (String) r[1],
                                (String) r[2],
                                ((Number) r[3]).intValue(),
                                ((Number) r[4]).intValue(),
                                reasons((String) r[5])))
                        .toList(),
                total);
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
        String where = """
                 from indicator_result_history h left join known_division d on d.code = h.village_code
                where h.standard_code = ?1 and h.indicator_code = ?2 and h.village_code like ?3 || '%'
                  and h.evaluated_at >= ?4 and h.evaluated_at < ?5 and h.met = ?6 and h.previously_met = ?7
                  and h.denominator > 0""";
        Query count = entityManager.createNativeQuery("select count(*)" + where);
        Query rows = entityManager.createNativeQuery(
                "select h.household_id, h.village_code, d.name, h.evaluated_at, h.met, cast(h.reasons as text)" + where
                        + " order by h.evaluated_at, h.id offset ?8 limit ?9",
                Object[].class);
        for (Query q : List.of(count, rows)) {
            q.setParameter(1, standardCode)
                    .setParameter(2, indicatorCode)
                    .setParameter(3, division)
                    .setParameter(4, startOf(from))
                    .setParameter(5, startOf(to.plusDays(1)))
                    .setParameter(6, !stoppedMeeting)
                    .setParameter(7, stoppedMeeting);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<Object[]> found =
                rows.setParameter(8, page.offset()).setParameter(9, page.size()).getResultList();
        return page.page(
                found.stream()
                        .map(r -> new RateApi.ResultChange(
                                (UUID) r[0],
                                (String) r[1],
                                (String) r[2],
                                StandardService.toInstant(r[3]),
                                (Boolean) r[4],
                                reasons((String) r[5])))
                        .toList(),
                total);
    }

    private StandardDefinition.IndicatorDefinition indicator(String standardCode, String indicatorCode) {
        return standards.get(standardCode, null).definition().indicators().stream()
                .filter(i -> i.code().equals(indicatorCode) && i.unit() != StandardDefinition.Unit.DIVISION)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("indicator.not-found", standardCode, indicatorCode));
    }

    /**
     * The results to aggregate: the current ones, or for a past day the latest change of each household's result
     * made before the day ended (China time).
     */
    private static String source(LocalDate asOf) {
        if (asOf == null) {
            return "(select * from indicator_result where standard_code = :standard and village_code like :division || '%')";
        }
        return """
                (select distinct on (household_id, indicator_code) household_id, indicator_code, village_code, met,
                        numerator, denominator, exclusions, reasons
                 from indicator_result_history
                 where standard_code = :standard and village_code like :division || '%' and evaluated_at < :asOf
                 order by household_id, indicator_code, evaluated_at desc, id desc)""";
    }

    private static Query bind(Query query, String standardCode, String division, LocalDate asOf) {
        query.setParameter("standard", standardCode).setParameter("division", division);
        if (asOf != null) {
            query.setParameter("asOf", startOf(asOf.plusDays(1)));
        }
        return query;
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(EvaluationService.ZONE).toInstant());
    }

    /** 贫困发生率: people of households not yet exited (未脱贫, 预脱贫 included) over the base agricultural population. */
    private RateApi.PovertyIncidence povertyIncidence(String division, StandardDefinition definition, LocalDate on) {
        Object[] counts = (Object[]) entityManager
                .createNativeQuery("""
                        select count(*) filter (where poverty_status in ('NOT_EXITED', 'PLANNED_EXIT')),
                               coalesce(sum(people) filter (where poverty_status in ('NOT_EXITED', 'PLANNED_EXIT')), 0),
                               coalesce(sum(people) filter (where poverty_status = 'PLANNED_EXIT'), 0)
                        from household_projection where village_code like ?1 || '%' and state is not null""", Object[].class)
                .setParameter(1, division)
                .getSingleResult();
        boolean declaresBase =
                definition.parameters().stream().anyMatch(p -> p.name().equals(BASE_YEAR_PARAMETER));
        Integer baseYear = declaresBase
                ? parameters
                        .resolve(BASE_YEAR_PARAMETER, division, on.getYear())
                        .map(v -> v.value().intValue())
                        .orElse(null)
                : null;
        BasePopulation base = basePopulation(division, baseYear, on.getYear());
        long notExitedPeople = ((Number) counts[1]).longValue();
        long plannedExitPeople = ((Number) counts[2]).longValue();
        return new RateApi.PovertyIncidence(
                ((Number) counts[0]).longValue(),
                notExitedPeople,
                plannedExitPeople,
                base == null ? null : base.year(),
                base == null ? null : base.population(),
                base == null ? null : percent(notExitedPeople, base.population()),
                base == null ? null : percent(notExitedPeople - plannedExitPeople, base.population()));
    }

    record BasePopulation(int year, long population) {}

    /**
     * The division's agricultural population of the base year (the latest year up to {@code year} when no base year is
     * set); a division without its own figure adds up its villages'.
     */
    BasePopulation basePopulation(String division, Integer baseYear, int year) {
        List<Object[]> own = entityManager
                .createNativeQuery("""
                        select year, agricultural_population from division_population
                        where code = ?1 and (?2 = 0 and year <= ?3 or year = ?2) order by year desc limit 1""", Object[].class)
                .setParameter(1, division)
                .setParameter(2, baseYear == null ? 0 : baseYear)
                .setParameter(3, year)
                .getResultList();
        if (!own.isEmpty()) {
            return new BasePopulation(
                    ((Number) own.getFirst()[0]).intValue(), ((Number) own.getFirst()[1]).longValue());
        }
        List<Object[]> villages = entityManager
                .createNativeQuery("""
                        select max(year), sum(agricultural_population) from (
                            select distinct on (code) code, year, agricultural_population from division_population
                            where code like ?1 || '%' and length(code) = 12 and (?2 = 0 and year <= ?3 or year = ?2)
                            order by code, year desc) v having count(*) > 0""", Object[].class)
                .setParameter(1, division)
                .setParameter(2, baseYear == null ? 0 : baseYear)
                .setParameter(3, year)
                .getResultList();
        return villages.isEmpty()
                ? null
                : new BasePopulation(
                        ((Number) villages.getFirst()[0]).intValue(), ((Number) villages.getFirst()[1]).longValue());
    }

    /** The agricultural population of a division's villages in a year, added up (0 when none is entered). */
    public long villagesBasePopulation(String division, int year) {
        return ((Number) entityManager
                        .createNativeQuery("""
                                select coalesce(sum(agricultural_population), 0) from division_population
                                where code like ?1 || '%' and length(code) = 12 and year = ?2""")
                        .setParameter(1, division)
                        .setParameter(2, year)
                        .getSingleResult())
                .longValue();
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
