package cn.ruralwatch.fund.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ruralwatch.fund.fund.SourceLevel;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BudgetLedgerTest {

    static final UUID CENTRAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID PROVINCIAL = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID COUNTY = UUID.fromString("00000000-0000-0000-0000-000000000003");

    static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    static BudgetLedger.Line line(UUID batch, String amount, String disbursed) {
        return new BudgetLedger.Line(batch, SourceLevel.CENTRAL, 2023, 1, yuan(amount), yuan(disbursed));
    }

    static BudgetLedger.Batch batch(UUID id, SourceLevel level, String amount, String allocated) {
        return new BudgetLedger.Batch(id, level, 2023, 2, yuan(amount), yuan(allocated));
    }

    static BudgetLedger.Budget budget(Object... batchesAndAmounts) {
        List<ProjectApi.BudgetRequest> lines = new java.util.ArrayList<>();
        for (int i = 0; i < batchesAndAmounts.length; i += 2) {
            lines.add(
                    new ProjectApi.BudgetRequest((UUID) batchesAndAmounts[i], yuan((String) batchesAndAmounts[i + 1])));
        }
        return BudgetLedger.Budget.of(lines);
    }

    /** Central gives 100 000 (30 000 paid); provincial 50 000, nothing paid. */
    static BudgetLedger ledger() {
        return new BudgetLedger(List.of(line(CENTRAL, "100000.00", "30000.00"), line(PROVINCIAL, "50000.00", "0.00")));
    }

    static final Map<UUID, BudgetLedger.Batch> BATCHES = Map.of(
            CENTRAL, batch(CENTRAL, SourceLevel.CENTRAL, "500000.00", "480000.00"),
            PROVINCIAL, batch(PROVINCIAL, SourceLevel.PROVINCIAL, "100000.00", "100000.00"),
            COUNTY, batch(COUNTY, SourceLevel.COUNTY, "80000.00", "0.00"));

    @Test
    void sumsTheBudgetAndWhatWasPaid() {
        assertEquals(yuan("150000.00"), ledger().budget());
        assertEquals(yuan("30000.00"), ledger().disbursed());
        assertEquals(yuan("70000.00"), ledger().lines().getFirst().remaining());
        assertEquals(yuan("0.00"), new BudgetLedger(List.of()).budget());
    }

    @Test
    void aNewBudgetChangesAddsAndDropsLinesInBatchOrder() {
        List<BudgetLedger.Change> changes = ledger().rebudget(budget(COUNTY, "80000", CENTRAL, "120000.00"), BATCHES);
        assertEquals(
                List.of(
                        new BudgetLedger.Change(
                                CENTRAL,
                                BudgetLedger.Change.Kind.CHANGE,
                                yuan("100000.00"),
                                yuan("120000.00"),
                                yuan("20000.00")),
                        new BudgetLedger.Change(
                                PROVINCIAL,
                                BudgetLedger.Change.Kind.DROP,
                                yuan("50000.00"),
                                BigDecimal.ZERO,
                                yuan("-50000.00")),
                        new BudgetLedger.Change(
                                COUNTY,
                                BudgetLedger.Change.Kind.ADD,
                                yuan("0.00"),
                                yuan("80000.00"),
                                yuan("80000.00"))),
                changes);
    }

    @Test
    void aBatchGivesNoMoreThanItHasLeftToArrange() {
        ProblemException problem = assertThrows(ProblemException.class, () -> ledger().rebudget(
                        budget(PROVINCIAL, "50000.00", CENTRAL, "120000.01"), BATCHES));
        assertEquals(ProblemType.CONFLICT, problem.type());
        var violation = problem.violations().getFirst();
        assertEquals(1, problem.violations().size());
        assertEquals("budget[1].amount", violation.field());
        assertEquals("EXCEEDS_BATCH", violation.code());
        assertEquals(List.of("2023 年中央第 2 批", "20000.00", "20000.01"), violation.args());
    }

    @Test
    void aLineIsNeverCutBelowWhatItPaid() {
        ProblemException problem =
                assertThrows(ProblemException.class, () -> ledger().rebudget(budget(CENTRAL, "29999.99"), BATCHES));
        assertEquals(
                List.of(CENTRAL, "29999.99", "30000.00"),
                problem.violations().getFirst().args());
        assertEquals("budget[0].amount", problem.violations().getFirst().field());
        ProblemException dropped =
                assertThrows(ProblemException.class, () -> ledger().rebudget(budget(PROVINCIAL, "50000.00"), BATCHES));
        assertEquals("budget", dropped.violations().getFirst().field());
        assertEquals("BELOW_DISBURSED", dropped.violations().getFirst().code());
        assertEquals(
                List.of(CENTRAL, "0", "30000.00"),
                dropped.violations().getFirst().args());
    }

    @Test
    void everyBrokenBatchIsListed() {
        ProblemException problem = assertThrows(ProblemException.class, () -> ledger().rebudget(
                        budget(CENTRAL, "1.00", PROVINCIAL, "50000.01"), BATCHES));
        assertEquals(
                List.of("BELOW_DISBURSED", "EXCEEDS_BATCH"),
                problem.violations().stream().map(v -> v.code()).toList());
    }

    @Test
    void theSameBudgetChangesNothing() {
        List<BudgetLedger.Change> changes =
                ledger().rebudget(budget(CENTRAL, "100000.00", PROVINCIAL, "50000.00"), BATCHES);
        assertEquals(
                List.of(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)),
                changes.stream().map(BudgetLedger.Change::delta).toList());
    }

    @Test
    void touchesTheNamedBatchesAndTheProjectsOwnInIdOrder() {
        assertEquals(
                List.of(CENTRAL, PROVINCIAL, COUNTY), List.copyOf(ledger().batchesTouchedBy(budget(COUNTY, "1.00"))));
        assertEquals(Set.of(COUNTY), new BudgetLedger(List.of()).batchesTouchedBy(budget(COUNTY, "1.00")));
    }

    @Test
    void whatIsUnpaidIsWhatTerminationGivesBack() {
        BudgetLedger ledger =
                new BudgetLedger(List.of(line(CENTRAL, "100000.00", "30000.00"), line(COUNTY, "20000.00", "20000.00")));
        assertEquals(
                List.of(CENTRAL),
                ledger.unpaid().stream().map(BudgetLedger.Line::batchId).toList());
        assertEquals(yuan("70000.00"), ledger.unpaid().getFirst().remaining());
    }
}
