package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.HouseholdState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * {@code report_household}: each household's poverty status, monitoring category, risk and members as of its newest
 * state; an older state (redelivered or reordered) changes nothing.
 */
@ApplicationScoped
public class HouseholdProjection {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    VillageSummaries summaries;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(HouseholdState household) throws JsonProcessingException {
        HouseholdState.Monitoring monitoring = household.monitoring();
        // the village it lived in, recounted too when it moved
        String before = (String) entityManager
                .createNativeQuery("select village_code from report_household where household_id = ?1", String.class)
                .setParameter(1, UUID.fromString(household.householdId()))
                .getResultStream()
                .findFirst()
                .orElse(null);
        int written = entityManager
                .createNativeQuery("""
                        insert into report_household (household_id, version, village_code, active, poverty_status,
                                                      exit_year, monitoring_category, risk_state, identified_year,
                                                      risk_types, members, minimum_living, extreme_poverty)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as jsonb), ?11, ?12, ?13)
                        on conflict (household_id) do update
                        set version = excluded.version, village_code = excluded.village_code, active = excluded.active,
                            poverty_status = excluded.poverty_status, exit_year = excluded.exit_year,
                            monitoring_category = excluded.monitoring_category, risk_state = excluded.risk_state,
                            identified_year = excluded.identified_year, risk_types = excluded.risk_types,
                            members = excluded.members, minimum_living = excluded.minimum_living,
                            extreme_poverty = excluded.extreme_poverty
                        where report_household.version < excluded.version
                        """)
                .setParameter(1, UUID.fromString(household.householdId()))
                .setParameter(2, household.version())
                .setParameter(3, household.villageCode())
                .setParameter(4, "ACTIVE".equals(household.status()))
                .setParameter(5, household.povertyStatus())
                .setParameter(6, household.exitYear())
                .setParameter(7, monitoring == null ? null : monitoring.category())
                .setParameter(8, monitoring == null ? null : monitoring.riskState())
                .setParameter(9, monitoring == null ? null : monitoring.identifiedYear())
                .setParameter(10, mapper.writeValueAsString(monitoring == null ? List.of() : monitoring.riskTypes()))
                .setParameter(11, household.activeMembers().size())
                .setParameter(12, household.minimumLiving())
                .setParameter(13, household.extremePoverty())
                .executeUpdate();
        if (written > 0) {
            summaries.touched(household.villageCode(), before);
        }
    }
}
