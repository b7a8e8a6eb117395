package cn.ruralwatch.report.overview;

import cn.ruralwatch.directory.KnownDivision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private static final class Counts {
        long households;
        long members;
        final Map<String, Long> byPovertyStatus = new TreeMap<>();
        long monitored;
        final Map<String, Long> byCategory = new TreeMap<>();
        long atRisk;
        long evaluated;
        long meeting;

        Breakdown.Row row(KnownDivision division) {
            return new Breakdown.Row(
                    new Overview.DivisionRef(division.code, division.name, division.level),
                    households,
                    members,
                    byPovertyStatus,
                    monitored,
                    byCategory,
                    atRisk,
                    evaluated,
                    meeting);
        }
    }

    public Breakdown breakdown(String code) {
        KnownDivision division = overviews.division(code);
        int childLength = code.length() == 6 ? 9 : 12;
        List<KnownDivision> children = code.length() == 12
                ? List.of()
                : entityManager
                        .createQuery(
                                "from KnownDivision d where d.parentCode = :code order by d.code", KnownDivision.class)
                        .setParameter("code", code)
                        .getResultList();
        Counts total = new Counts();
        Map<String, Counts> byChild = new LinkedHashMap<>();
        children.forEach(child -> byChild.put(child.code, new Counts()));
        @SuppressWarnings("unchecked")
        List<Object[]> households = entityManager
                .createNativeQuery("""
                        select substr(village_code, 1, ?2), poverty_status, monitoring_category, risk_state,
                               count(*), coalesce(sum(members), 0)
                        from report_household where active and village_code like ?1
                        group by 1, 2, 3, 4
                        """)
                .setParameter(1, code + "%")
                .setParameter(2, childLength)
                .getResultList();
        for (Object[] r : households) {
            long count = ((Number) r[4]).longValue();
            long members = ((Number) r[5]).longValue();
            for (Counts counts : targets(total, byChild.get((String) r[0]))) {
                counts.households += count;
                counts.members += members;
                if (r[1] != null) {
                    counts.byPovertyStatus.merge((String) r[1], count, Long::sum);
                }
                if (r[2] != null) {
                    counts.monitored += count;
                    counts.byCategory.merge((String) r[2], count, Long::sum);
                    if ("AT_RISK".equals(r[3])) {
                        counts.atRisk += count;
                    }
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> evaluations = entityManager
                .createNativeQuery("""
                        select substr(village_code, 1, ?2), count(*), count(*) filter (where all_met) from (
                            select household_id, min(village_code) as village_code, bool_and(all_met) as all_met
                            from report_evaluation where village_code like ?1 group by household_id) h
                        group by 1
                        """)
                .setParameter(1, code + "%")
                .setParameter(2, childLength)
                .getResultList();
        for (Object[] r : evaluations) {
            for (Counts counts : targets(total, byChild.get((String) r[0]))) {
                counts.evaluated += ((Number) r[1]).longValue();
                counts.meeting += ((Number) r[2]).longValue();
            }
        }
        List<Breakdown.Row> rows = new ArrayList<>();
        children.forEach(child -> rows.add(byChild.get(child.code).row(child)));
        return new Breakdown(total.row(division), rows);
    }

    /** The total, and the child the row belongs to where it is a known one. */
    private static List<Counts> targets(Counts total, Counts child) {
        return child == null ? List.of(total) : List.of(total, child);
    }
}
