package cn.ruralwatch.fund.projection;

import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.http.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The members of the county's households as household-events describe them (no names or ID numbers): who may hold a
 * public-welfare job, borrow a small loan or receive a benefit. A household's state replaces its members only when it
 * is newer than the one held, so replayed or reordered events change nothing; a merged or dissolved household keeps
 * no members here.
 */
@ApplicationScoped
public class KnownMembers {

    /** A member as this service knows it. */
    public record KnownMember(
            UUID memberId,
            UUID householdId,
            String villageCode,
            boolean active,
            LocalDate birthDate,
            String laborAbility) {

        /** Without labour ability (丧失劳动力, 无劳动力): a wage paid to such a member pays for no work. */
        public boolean withoutLabour() {
            return "LOST".equals(laborAbility) || "NONE".equals(laborAbility);
        }
    }

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(HouseholdState household) {
        UUID householdId = UUID.fromString(household.householdId());
        int newer = entityManager
                .createNativeQuery("""
                        insert into known_household_facts (household_id, version, active, poverty_status, monitored)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (household_id) do update
                        set version = excluded.version, active = excluded.active,
                            poverty_status = excluded.poverty_status, monitored = excluded.monitored
                        where known_household_facts.version < excluded.version
                        """)
                .setParameter(1, householdId)
                .setParameter(2, household.version())
                .setParameter(3, "ACTIVE".equals(household.status()))
                .setParameter(4, household.povertyStatus())
                .setParameter(5, household.monitoring() != null)
                .executeUpdate();
        if (newer == 0) {
            return;
        }
        entityManager
                .createNativeQuery("delete from known_member where household_id = ?1")
                .setParameter(1, householdId)
                .executeUpdate();
        if (!"ACTIVE".equals(household.status())) {
            return;
        }
        for (HouseholdState.Member member : household.members()) {
            entityManager
                    .createNativeQuery("""
                            insert into known_member (member_id, household_id, village_code, active, birth_date,
                                                      labor_ability)
                            values (?1, ?2, ?3, ?4, ?5, ?6)
                            on conflict (member_id) do update
                            set household_id = excluded.household_id, village_code = excluded.village_code,
                                active = excluded.active, birth_date = excluded.birth_date,
                                labor_ability = excluded.labor_ability
                            """)
                    .setParameter(1, UUID.fromString(member.memberId()))
                    .setParameter(2, householdId)
                    .setParameter(3, household.villageCode())
                    .setParameter(4, "ACTIVE".equals(member.status()))
                    .setParameter(5, member.birthDate() == null ? null : Date.valueOf(member.birthDate()))
                    .setParameter(6, member.laborAbility())
                    .executeUpdate();
        }
    }

    /** A member of a household that exists, living in it or not; empty for one unknown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownMember> find(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                entityManager.createNativeQuery("""
                        select member_id, household_id, village_code, active, birth_date, labor_ability
                        from known_member where member_id = ?1
                        """).setParameter(1, memberId).getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new KnownMember(
                        (UUID) r[0], (UUID) r[1], (String) r[2], (Boolean) r[3], NativeValues.date(r[4]), (String)
                                r[5]));
    }

    /** Whether a household is a 脱贫户 (including those not yet exited) or 监测对象, as its newest state says. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean targetHousehold(UUID householdId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager
                .createNativeQuery("""
                        select household_id from known_household_facts
                        where household_id = ?1 and active and (monitored or poverty_status <> 'NOT_POOR')
                        """)
                .setParameter(1, householdId)
                .getResultList();
        return !rows.isEmpty();
    }
}
