package cn.ruralwatch.events;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code monitoring-case.decided.v1}: a case ended: APPROVED by the county, REJECTED at a review step, or WITHDRAWN.
 * Key: the household id. An approved identification is followed by {@code household.category-changed.v1}, an approved
 * elimination by {@code risk.eliminated.v1}.
 */
public record MonitoringCaseDecided(
        String caseId,
        String householdId,
        String kind,
        String status,
        String failedStep,
        Instant decidedAt,
        String reason)
        implements HouseholdEvent {

    public MonitoringCaseDecided {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
