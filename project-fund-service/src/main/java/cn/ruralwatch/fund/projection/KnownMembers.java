package cn.ruralwatch.fund.projection;

import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The members of the county's households as household-events describe them (no names or ID numbers): who may hold a
 * public-welfare job, borrow a small loan or receive a benefit (a student for 雨露计划, a migrant worker for the
 * transport subsidy), and the industries each household takes part in. A household's state replaces its members only
 * when it is newer than the one held, so replayed or reordered events change nothing; a merged or dissolved household
 * keeps no members here. Facts a state held before this service kept them (V8) stay {@code null} — not known — until
 * the household's next event.
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
            String laborAbility,
            String educationStage,
            String schoolingStatus,
            String employmentLocation,
            Integer employmentMonths) {

        /** Without labour ability (丧失劳动力, 无劳动力): a wage paid to such a member pays for no work. */
        public boolean withoutLabour() {
            return "LOST".equals(laborAbility) || "NONE".equals(laborAbility);
        }

        /** Working (务工) this year: a place of work, and months that are not none. */
        public boolean working() {
            return employmentLocation != null && (employmentMonths == null || employmentMonths > 0);
        }
    }

    /**
     * What a household is as its newest state says: whether it is a target household (脱贫户 or 监测对象), the
     * industries it takes part in ({@code null} while not known) and whether a member living in it works.
     */
    public record KnownHousehold(UUID householdId, boolean target, List<String> industries, boolean memberWorking) {}

    @Inject
    Sql sql;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(HouseholdState household) {
        UUID householdId = UUID.fromString(household.householdId());
        int newer = sql.query("""
                        insert into known_household_facts (household_id, version, active, poverty_status, monitored,
                                                           industries)
                        values (:household, :version, :active, :povertyStatus, :monitored,
                                cast(:industries as text[]))
                        on conflict (household_id) do update
                        set version = excluded.version, active = excluded.active,
                            poverty_status = excluded.poverty_status, monitored = excluded.monitored,
                            industries = excluded.industries
                        where known_household_facts.version <= excluded.version
                        """)
                .bind("household", householdId)
                .bind("version", household.version())
                .bind("active", "ACTIVE".equals(household.status()))
                .bind("povertyStatus", household.povertyStatus())
                .bind("monitored", household.monitoring() != null)
                .bind("industries", household.industries().toArray(String[]::new))
                .execute();
        if (newer == 0) {
            return;
        }
        sql.query("delete from known_member where household_id = :household")
                .bind("household", householdId)
                .execute();
        if (!"ACTIVE".equals(household.status())) {
            return;
        }
        for (HouseholdState.Member member : household.members()) {
            sql.query("""
                            insert into known_member (member_id, household_id, village_code, active, birth_date,
                                                      labor_ability, education_stage, schooling_status,
                                                      employment_location, employment_months)
                            values (:member, :household, :village, :active, :birthDate, :laborAbility,
                                    :educationStage, :schoolingStatus, :employmentLocation,
                                    cast(:employmentMonths as integer))
                            on conflict (member_id) do update
                            set household_id = excluded.household_id, village_code = excluded.village_code,
                                active = excluded.active, birth_date = excluded.birth_date,
                                labor_ability = excluded.labor_ability, education_stage = excluded.education_stage,
                                schooling_status = excluded.schooling_status,
                                employment_location = excluded.employment_location,
                                employment_months = excluded.employment_months
                            """)
                    .bind("member", UUID.fromString(member.memberId()))
                    .bind("household", householdId)
                    .bind("village", household.villageCode())
                    .bind("active", "ACTIVE".equals(member.status()))
                    .bind("birthDate", member.birthDate() == null ? null : Date.valueOf(member.birthDate()))
                    .bind("laborAbility", member.laborAbility())
                    .bind("educationStage", member.educationStage())
                    .bind("schoolingStatus", member.schoolingStatus())
                    .bind("employmentLocation", member.employmentLocation())
                    .bind("employmentMonths", member.employmentMonths())
                    .execute();
        }
    }

    /** A member of a household that exists, living in it or not; empty for one unknown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownMember> find(UUID memberId) {
        return sql.query("""
                        select member_id, household_id, village_code, active, birth_date, labor_ability,
                               education_stage, schooling_status, employment_location, employment_months
                        from known_member where member_id = :member
                        """).bind("member", memberId).first(KnownMember.class);
    }

    /** Whether a household is a 脱贫户 (including those not yet exited) or 监测对象, as its newest state says. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean targetHousehold(UUID householdId) {
        return !sql.query("""
                        select household_id from known_household_facts
                        where household_id = :household and active and (monitored or poverty_status <> 'NOT_POOR')
                        """).bind("household", householdId).column(UUID.class).isEmpty();
    }

    /** A household that exists (not merged or dissolved) with its facts; empty for one unknown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownHousehold> household(UUID householdId) {
        return sql.query("""
                        select f.household_id, (f.monitored or coalesce(f.poverty_status, 'NOT_POOR') <> 'NOT_POOR') as target,
                               f.industries,
                               exists (select 1 from known_member m
                                       where m.household_id = f.household_id and m.active
                                         and m.employment_location is not null
                                         and coalesce(m.employment_months, 1) > 0) as member_working
                        from known_household_facts f where f.household_id = :household and f.active
                        """).bind("household", householdId).first(KnownHousehold.class);
    }
}
