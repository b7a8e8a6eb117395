package cn.ruralwatch.events;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code work-team.member-rotated.v1}: a member of a work team left on a day (轮换) and a successor joined that day.
 * Key: the team id. No name, unit or phone.
 *
 * @param role the leaving member's role
 * @param successorRole the successor's role
 */
public record WorkTeamMemberRotated(
        String teamId,
        String villageCode,
        String memberId,
        String role,
        LocalDate leftOn,
        String successorId,
        String successorRole) {

    public WorkTeamMemberRotated {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(leftOn, "leftOn");
        Objects.requireNonNull(successorId, "successorId");
    }
}
