package cn.ruralwatch.household.counts;

import cn.ruralwatch.counts.HouseholdCounts;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registered households of each village, counted the way report-service reconciles its own counts. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HouseholdCountQueries {

    /** The active households of one village with one poverty status, monitoring category and risk state. */
    record Group(
            String villageCode,
            String povertyStatus,
            String monitoringCategory,
            String riskState,
            long households,
            long members) {}

    @Inject
    Sql sql;

    /** Active households (merged or dissolved ones are not counted) in the villages under the division code prefix. */
    public HouseholdCounts counts(String prefix) {
        List<Group> groups = sql.query("""
                        select h.village_code, h.poverty_status, h.monitoring_category, h.risk_state,
                               count(*) as households, coalesce(sum(m.living), 0) as members
                        from household h
                        cross join lateral (select count(*) as living from member m
                                            where m.household_id = h.id and m.status = 'ACTIVE') m
                        where h.status = 'ACTIVE' and h.village_code like :prefix
                        group by 1, 2, 3, 4 order by 1
                        """).bind("prefix", prefix + "%").list(Group.class);
        return new HouseholdCounts(prefix, villages(groups));
    }

    /** The groups summed per village, in the order of the village codes. */
    static List<HouseholdCounts.VillageHouseholds> villages(List<Group> groups) {
        Map<String, List<Group>> byVillage = new LinkedHashMap<>();
        groups.forEach(g -> byVillage
                .computeIfAbsent(g.villageCode(), v -> new ArrayList<>())
                .add(g));
        List<HouseholdCounts.VillageHouseholds> villages = new ArrayList<>();
        byVillage.forEach((village, its) -> {
            long households = 0;
            long members = 0;
            long monitored = 0;
            long atRisk = 0;
            Map<String, Long> byStatus = new TreeMap<>();
            Map<String, Long> byCategory = new TreeMap<>();
            for (Group g : its) {
                households += g.households();
                members += g.members();
                byStatus.merge(g.povertyStatus(), g.households(), Long::sum);
                if (g.monitoringCategory() != null) {
                    monitored += g.households();
                    byCategory.merge(g.monitoringCategory(), g.households(), Long::sum);
                    if ("AT_RISK".equals(g.riskState())) {
                        atRisk += g.households();
                    }
                }
            }
            villages.add(new HouseholdCounts.VillageHouseholds(
                    village, households, members, byStatus, monitored, byCategory, atRisk));
        });
        return villages;
    }
}
