package cn.ruralwatch.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code work-team.trained.v1}: a township or the county trained work team members (培训). Key: the training id. It
 * carries the members by id and the teams they serve in, not the topic or any name.
 *
 * @param regionCode the county or township that held the training
 */
public record WorkTeamTrained(
        String trainingId,
        String regionCode,
        LocalDate heldOn,
        BigDecimal hours,
        List<String> memberIds,
        List<String> teamIds) {

    public WorkTeamTrained {
        Objects.requireNonNull(trainingId, "trainingId");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(heldOn, "heldOn");
        memberIds = List.copyOf(memberIds);
        teamIds = List.copyOf(teamIds);
    }
}
