package cn.ruralwatch.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** {@code disbursement.recorded.v1}: money was paid out of a project's budget line. Key: the project id. */
public record DisbursementRecorded(
        String disbursementId,
        String projectId,
        String batchId,
        String countyCode,
        String divisionCode,
        String projectType,
        BigDecimal amount,
        LocalDate paidOn,
        Instant recordedAt)
        implements FundEvent {}
