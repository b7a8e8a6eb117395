package cn.ruralwatch.report.overview;

import cn.ruralwatch.directory.KnownDivision;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
    EntityManager entityManager;

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
        }
    }

    public Breakdown breakdown(String code) {
        KnownDivision division = overviews.division(code);
        List<KnownDivision> children = code.length() == 12
                ? List.of()
                : entityManager
                        .createQuery(
                                "from KnownDivision d where d.parentCode = :code order by d.code", KnownDivision.class)
                        .setParameter("code", code)
                        .getResultList();
        Map<String, Counts> counts = counts(code, code.length() == 6 ? 9 : 12);
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
        @SuppressWarnings("unchecked")
        List<Object[]> villages = entityManager
                .createNativeQuery("""
                        select substr(village_code, 1, ?2), households, members, cast(by_poverty_status as text),
                               monitored, cast(by_category as text), at_risk, evaluated, meeting
                        from report_village_summary where village_code like ?1
                        """)
                .setParameter(1, code + "%")
                .setParameter(2, length)
                .getResultList();
        for (Object[] r : villages) {
            Counts c = counts.computeIfAbsent((String) r[0], k -> new Counts());
            c.households += ((Number) r[1]).longValue();
            c.members += ((Number) r[2]).longValue();
            counted((String) r[3]).forEach((status, n) -> c.byPovertyStatus.merge(status, n, Long::sum));
            c.monitored += ((Number) r[4]).longValue();
            counted((String) r[5]).forEach((category, n) -> c.byCategory.merge(category, n, Long::sum));
            c.atRisk += ((Number) r[6]).longValue();
            c.evaluated += ((Number) r[7]).longValue();
            c.meeting += ((Number) r[8]).longValue();
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
