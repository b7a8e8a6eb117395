package cn.ruralwatch.events;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code member.removed.v1}: a member left a household (死亡, 婚出, 迁出, 分户); the member stays in the household's
 * state as REMOVED. Key: the household id.
 *
 * @param change DEATH, MARRIAGE_OUT, MOVE_OUT or SPLIT
 */
public record MemberRemoved(
        String memberId, String change, LocalDate effectiveOn, String reason, HouseholdState household)
        implements HouseholdStateEvent {

    public MemberRemoved {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(household, "household");
    }
}
