package cn.ruralwatch.report.overview;

import cn.ruralwatch.access.DivisionCodes;
import cn.ruralwatch.directory.KnownDivision;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Household figures of a division and of each division one level down, counted from the read models in one pass. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BreakdownService {

    @Inject
    OverviewQueries queries;

    @Inject
    OverviewService overviews;

    /** Running counts of one division. */
    public static final class Counts {
        long households;
        long members;
        final Map<String, Long> byPovertyStatus = new TreeMap<>();
        long monitored;
        final Map<String, Long> byCategory = new TreeMap<>();
        long atRisk;
        long evaluated;
        long meeting;
        long migrantWorkers;

        public Breakdown.Row row(KnownDivision division) {
            return new Breakdown.Row(
                    division == null ? null : new Overview.DivisionRef(division.code, division.name, division.level),
                    households,
                    members,
                    byPovertyStatus,
                    monitored,
                    byCategory,
                    atRisk,
                    evaluated,
                    meeting,
                    migrantWorkers,
                    null);
        }

        /** The figures by name, as reconciliation compares them. */
        public Map<String, Long> figures() {
            return row(null).figures();
        }

        public void add(Counts other) {
            households += other.households;
            members += other.members;
            other.byPovertyStatus.forEach((k, v) -> byPovertyStatus.merge(k, v, Long::sum));
            monitored += other.monitored;
            other.byCategory.forEach((k, v) -> byCategory.merge(k, v, Long::sum));
            atRisk += other.atRisk;
            evaluated += other.evaluated;
            meeting += other.meeting;
            migrantWorkers += other.migrantWorkers;
        }
    }

    public Breakdown breakdown(String code) {
        KnownDivision division = overviews.division(code);
        List<KnownDivision> children = code.length() == 12 ? List.of() : queries.children(code);
        // a province by its cities, a city by its counties, a county by its townships, a township by its villages
        Map<String, Counts> counts = counts(code, code.length() == 12 ? 12 : DivisionCodes.childLength(code));
        Counts total = new Counts();
        counts.values().forEach(total::add);
        List<Breakdown.Row> rows = new ArrayList<>();
        children.forEach(child -> rows.add(
                counts.getOrDefault(child.code, new Counts()).row(child).withLists()));
        return new Breakdown(total.row(division).withLists(), rows);
    }

    /**
     * The figures of the households in a division's subtree, grouped by the first {@code length} digits of their
     * village code (9: by township, 12: by village). Evaluations count for households that exist (a merged household's
     * results are gone from indicator-service too).
     */
    public Map<String, Counts> counts(String code, int length) {
        Map<String, Counts> counts = new TreeMap<>();
        for (OverviewQueries.VillageSummary village : queries.villageSummaries(code, length)) {
            Counts c = counts.computeIfAbsent(village.division(), k -> new Counts());
            c.households += village.households();
            c.members += village.members();
            counted(village.byPovertyStatus()).forEach((status, n) -> c.byPovertyStatus.merge(status, n, Long::sum));
            c.monitored += village.monitored();
            counted(village.byCategory()).forEach((category, n) -> c.byCategory.merge(category, n, Long::sum));
            c.atRisk += village.atRisk();
            c.evaluated += village.evaluated();
            c.meeting += village.meeting();
            c.migrantWorkers += village.migrantWorkers();
        }
        return counts;
    }

    private static final TypeReference<Map<String, Long>> COUNTED = new TypeReference<>() {};

    @Inject
    ObjectMapper mapper;

    /** A summary's counts by status or category. */
    private Map<String, Long> counted(String json) {
        try {
            return mapper.readValue(json, COUNTED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a village summary holds no counts: " + json, e);
        }
    }
}
