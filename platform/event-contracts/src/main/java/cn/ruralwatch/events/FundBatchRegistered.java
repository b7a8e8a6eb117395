package cn.ruralwatch.events;

import java.math.BigDecimal;

/** {@code fund-batch.registered.v1}: a linkage-fund batch was registered. Key: the batch id. */
public record FundBatchRegistered(
        String batchId, String sourceLevel, int year, int batchNumber, BigDecimal amount, String countyCode)
        implements FundEvent {}
