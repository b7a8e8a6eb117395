package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code work-team.inspected.v1}: a work team was inspected (督查 or 抽查) with its outcome. Key: the team id. It carries
 * the number of findings, not their text, and the member concerned by id only.
 *
 * @param outcome {@code NO_ISSUES}, {@code COMMENDED}, {@code CRITICIZED} 通报批评, {@code ADMONISHED} 约谈 or
 *     {@code RECALLED} 召回
 */
public record WorkTeamInspected(
        String inspectionId,
        String teamId,
        String villageCode,
        LocalDate inspectedOn,
        String kind,
        String outcome,
        int findings,
        String memberId,
        Instant recordedAt) {

    public WorkTeamInspected {
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
