package cn.ruralwatch.fund.projection;

import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.sql.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    @Inject
    ObjectMapper mapper;

    /**
     * Applies the households' states of a batch as if one by one, in three statements: each household's facts where
     * its state is newer than the one held, then the members of those households (a member named by two of them
     * belongs to the one that came later).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<HouseholdState> states) {
        // each household's last state, in the order of those last states
        Map<UUID, HouseholdState> last = new LinkedHashMap<>();
        for (HouseholdState state : states) {
            UUID id = UUID.fromString(state.householdId());
            last.remove(id);
            last.put(id, state);
        }
        if (last.isEmpty()) {
            return;
        }
        List<HouseholdState> households = List.copyOf(last.values());
        Set<UUID> newer = new HashSet<>(sql.query("""
                        insert into known_household_facts (household_id, version, active, poverty_status, monitored,
                                                           industries)
                        select f.household_id, f.version, f.active, f.poverty_status, f.monitored,
                               array(select json_array_elements_text(cast(f.industries as json)))
                        from unnest(cast(:ids as uuid[]), cast(:versions as bigint[]), cast(:active as boolean[]),
                                    cast(:povertyStatus as text[]), cast(:monitored as boolean[]),
                                    cast(:industries as text[]))
                             as f(household_id, version, active, poverty_status, monitored, industries)
                        on conflict (household_id) do update
                        set version = excluded.version, active = excluded.active,
                            poverty_status = excluded.poverty_status, monitored = excluded.monitored,
                            industries = excluded.industries
                        where known_household_facts.version <= excluded.version
                        returning household_id
                        """)
                .bind("ids", last.keySet().toArray(UUID[]::new))
                .bind(
                        "versions",
                        households.stream().map(HouseholdState::version).toArray(Long[]::new))
                .bind(
                        "active",
                        households.stream()
                                .map(h -> "ACTIVE".equals(h.status()))
                                .toArray(Boolean[]::new))
                .bind(
                        "povertyStatus",
                        households.stream().map(HouseholdState::povertyStatus).toArray(String[]::new))
                .bind(
                        "monitored",
                        households.stream().map(h -> h.monitoring() != null).toArray(Boolean[]::new))
                .bind("industries", households.stream().map(this::json).toArray(String[]::new))
                .column(UUID.class));
        if (newer.isEmpty()) {
            return;
        }
        sql.query("delete from known_member where household_id = any(cast(:households as uuid[]))")
                .bind("households", newer.toArray(UUID[]::new))
                .execute();
        // a member named by two households of the batch belongs to the later one, as one by one
        Map<UUID, Map.Entry<HouseholdState, HouseholdState.Member>> members = new LinkedHashMap<>();
        for (HouseholdState household : households) {
            if (newer.contains(UUID.fromString(household.householdId())) && "ACTIVE".equals(household.status())) {
                for (HouseholdState.Member member : household.members()) {
                    UUID id = UUID.fromString(member.memberId());
                    members.remove(id);
                    members.put(id, Map.entry(household, member));
                }
            }
        }
        if (members.isEmpty()) {
            return;
        }
        List<Map.Entry<HouseholdState, HouseholdState.Member>> rows = List.copyOf(members.values());
        sql.query("""
                        insert into known_member (member_id, household_id, village_code, active, birth_date,
                                                  labor_ability, education_stage, schooling_status,
                                                  employment_location, employment_months)
                        select * from unnest(cast(:members as uuid[]), cast(:households as uuid[]),
                                             cast(:villages as text[]), cast(:active as boolean[]),
                                             cast(:birthDates as date[]), cast(:laborAbility as text[]),
                                             cast(:educationStage as text[]), cast(:schoolingStatus as text[]),
                                             cast(:employmentLocation as text[]),
                                             cast(:employmentMonths as integer[]))
                        on conflict (member_id) do update
                        set household_id = excluded.household_id, village_code = excluded.village_code,
                            active = excluded.active, birth_date = excluded.birth_date,
                            labor_ability = excluded.labor_ability, education_stage = excluded.education_stage,
                            schooling_status = excluded.schooling_status,
                            employment_location = excluded.employment_location,
                            employment_months = excluded.employment_months
                        """)
                .bind("members", members.keySet().toArray(UUID[]::new))
                .bind(
                        "households",
                        rows.stream()
                                .map(r -> UUID.fromString(r.getKey().householdId()))
                                .toArray(UUID[]::new))
                .bind(
                        "villages",
                        rows.stream().map(r -> r.getKey().villageCode()).toArray(String[]::new))
                .bind(
                        "active",
                        rows.stream()
                                .map(r -> "ACTIVE".equals(r.getValue().status()))
                                .toArray(Boolean[]::new))
                .bind(
                        "birthDates",
                        rows.stream()
                                .map(r -> r.getValue().birthDate() == null
                                        ? null
                                        : r.getValue().birthDate().toString())
                                .toArray(String[]::new))
                .bind(
                        "laborAbility",
                        rows.stream().map(r -> r.getValue().laborAbility()).toArray(String[]::new))
                .bind(
                        "educationStage",
                        rows.stream().map(r -> r.getValue().educationStage()).toArray(String[]::new))
                .bind(
                        "schoolingStatus",
                        rows.stream().map(r -> r.getValue().schoolingStatus()).toArray(String[]::new))
                .bind(
                        "employmentLocation",
                        rows.stream()
                                .map(r -> r.getValue().employmentLocation())
                                .toArray(String[]::new))
                .bind(
                        "employmentMonths",
                        rows.stream().map(r -> r.getValue().employmentMonths()).toArray(Integer[]::new))
                .execute();
    }

    private String json(HouseholdState household) {
        try {
            return mapper.writeValueAsString(household.industries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("industries of household " + household.householdId(), e);
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
