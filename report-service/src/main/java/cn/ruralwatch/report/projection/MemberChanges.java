package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.HouseholdEvent;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.events.MemberAdded;
import cn.ruralwatch.events.MemberRemoved;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code report_member_change}: the natural changes (自然增减) of households' members, from member.added.v1 and
 * member.removed.v1: births, marriages in and moves in add a person, deaths, marriages out and moves out take one away;
 * splits, merges and enlistment are not natural changes. Each row keeps what the household was when it happened.
 */
@ApplicationScoped
public class MemberChanges {

    /** 出生, 婚入, 迁入. */
    public static final Set<String> INCREASES = Set.of("BIRTH", "MARRIAGE_IN", "MOVE_IN");

    /** 死亡, 婚出, 迁出. */
    public static final Set<String> DECREASES = Set.of("DEATH", "MARRIAGE_OUT", "MOVE_OUT");

    @Inject
    Sql sql;

    /** The natural changes among a batch's events; an event applied twice (a replay) writes its row once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<HouseholdEvent> events) {
        for (HouseholdEvent event : events) {
            switch (event) {
                case MemberAdded added
                when INCREASES.contains(added.change()) ->
                    write(added.household(), added.memberId(), added.change(), true, added.effectiveOn());
                case MemberRemoved removed
                when DECREASES.contains(removed.change()) ->
                    write(removed.household(), removed.memberId(), removed.change(), false, removed.effectiveOn());
                default -> {
                    // not a natural change
                }
            }
        }
    }

    private void write(
            HouseholdState household, String memberId, String change, boolean increase, java.time.LocalDate on) {
        sql.query("""
                        insert into report_member_change (household_id, member_id, village_code, change, increase,
                                                          effective_on, poverty_status, monitored)
                        values (:household, :member, :village, :change, :increase, :on, :povertyStatus, :monitored)
                        on conflict do nothing""")
                .bind("household", UUID.fromString(household.householdId()))
                .bind("member", UUID.fromString(memberId))
                .bind("village", household.villageCode())
                .bind("change", change)
                .bind("increase", increase)
                .bind("on", Date.valueOf(on))
                .bind("povertyStatus", household.povertyStatus())
                .bind("monitored", household.monitoring() != null)
                .execute();
    }
}
