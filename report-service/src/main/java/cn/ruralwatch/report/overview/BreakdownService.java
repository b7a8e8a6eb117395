package cn.ruralwatch.report.overview;

import cn.ruralwatch.directory.KnownDivision;
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
                    meeting);
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
        children.forEach(
                child -> rows.add(counts.getOrDefault(child.code, new Counts()).row(child)));
        return new Breakdown(total.row(division), rows);
    }

    /**
     * The figures of the households in a division's subtree, grouped by the first {@code length} digits of their
     * village code (9: by township, 12: by village). Evaluations count for households that exist (a merged household's
     * results are gone from indicator-service too).
     */
    public Map<String, Counts> counts(String code, int length) {
        Map<String, Counts> counts = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> households = entityManager
                .createNativeQuery("""
                        select substr(village_code, 1, ?2), poverty_status, monitoring_category, risk_state,
                               count(*), coalesce(sum(members), 0)
                        from report_household where active and village_code like ?1
                        group by 1, 2, 3, 4
                        """)
                .setParameter(1, code + "%")
                .setParameter(2, length)
                .getResultList();
        for (Object[] r : households) {
            Counts c = counts.computeIfAbsent((String) r[0], k -> new Counts());
            long count = ((Number) r[4]).longValue();
            c.households += count;
            c.members += ((Number) r[5]).longValue();
            if (r[1] != null) {
                c.byPovertyStatus.merge((String) r[1], count, Long::sum);
            }
            if (r[2] != null) {
                c.monitored += count;
                c.byCategory.merge((String) r[2], count, Long::sum);
                if ("AT_RISK".equals(r[3])) {
                    c.atRisk += count;
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> evaluations = entityManager
                .createNativeQuery("""
                        select substr(village_code, 1, ?2), count(*), count(*) filter (where all_met) from (
                            select e.household_id, min(e.village_code) as village_code, bool_and(e.all_met) as all_met
                            from report_evaluation e join report_household h on h.household_id = e.household_id
                            where h.active and e.village_code like ?1 group by e.household_id) h
                        group by 1
                        """)
                .setParameter(1, code + "%")
                .setParameter(2, length)
                .getResultList();
        for (Object[] r : evaluations) {
            Counts c = counts.computeIfAbsent((String) r[0], k -> new Counts());
            c.evaluated += ((Number) r[1]).longValue();
            c.meeting += ((Number) r[2]).longValue();
        }
        return counts;
    }
}
