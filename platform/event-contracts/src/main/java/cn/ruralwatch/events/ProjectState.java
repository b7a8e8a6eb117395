package cn.ruralwatch.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A project as it stands after a step: every event about a project carries it, so a consumer can bring its read model
 * up to date from any one of them; {@code version} orders them. Amounts in yuan with two decimals.
 */
public record ProjectState(
        String projectId,
        long version,
        String countyCode,
        String divisionCode,
        String name,
        String projectType,
        int year,
        String stage,
        BigDecimal plannedInvestment,
        int progressPercent,
        List<BudgetLine> budgetLines,
        List<String> beneficiaryHouseholdIds,
        Instant updatedAt) {

    public ProjectState {
        Objects.requireNonNull(projectId, "projectId");
        budgetLines = budgetLines == null ? List.of() : List.copyOf(budgetLines);
        beneficiaryHouseholdIds = beneficiaryHouseholdIds == null ? List.of() : List.copyOf(beneficiaryHouseholdIds);
    }

    /** The part of the approved budget a fund batch pays, and how much of it has been disbursed. */
    public record BudgetLine(
            String batchId, String sourceLevel, int batchYear, BigDecimal amount, BigDecimal disbursed) {}
}
