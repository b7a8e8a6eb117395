package cn.ruralwatch.directory;

import cn.ruralwatch.events.AssistanceMeasureAdded;
import cn.ruralwatch.events.DivisionPopulationSet;
import cn.ruralwatch.events.DivisionRegistered;
import cn.ruralwatch.events.DivisionRenamed;
import cn.ruralwatch.events.HouseholdEvent;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.events.HouseholdStateEvent;
import cn.ruralwatch.events.MonitoringCaseDecided;
import cn.ruralwatch.events.MonitoringCaseOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps {@code known_division} and {@code known_household} current from household-events, for services that need to
 * know which divisions and households exist (fund recipients, beneficiaries, report counts) without asking
 * household-service. Applying an event twice changes nothing.
 */
@ApplicationScoped
public class HouseholdDirectory {

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(HouseholdEvent event) {
        switch (event) {
            // natural villages (HAMLET) are household-service's own detail: no household, fund or report refers to them
            case DivisionRegistered division when "HAMLET".equals(division.level()) -> {}
            case DivisionRegistered division ->
                entityManager
                        .createNativeQuery("""
                                insert into known_division (code, name, level, parent_code) values (?1, ?2, ?3, ?4)
                                on conflict (code) do update set name = excluded.name, level = excluded.level,
                                                                 parent_code = excluded.parent_code
                                """)
                        .setParameter(1, division.code())
                        .setParameter(2, division.name())
                        .setParameter(3, division.level())
                        .setParameter(4, division.parentCode())
                        .executeUpdate();
            case DivisionRenamed renamed ->
                entityManager
                        .createNativeQuery("update known_division set name = ?2 where code = ?1")
                        .setParameter(1, renamed.code())
                        .setParameter(2, renamed.name())
                        .executeUpdate();
            case HouseholdStateEvent household -> apply(household.household());
            case DivisionPopulationSet ignored -> {
                // population bases are read by the services that compute rates, not kept in the directory
            }
            case MonitoringCaseOpened ignored -> {
                // cases do not change which households exist
            }
            case MonitoringCaseDecided ignored -> {
                // the household's new state follows in its own event
            }
            case AssistanceMeasureAdded ignored -> {
                // measures do not change which households exist
            }
        }
    }

    /**
     * A household merged into another or dissolved no longer exists as a household; one that exists is kept with the
     * number of members living in it.
     */
    private void apply(HouseholdState household) {
        UUID id = UUID.fromString(household.householdId());
        if (!"ACTIVE".equals(household.status())) {
            entityManager
                    .createNativeQuery("delete from known_household where household_id = ?1")
                    .setParameter(1, id)
                    .executeUpdate();
            return;
        }
        entityManager
                .createNativeQuery("""
                        insert into known_household (household_id, village_code, member_count, registered_at)
                        values (?1, ?2, ?3, ?4)
                        on conflict (household_id) do update set village_code = excluded.village_code,
                                                                 member_count = excluded.member_count
                        """)
                .setParameter(1, id)
                .setParameter(2, household.villageCode())
                .setParameter(3, household.activeMembers().size())
                .setParameter(4, Timestamp.from(household.registeredAt()))
                .executeUpdate();
    }

    /** The village of a household that exists, empty for one unknown, merged or dissolved. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> villageOf(UUID householdId) {
        return entityManager
                .createNativeQuery("select village_code from known_household where household_id = ?1", String.class)
                .setParameter(1, householdId)
                .getResultStream()
                .findFirst()
                .map(String.class::cast);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownDivision> division(String code) {
        return Optional.ofNullable(entityManager.find(KnownDivision.class, code));
    }
}
