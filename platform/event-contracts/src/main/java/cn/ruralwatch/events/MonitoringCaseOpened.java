package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code monitoring-case.opened.v1}: an identification (识别) or risk-elimination (风险消除) case was opened for a
 * household. Key: the household id.
 *
 * @param kind IDENTIFICATION or RISK_ELIMINATION
 * @param category the proposed monitoring category (identification only)
 */
public record MonitoringCaseOpened(
        String caseId,
        String householdId,
        String villageCode,
        String kind,
        String category,
        List<String> riskTypes,
        Instant openedAt,
        LocalDate deadline)
        implements HouseholdEvent {

    public MonitoringCaseOpened {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(kind, "kind");
        riskTypes = riskTypes == null ? List.of() : List.copyOf(riskTypes);
    }
}
