package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.sql.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code report_household}: each household's head's name (户主姓名), poverty status, monitoring category, risk and
 * members as of its newest state; an older state (redelivered or reordered) changes nothing.
 */
@ApplicationScoped
public class HouseholdProjection {

    @Inject
    Sql sql;

    @Inject
    ObjectMapper mapper;

    @Inject
    VillageSummaries summaries;

    /** One household's state (a rebuild replays them one by one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(HouseholdState household) throws JsonProcessingException {
        apply(List.of(household));
    }

    /**
     * The states of a batch of events in a few statements whatever their number: each household's newest state in
     * the batch is written where it is newer than the one kept, and the villages it lives in and lived in are marked for
     * recounting. One round trip per event would make the projection wait on the database for every household of an
     * import.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<HouseholdState> states) throws JsonProcessingException {
        Map<String, HouseholdState> newest = new LinkedHashMap<>();
        for (HouseholdState state : states) {
            newest.merge(state.householdId(), state, (kept, other) -> other.version() > kept.version() ? other : kept);
        }
        if (newest.isEmpty()) {
            return;
        }
        int n = newest.size();
        UUID[] ids = new UUID[n];
        Long[] versions = new Long[n];
        String[] villages = new String[n];
        String[] headNames = new String[n];
        Boolean[] active = new Boolean[n];
        String[] povertyStatus = new String[n];
        Integer[] exitYear = new Integer[n];
        String[] category = new String[n];
        String[] riskState = new String[n];
        Integer[] identifiedYear = new Integer[n];
        String[] riskTypes = new String[n];
        Integer[] members = new Integer[n];
        Boolean[] minimumLiving = new Boolean[n];
        Boolean[] extremePoverty = new Boolean[n];
        Integer[] pastMonitoring = new Integer[n];
        Integer[] migrantWorkers = new Integer[n];
        Integer[] agriculturalMembers = new Integer[n];
        Boolean[] agricultural = new Boolean[n];
        String[] housing = new String[n];
        String[] monitoredSince = new String[n];
        String[] riskEliminatedOn = new String[n];
        int i = 0;
        for (HouseholdState household : newest.values()) {
            HouseholdState.Monitoring monitoring = household.monitoring();
            ids[i] = UUID.fromString(household.householdId());
            versions[i] = household.version();
            villages[i] = household.villageCode();
            headNames[i] = headName(household);
            active[i] = "ACTIVE".equals(household.status());
            povertyStatus[i] = household.povertyStatus();
            exitYear[i] = household.exitYear();
            category[i] = monitoring == null ? null : monitoring.category();
            riskState[i] = monitoring == null ? null : monitoring.riskState();
            identifiedYear[i] = monitoring == null ? null : monitoring.identifiedYear();
            riskTypes[i] = mapper.writeValueAsString(monitoring == null ? List.of() : monitoring.riskTypes());
            members[i] = household.activeMembers().size();
            minimumLiving[i] = household.minimumLiving();
            extremePoverty[i] = household.extremePoverty();
            pastMonitoring[i] = household.pastMonitoring().size();
            migrantWorkers[i] = migrantWorkers(household);
            agriculturalMembers[i] = (int) household.members().stream()
                    .filter(m -> Boolean.TRUE.equals(m.agriculturalRegistration()))
                    .count();
            agricultural[i] = household.agriculturalHousehold();
            housing[i] = household.housing() == null ? null : mapper.writeValueAsString(household.housing());
            monitoredSince[i] = monitoring == null || monitoring.monitoredSince() == null
                    ? null
                    : monitoring.monitoredSince().toString();
            riskEliminatedOn[i] = monitoring == null || monitoring.riskEliminatedOn() == null
                    ? null
                    : monitoring.riskEliminatedOn().toString();
            i++;
        }
        // the villages they lived in, recounted too when a household moved
        List<String> before = sql.query(
                        "select distinct village_code from report_household where household_id = any(cast(:ids as uuid[]))")
                .bind("ids", ids)
                .column(String.class);
        List<String> written = sql.query("""
                        insert into report_household (household_id, version, village_code, head_name, active,
                                                      poverty_status, exit_year, monitoring_category, risk_state,
                                                      identified_year, risk_types, members, minimum_living,
                                                      extreme_poverty, past_monitoring, migrant_workers,
                                                      agricultural_members, agricultural, housing, monitored_since,
                                                      risk_eliminated_on)
                        select h.household_id, h.version, h.village_code, h.head_name, h.active, h.poverty_status,
                               h.exit_year, h.monitoring_category, h.risk_state, h.identified_year,
                               cast(h.risk_types as jsonb), h.members, h.minimum_living, h.extreme_poverty,
                               h.past_monitoring, h.migrant_workers, h.agricultural_members, h.agricultural,
                               cast(h.housing as jsonb), cast(h.monitored_since as date),
                               cast(h.risk_eliminated_on as date)
                        from unnest(cast(:ids as uuid[]), cast(:versions as bigint[]), cast(:villages as text[]),
                                    cast(:headNames as text[]), cast(:active as boolean[]),
                                    cast(:povertyStatus as text[]), cast(:exitYear as integer[]),
                                    cast(:category as text[]), cast(:riskState as text[]),
                                    cast(:identifiedYear as integer[]), cast(:riskTypes as text[]),
                                    cast(:members as integer[]), cast(:minimumLiving as boolean[]),
                                    cast(:extremePoverty as boolean[]), cast(:pastMonitoring as integer[]),
                                    cast(:migrantWorkers as integer[]), cast(:agriculturalMembers as integer[]),
                                    cast(:agricultural as boolean[]), cast(:housing as text[]),
                                    cast(:monitoredSince as text[]), cast(:riskEliminatedOn as text[]))
                             as h(household_id, version, village_code, head_name, active, poverty_status, exit_year,
                                  monitoring_category, risk_state, identified_year, risk_types, members, minimum_living,
                                  extreme_poverty, past_monitoring, migrant_workers, agricultural_members,
                                  agricultural, housing, monitored_since, risk_eliminated_on)
                        on conflict (household_id) do update
                        set version = excluded.version, village_code = excluded.village_code,
                            head_name = excluded.head_name, active = excluded.active,
                            poverty_status = excluded.poverty_status, exit_year = excluded.exit_year,
                            monitoring_category = excluded.monitoring_category, risk_state = excluded.risk_state,
                            identified_year = excluded.identified_year, risk_types = excluded.risk_types,
                            members = excluded.members, minimum_living = excluded.minimum_living,
                            extreme_poverty = excluded.extreme_poverty, past_monitoring = excluded.past_monitoring,
                            migrant_workers = excluded.migrant_workers,
                            agricultural_members = excluded.agricultural_members,
                            agricultural = excluded.agricultural, housing = excluded.housing,
                            monitored_since = excluded.monitored_since,
                            risk_eliminated_on = excluded.risk_eliminated_on
                        where report_household.version <= excluded.version
                        returning village_code
                        """)
                .bind("ids", ids)
                .bind("versions", versions)
                .bind("villages", villages)
                .bind("headNames", headNames)
                .bind("active", active)
                .bind("povertyStatus", povertyStatus)
                .bind("exitYear", exitYear)
                .bind("category", category)
                .bind("riskState", riskState)
                .bind("identifiedYear", identifiedYear)
                .bind("riskTypes", riskTypes)
                .bind("members", members)
                .bind("minimumLiving", minimumLiving)
                .bind("extremePoverty", extremePoverty)
                .bind("pastMonitoring", pastMonitoring)
                .bind("migrantWorkers", migrantWorkers)
                .bind("agriculturalMembers", agriculturalMembers)
                .bind("agricultural", agricultural)
                .bind("housing", housing)
                .bind("monitoredSince", monitoredSince)
                .bind("riskEliminatedOn", riskEliminatedOn)
                .column(String.class);
        if (!written.isEmpty()) {
            Set<String> touched = new TreeSet<>(written);
            touched.addAll(before);
            summaries.touched(touched.toArray(String[]::new));
        }
    }

    /**
     * The head's name as household-service sends it; none when it sends none (no head in the household, or a state
     * published before events carried the name).
     */
    private static String headName(HouseholdState household) {
        String name = household.headName();
        return name == null || name.isBlank() ? null : name.strip();
    }

    /**
     * 外出务工 of a 脱贫户 (建档立卡) or 监测户: the members living in it who work away from home (外出务工, or, in states
     * from before the kind of work was kept, work outside the county); other households count none.
     */
    static int migrantWorkers(HouseholdState household) {
        boolean counted = household.monitoring() != null
                || (household.povertyStatus() != null
                        && List.of("NOT_EXITED", "PLANNED_EXIT", "EXITED").contains(household.povertyStatus()));
        if (!counted || !"ACTIVE".equals(household.status())) {
            return 0;
        }
        return (int) household.activeMembers().stream()
                .filter(m -> "MIGRANT_WORK".equals(m.employmentKind())
                        || (m.employmentKind() == null
                                && m.employmentLocation() != null
                                && List.of("IN_PROVINCE", "OUT_OF_PROVINCE").contains(m.employmentLocation())))
                .count();
    }
}
