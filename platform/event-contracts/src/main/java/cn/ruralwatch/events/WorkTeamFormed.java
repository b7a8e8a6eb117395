package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code work-team.formed.v1}: a village work team (驻村工作队) was sent to a village. Key: the team id. It carries the
 * village, the day and the team's make-up by role: never a member's name, unit or phone, nor the dispatching unit's
 * name (text an official types).
 *
 * <p>Not a {@link HouseholdEvent}: {@link HouseholdEvent#parse} passes it over as a type it does not apply.
 *
 * @param members the members serving when the team was formed
 * @param firstSecretary whether one of them is the village's 第一书记
 */
public record WorkTeamFormed(
        String teamId, String villageCode, LocalDate formedOn, int members, boolean firstSecretary, Instant formedAt) {

    public WorkTeamFormed {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(villageCode, "villageCode");
        Objects.requireNonNull(formedOn, "formedOn");
    }
}
