package cn.ruralwatch.fund.benefit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A microcredit loan 小额信贷 as stored, and its interest subsidy 贴息: principal × annual rate × subsidy share × days
 * of the year the loan runs ÷ 360, counted to the day it is repaid (to its due date while it runs).
 */
record MicrocreditLoan(
        UUID id,
        UUID householdId,
        String villageCode,
        UUID borrowerMemberId,
        String bank,
        String contractNumber,
        BigDecimal principal,
        BigDecimal annualRatePercent,
        BigDecimal subsidyPercent,
        LocalDate disbursedOn,
        LocalDate dueOn,
        LocalDate repaidOn,
        String purpose,
        String status,
        long version,
        String recordedBy,
        Instant recordedAt) {

    LocalDate end() {
        return repaidOn != null ? repaidOn : dueOn;
    }

    /** The subsidy of each calendar year the loan runs in. */
    Map<Integer, BigDecimal> subsidyByYear() {
        Map<Integer, BigDecimal> byYear = new TreeMap<>();
        for (int year = disbursedOn.getYear(); year <= end().getYear(); year++) {
            BigDecimal subsidy = subsidy(year);
            if (subsidy.signum() > 0) {
                byYear.put(year, subsidy);
            }
        }
        return byYear;
    }

    BigDecimal subsidy(int year) {
        LocalDate from = disbursedOn.isAfter(LocalDate.of(year, 1, 1)) ? disbursedOn : LocalDate.of(year, 1, 1);
        LocalDate to = end().isBefore(LocalDate.of(year + 1, 1, 1)) ? end() : LocalDate.of(year + 1, 1, 1);
        long days = Math.max(0, ChronoUnit.DAYS.between(from, to));
        return principal
                .multiply(annualRatePercent)
                .multiply(subsidyPercent)
                .multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(100L * 100 * 360), 2, RoundingMode.HALF_UP);
    }
}
