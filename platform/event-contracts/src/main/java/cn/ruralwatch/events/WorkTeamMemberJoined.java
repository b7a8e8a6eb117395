package cn.ruralwatch.events;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code work-team.member-joined.v1}: a member joined a work team outside a rotation. Key: the team id. No name, unit or
 * phone.
 *
 * @param role {@code FIRST_SECRETARY} 第一书记, {@code LEADER} 队长 or {@code MEMBER} 队员
 */
public record WorkTeamMemberJoined(String teamId, String villageCode, String memberId, String role, LocalDate joinsOn) {

    public WorkTeamMemberJoined {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinsOn, "joinsOn");
    }
}
