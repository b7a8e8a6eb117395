package cn.ruralwatch.fund.project;

import cn.ruralwatch.fund.fund.SourceLevel;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A project's budget 预算与资金来源 as a ledger: per fund batch, what the project was promised and what it has paid
 * from it. A new budget moves each batch's allocation by the difference: never by more than the batch has left to
 * arrange (what no other project has been promised), and never to below what the line has paid.
 */
public final class BudgetLedger {

    /** A budget line: what one batch gives the project, and what of it has been paid. */
    public record Line(
            UUID batchId,
            SourceLevel sourceLevel,
            int batchYear,
            int batchNumber,
            BigDecimal amount,
            BigDecimal disbursed) {

        /** What may still be paid from the line. */
        public BigDecimal remaining() {
            return amount.subtract(disbursed);
        }
    }

    /** A fund batch 资金批次: its amount and what of it is promised to projects. */
    public record Batch(
            UUID id, SourceLevel sourceLevel, int year, int number, BigDecimal amount, BigDecimal allocated) {

        /** What the batch has left to arrange. */
        public BigDecimal available() {
            return amount.subtract(allocated);
        }

        /** e.g. {@code 2023 年中央第 1 批}. */
        public String label() {
            return year + " 年" + sourceLevelName() + "第 " + number + " 批";
        }

        private String sourceLevelName() {
            return switch (sourceLevel) {
                case CENTRAL -> "中央";
                case PROVINCIAL -> "省级";
                case CITY -> "市级";
                case COUNTY -> "县级";
            };
        }
    }

    /** A budget as approved or adjusted: the amount per batch, each batch where the request named it. */
    public record Budget(Map<UUID, BigDecimal> amounts, Map<UUID, Integer> positions) {

        public static Budget of(List<ProjectApi.BudgetRequest> requested) {
            Map<UUID, BigDecimal> amounts = new LinkedHashMap<>();
            Map<UUID, Integer> positions = new LinkedHashMap<>();
            for (int i = 0; i < requested.size(); i++) {
                ProjectApi.BudgetRequest line = requested.get(i);
                amounts.put(line.batchId(), line.amount().setScale(2, RoundingMode.UNNECESSARY));
                positions.put(line.batchId(), i);
            }
            return new Budget(Map.copyOf(amounts), Map.copyOf(positions));
        }

        /** The request's field of a batch's {@code part}, or the whole budget for a batch it does not name. */
        public String field(UUID batchId, String part) {
            Integer position = positions.get(batchId);
            return position == null ? "budget" : "budget[" + position + "]." + part;
        }

        BigDecimal amount(UUID batchId) {
            return amounts.getOrDefault(batchId, BigDecimal.ZERO);
        }

        boolean names(UUID batchId) {
            return amounts.containsKey(batchId);
        }
    }

    /** How a new budget changes a line; {@code delta} is what its batch's allocation moves by. */
    public record Change(UUID batchId, Kind kind, BigDecimal before, BigDecimal after, BigDecimal delta) {

        public enum Kind {
            /** The batch gives to the project for the first time. */
            ADD,
            /** The batch no longer gives to the project. */
            DROP,
            /** The batch gives another amount (or the same). */
            CHANGE
        }
    }

    private final Map<UUID, Line> lines = new LinkedHashMap<>();

    public BudgetLedger(Collection<Line> lines) {
        lines.forEach(line -> this.lines.put(line.batchId(), line));
    }

    public List<Line> lines() {
        return List.copyOf(lines.values());
    }

    /** The budget approved, over all batches. */
    public BigDecimal budget() {
        return lines.values().stream().map(Line::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** What has been paid, over all batches. */
    public BigDecimal disbursed() {
        return lines.values().stream().map(Line::disbursed).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The batches a new budget touches: those it names and those the project has lines of, in id order. */
    public Set<UUID> batchesTouchedBy(Budget budget) {
        Set<UUID> batches = new TreeSet<>(budget.amounts().keySet());
        batches.addAll(lines.keySet());
        return batches;
    }

    /**
     * The change of each line (in batch id order) that replaces the budget by {@code budget}; a line of a batch the
     * budget does not name is dropped. 409 listing every batch that cannot give its new amount.
     *
     * @param batches every batch {@link #batchesTouchedBy touched}, as it stands now
     */
    public List<Change> rebudget(Budget budget, Map<UUID, Batch> batches) {
        List<Violation> violations = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (UUID batchId : batchesTouchedBy(budget)) {
            Line line = lines.get(batchId);
            BigDecimal before = line == null ? BigDecimal.ZERO.setScale(2) : line.amount();
            BigDecimal paid = line == null ? BigDecimal.ZERO : line.disbursed();
            BigDecimal after = budget.amount(batchId);
            String field = budget.field(batchId, "amount");
            if (after.compareTo(paid) < 0) {
                violations.add(Violation.of(
                        field,
                        "BELOW_DISBURSED",
                        "project.budget.below-disbursed",
                        batchId,
                        after.toPlainString(),
                        paid.toPlainString()));
                continue;
            }
            Batch batch = batches.get(batchId);
            BigDecimal delta = after.subtract(before);
            if (delta.compareTo(batch.available()) > 0) {
                violations.add(Violation.of(
                        field,
                        "EXCEEDS_BATCH",
                        "project.budget.exceeds-batch",
                        batch.label(),
                        batch.available().toPlainString(),
                        delta.toPlainString()));
                continue;
            }
            Change.Kind kind =
                    line == null ? Change.Kind.ADD : budget.names(batchId) ? Change.Kind.CHANGE : Change.Kind.DROP;
            changes.add(new Change(batchId, kind, before, after, delta));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.conflict(violations);
        }
        return changes;
    }

    /** The lines with something left unpaid, which a terminated project gives back to their batches. */
    public List<Line> unpaid() {
        return lines.values().stream()
                .filter(line -> line.remaining().signum() != 0)
                .toList();
    }
}
