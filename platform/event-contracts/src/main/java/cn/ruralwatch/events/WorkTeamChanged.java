package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code work-team.changed.v1}: a work team's record was corrected (its day of forming or its term). Key: the team id.
 *
 * @param termEndsOn the end of the team's term (派驻期满), when one is set
 */
public record WorkTeamChanged(
        String teamId, String villageCode, LocalDate formedOn, LocalDate termEndsOn, Instant changedAt) {

    public WorkTeamChanged {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(villageCode, "villageCode");
        Objects.requireNonNull(formedOn, "formedOn");
    }
}
