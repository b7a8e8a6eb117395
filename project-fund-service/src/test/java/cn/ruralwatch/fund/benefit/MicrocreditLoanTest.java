package cn.ruralwatch.fund.benefit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The interest subsidy 贴息 of a small loan, by calendar year. */
class MicrocreditLoanTest {

    static MicrocreditLoan loan(String subsidyPercent, LocalDate repaidOn) {
        return new MicrocreditLoan(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "450422101201",
                UUID.randomUUID(),
                "藤县农商银行",
                "C-1",
                new BigDecimal("50000.00"),
                new BigDecimal("3.4500"),
                new BigDecimal(subsidyPercent),
                LocalDate.of(2023, 3, 1),
                LocalDate.of(2026, 3, 1),
                repaidOn,
                "养殖",
                repaidOn == null ? "ACTIVE" : "REPAID",
                0,
                "clerk",
                Instant.EPOCH);
    }

    @Test
    void aRunningLoanIsSubsidisedToItsDueDateDayByDayOver360() {
        assertEquals(
                Map.of(
                        2023, new BigDecimal("1466.25"),
                        2024, new BigDecimal("1753.75"),
                        2025, new BigDecimal("1748.96"),
                        2026, new BigDecimal("282.71")),
                loan("100.00", null).subsidyByYear());
    }

    @Test
    void aRepaidLoanIsSubsidisedToTheDayItWasRepaid() {
        MicrocreditLoan repaid = loan("100.00", LocalDate.of(2024, 2, 29));
        assertEquals(Map.of(2023, new BigDecimal("1466.25"), 2024, new BigDecimal("282.71")), repaid.subsidyByYear());
        assertEquals(new BigDecimal("0.00"), repaid.subsidy(2025));
    }

    @Test
    void onlyTheSubsidisedShareOfTheInterestCounts() {
        assertEquals(new BigDecimal("733.13"), loan("50.00", null).subsidy(2023));
    }
}
