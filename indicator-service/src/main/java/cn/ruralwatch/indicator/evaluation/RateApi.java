package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.indicator.rules.StandardDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the rates API answers. */
public final class RateApi {

    private RateApi() {}

    @Schema(name = "RateReport", description = "一个地区按一套指标体系的达标率")
    public record RateReport(
            @Schema(example = "450422101") String divisionCode,
            @Schema(example = "同心镇") String divisionName,
            @Schema(example = "GUANGXI_TOWNSHIP_2020") String standardCode,
            @Schema(description = "截至日期；为空表示当前") LocalDate asOf,
            List<IndicatorRate> indicators,
            PovertyIncidence povertyIncidence) {}

    @Schema(name = "IndicatorRate", description = "达标率 = 分子 / 分母；分母 = 总体 − 各排除项")
    public record IndicatorRate(
            @Schema(example = "MEDICAL_INSURANCE") String indicatorCode,
            @Schema(example = "基本医疗保险参保率") String name,

            @Schema(description = "按户（HOUSEHOLD）或按人（MEMBER）计")
            StandardDefinition.Unit unit,

            @Schema(description = "总体（排除前）", example = "26343")
            long population,

            @Schema(description = "排除项及人（户）数") List<ExclusionCount> exclusions,
            @Schema(description = "分母", example = "22211") long denominator,

            @Schema(description = "分子（达标）", example = "21854")
            long numerator,

            @Schema(description = "达标率（百分比，两位小数）；分母为 0 时为空", example = "98.39")
            BigDecimal ratePercent,

            @Schema(description = "有未达标的户数（未达标名单的条数）", example = "361")
            long failingHouseholds) {}

    @Schema(name = "ExclusionCount")
    public record ExclusionCount(
            @Schema(example = "ACTIVE_SOLDIER") String code,
            @Schema(example = "现役军人") String name,
            @Schema(example = "12") long count) {}

    @Schema(name = "PovertyIncidence", description = "贫困发生率 = 未脱贫人口（含预脱贫）/ 基期农业户籍人口")
    public record PovertyIncidence(
            @Schema(description = "未脱贫户数（含预脱贫）", example = "222")
            long notExitedHouseholds,

            @Schema(description = "未脱贫人口（含预脱贫）", example = "851")
            long notExitedPeople,

            @Schema(description = "其中预脱贫人口", example = "567")
            long plannedExitPeople,

            @Schema(description = "基期年度；未登记人口基数时为空", example = "2014")
            Integer baseYear,

            @Schema(description = "基期农业户籍人口", example = "24643")
            Long basePopulation,

            @Schema(description = "贫困发生率（百分比）", example = "3.45")
            BigDecimal ratePercent,

            @Schema(description = "预脱贫户脱贫后的贫困发生率（百分比）", example = "1.15")
            BigDecimal rateAfterPlannedExitPercent) {}

    @Schema(name = "FailingHousehold", description = "未达标名单中的一户")
    public record FailingHousehold(
            UUID householdId,
            @Schema(example = "450422101201") String villageCode,
            @Schema(example = "同心村") String villageName,
            @Schema(description = "该户计入分子的人（户）数") int numerator,
            @Schema(description = "该户计入分母的人（户）数") int denominator,
            @Schema(description = "未达标原因：哪位成员、哪个取值") List<Reason> reasons) {}

    @Schema(name = "ResultChange", description = "一户某项指标结果的变化")
    public record ResultChange(
            UUID householdId,
            String villageCode,
            String villageName,
            Instant changedAt,
            @Schema(description = "变化后是否达标") boolean met,
            List<Reason> reasons) {}

    @Schema(name = "EvaluationReason", description = "未达标的取值")
    public record Reason(
            @Schema(description = "成员 id；户级取值为空") String memberId,
            @Schema(example = "netIncomePerCapita") String field,
            @Schema(example = "5200") String value) {}
}
