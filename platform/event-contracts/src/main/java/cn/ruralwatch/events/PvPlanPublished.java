package cn.ruralwatch.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code pv-plan.published.v1}: a village's or township's plan for a year's PV revenue 光伏收益分配方案 was published
 * (公示) and is in force; a published plan never changes. Key: the plan id. Amounts in 元: what the plan distributes,
 * the wages of its public-welfare jobs 公益性岗位 and how many members hold them, small public-welfare works
 * 小型公益事业 (with the labour paid in them), and rewards 奖励补助 with the households receiving them.
 */
public record PvPlanPublished(
        String planId,
        String countyCode,
        String divisionCode,
        int year,
        LocalDate publishedOn,
        String documentNumber,
        BigDecimal distributable,
        int jobHolders,
        BigDecimal wages,
        BigDecimal works,
        BigDecimal worksLabour,
        BigDecimal rewards,
        int rewardedHouseholds,
        Instant publishedAt)
        implements FundEvent {}
