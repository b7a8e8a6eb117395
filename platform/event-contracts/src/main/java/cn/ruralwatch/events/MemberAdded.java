package cn.ruralwatch.events;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code member.added.v1}: a member joined a household (出生, 婚入, 迁入, 合户). Key: the household id.
 *
 * @param change BIRTH, MARRIAGE_IN, MOVE_IN or MERGE
 */
public record MemberAdded(
        String memberId, String change, LocalDate effectiveOn, String reason, HouseholdState household)
        implements HouseholdStateEvent {

    public MemberAdded {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(household, "household");
    }
}
