package cn.ruralwatch.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * {@code household-benefits.totalled.v1}: a household's benefits of a year 到户帮扶 as they stand after a change — each
 * kind's amount (小额信贷 as its interest subsidy) and the total — so that incomes and reports can use them. Key: the
 * household id. {@code version} orders the totals of one household and year; a consumer ignores an older one.
 */
public record HouseholdBenefitsTotalled(
        String householdId,
        String villageCode,
        int year,
        long version,
        Map<String, BigDecimal> byKind,
        BigDecimal total,
        Instant totalledAt)
        implements FundEvent {}
