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
import cn.ruralwatch.events.VillageStatusSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                                insert into known_division (code, name, level, parent_code, village_kind, poverty_village,
                                                            poverty_exit_year)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                                on conflict (code) do update set name = excluded.name, level = excluded.level,
                                                                 parent_code = excluded.parent_code,
                                                                 village_kind = excluded.village_kind,
                                                                 poverty_village = excluded.poverty_village,
                                                                 poverty_exit_year = excluded.poverty_exit_year
                                """)
                        .setParameter(1, division.code())
                        .setParameter(2, division.name())
                        .setParameter(3, division.level())
                        .setParameter(4, division.parentCode())
                        .setParameter(5, division.villageKind())
                        .setParameter(6, division.povertyVillage())
                        .setParameter(7, division.povertyExitYear())
                        .executeUpdate();
            case VillageStatusSet status ->
                entityManager
                        .createNativeQuery("""
                                update known_division set village_kind = ?2, poverty_village = ?3, poverty_exit_year = ?4
                                where code = ?1""")
                        .setParameter(1, status.code())
                        .setParameter(2, status.villageKind())
                        .setParameter(3, status.povertyVillage())
                        .setParameter(4, status.povertyExitYear())
                        .executeUpdate();
            case DivisionRenamed renamed ->
                entityManager
                        .createNativeQuery("update known_division set name = ?2 where code = ?1")
                        .setParameter(1, renamed.code())
                        .setParameter(2, renamed.name())
                        .executeUpdate();
            case HouseholdStateEvent household -> write(List.of(household.household()));
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
     * The events of a batch in order, with their households' states written together: each household's last state in
     * the batch decides, as if they were applied one by one, in two statements instead of one per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<HouseholdEvent> events) {
        Map<UUID, HouseholdState> last = new LinkedHashMap<>();
        for (HouseholdEvent event : events) {
            if (event instanceof HouseholdStateEvent household) {
                last.put(UUID.fromString(household.household().householdId()), household.household());
            } else {
                apply(event);
            }
        }
        write(last.values());
    }

    /**
     * A household merged into another or dissolved no longer exists as a household; one that exists is kept with the
     * number of members living in it.
     */
    private void write(Collection<HouseholdState> states) {
        List<UUID> gone = new ArrayList<>();
        List<HouseholdState> kept = new ArrayList<>();
        for (HouseholdState state : states) {
            if ("ACTIVE".equals(state.status())) {
                kept.add(state);
            } else {
                gone.add(UUID.fromString(state.householdId()));
            }
        }
        if (!gone.isEmpty()) {
            entityManager
                    .createNativeQuery("delete from known_household where household_id = any(cast(?1 as uuid[]))")
                    .setParameter(1, gone.toArray(UUID[]::new))
                    .executeUpdate();
        }
        if (!kept.isEmpty()) {
            entityManager
                    .createNativeQuery("""
                            insert into known_household (household_id, village_code, member_count, registered_at)
                            select * from unnest(cast(?1 as uuid[]), cast(?2 as text[]), cast(?3 as integer[]),
                                                 cast(?4 as timestamptz[]))
                            on conflict (household_id) do update set village_code = excluded.village_code,
                                                                     member_count = excluded.member_count
                            """)
                    .setParameter(
                            1,
                            kept.stream()
                                    .map(h -> UUID.fromString(h.householdId()))
                                    .toArray(UUID[]::new))
                    .setParameter(
                            2, kept.stream().map(HouseholdState::villageCode).toArray(String[]::new))
                    .setParameter(
                            3, kept.stream().map(h -> h.activeMembers().size()).toArray(Integer[]::new))
                    .setParameter(
                            4,
                            kept.stream()
                                    .map(h -> Timestamp.from(h.registeredAt()))
                                    .toArray(Timestamp[]::new))
                    .executeUpdate();
        }
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
