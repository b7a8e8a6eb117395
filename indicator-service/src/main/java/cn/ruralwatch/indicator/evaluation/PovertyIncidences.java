package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.indicator.households.DivisionPopulations;
import cn.ruralwatch.indicator.households.HouseholdStates;
import cn.ruralwatch.indicator.parameter.ParameterValues;
import cn.ruralwatch.time.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 贫困发生率, one definition whatever standard asks: the people of households not yet exited (未脱贫, 预脱贫 included)
 * that live in the division, as they stood at the end of the day asked (today when none), over the division's
 * agricultural population (农业户籍人口) of the base year set for the division and that day's year (parameter {@code
 * povertyIncidenceBaseYear}; without one, the latest figure up to that year). The base is the figure entered for the
 * division asked; only a division without its own figure adds up its parts (townships, villages), and only when every
 * part has one: with any part missing there is no base, and the parts without one are named.
 */
@ApplicationScoped
public class PovertyIncidences {

    /** The parameter naming the base year, as the Guangxi standards declare it. */
    public static final String BASE_YEAR_PARAMETER = "povertyIncidenceBaseYear";

    @Inject
    HouseholdStates households;

    @Inject
    DivisionPopulations populations;

    @Inject
    ParameterValues parameters;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** The rate of a division now ({@code asOf} null) or at the end of a past day. */
    public RateApi.PovertyIncidence of(String division, LocalDate asOf) {
        LocalDate on = asOf == null ? ChinaTime.today(clock) : asOf;
        HouseholdStates.NotExited counts = households.notExited(division, asOf);
        Integer baseYear = parameters
                .resolve(BASE_YEAR_PARAMETER, division, on.getYear())
                .map(v -> v.value().intValue())
                .orElse(null);
        Base base = base(division, baseYear == null ? 0 : baseYear, on.getYear());
        boolean known = base.missing().isEmpty() && base.population() > 0;
        // a region whose province declares no base year (no 贫困发生率 parameter) has no year unless a base was found
        Integer year = known ? Integer.valueOf(baseYear == null ? base.year() : baseYear) : baseYear;
        return new RateApi.PovertyIncidence(
                on,
                counts.households(),
                counts.people(),
                counts.plannedExitHouseholds(),
                counts.plannedExitPeople(),
                year,
                known ? base.population() : null,
                known ? base.source() : null,
                base.missing(),
                known ? RateService.percent(counts.people(), base.population()) : null,
                known ? RateService.percent(counts.people() - counts.plannedExitPeople(), base.population()) : null);
    }

    /** A base: the population, the latest year it was taken from, how, and the divisions lacking a figure. */
    private record Base(long population, int year, RateApi.BaseSource source, List<String> missing) {}

    private Base base(String division, int baseYear, int year) {
        Map<String, DivisionPopulations.Entered> entered = new HashMap<>();
        populations.subtree(division, baseYear, year).forEach(e -> entered.put(e.code(), e));
        Map<String, List<String>> children = new HashMap<>();
        entityManager
                .createQuery(
                        "from KnownDivision where code like :prefix and level <> 'HAMLET' order by code",
                        KnownDivision.class)
                .setParameter("prefix", division + "%")
                .getResultList()
                .forEach(d -> {
                    if (d.parentCode != null && !d.code.equals(division)) {
                        children.computeIfAbsent(d.parentCode, k -> new ArrayList<>())
                                .add(d.code);
                    }
                });
        return base(division, entered, children);
    }

    private static Base base(
            String code, Map<String, DivisionPopulations.Entered> entered, Map<String, List<String>> children) {
        DivisionPopulations.Entered own = entered.get(code);
        if (own != null) {
            return new Base(own.population(), own.year(), RateApi.BaseSource.OWN, List.of());
        }
        List<String> parts = children.getOrDefault(code, List.of());
        if (parts.isEmpty()) {
            return new Base(0, 0, null, List.of(code));
        }
        long population = 0;
        int latest = 0;
        List<String> missing = new ArrayList<>();
        for (String part : parts) {
            Base base = base(part, entered, children);
            missing.addAll(base.missing());
            population += base.population();
            latest = Math.max(latest, base.year());
        }
        return new Base(population, latest, RateApi.BaseSource.SUM_OF_PARTS, List.copyOf(missing));
    }
}
