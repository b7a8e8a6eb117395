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

            @Schema(description = "结果的时效；asOf 为过去日期时为空（结果与贫困发生率均按当日结束时计）")
            Freshness freshness,

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

    @Schema(
            name = "PovertyIncidence",
            description = "贫困发生率 = 未脱贫人口（含预脱贫）/ 基期农业户籍人口。同一地区、同一日期只有一个值，与所选指标体系无关：基期年度取该地区该年度的参数"
                    + " povertyIncidenceBaseYear（未设置时取不晚于该年度的最新人口数），基期人口取所查地区本级登记的数；本级未登记时才由下级合计，且下级须全部登记")
    public record PovertyIncidence(
            @Schema(description = "统计日期：asOf，未指定时为今天；未脱贫人口按当日结束时的状态计", example = "2020-12-31")
            LocalDate countedOn,

            @Schema(description = "未脱贫户数（含预脱贫）", example = "222")
            long notExitedHouseholds,

            @Schema(description = "未脱贫人口（含预脱贫）", example = "851")
            long notExitedPeople,

            @Schema(description = "其中预脱贫户数", example = "135")
            long plannedExitHouseholds,

            @Schema(description = "其中预脱贫人口", example = "565")
            long plannedExitPeople,

            @Schema(description = "基期年度；既未设置基期年度又无人口数时为空", example = "2014")
            Integer baseYear,

            @Schema(description = "基期农业户籍人口；无完整基数时为空", example = "24643")
            Long basePopulation,

            @Schema(description = "基期人口的来源：OWN 本级登记，SUM_OF_PARTS 下级合计（本级未登记）；无完整基数时为空")
            BaseSource baseSource,

            @Schema(description = "缺少基期人口的地区代码（本级未登记时，未登记的下级）；有完整基数时为空列表")
            List<String> divisionsWithoutBase,

            @Schema(description = "贫困发生率（百分比）；无完整基数时为空", example = "3.45")
            BigDecimal ratePercent,

            @Schema(description = "预脱贫户脱贫后的贫困发生率（百分比）", example = "1.15")
            BigDecimal rateAfterPlannedExitPercent) {}

    @Schema(name = "PovertyIncidenceBaseSource", description = "OWN 本级登记；SUM_OF_PARTS 下级合计")
    public enum BaseSource {
        OWN,
        SUM_OF_PARTS
    }

    @Schema(
            name = "ResultFreshness",
            description = "结果的时效：评估结果是否为农户当前数据的结果。changedSinceEvaluation 或 notEvaluated 大于 0 时，达标率反映的是评估时的数据，"
                    + "可通过重新评估任务（startEvaluationJob）更新")
    public record Freshness(
            @Schema(description = "已评估的农户数", example = "7587")
            long householdsEvaluated,

            @Schema(description = "评估后数据又有变化的农户数", example = "0")
            long changedSinceEvaluation,

            @Schema(description = "尚未按该指标体系评估的农户数", example = "0")
            long notEvaluated,

            @Schema(description = "最早的评估时间") Instant evaluatedFrom,
            @Schema(description = "最晚的评估时间") Instant evaluatedTo,
            @Schema(description = "全部结果均为农户当前数据的结果") boolean current) {}

    @Schema(name = "FailingHousehold", description = "未达标名单中的一户")
    public record FailingHousehold(
            UUID householdId,

            @Schema(description = "户主姓名；户主未登记时为空", example = "韦国强")
            String headName,

            @Schema(example = "450422101201") String villageCode,
            @Schema(example = "同心村") String villageName,
            @Schema(description = "该户计入分子的人（户）数") int numerator,
            @Schema(description = "该户计入分母的人（户）数") int denominator,
            @Schema(description = "未达标原因：哪位成员、哪个取值") List<Reason> reasons) {}

    @Schema(name = "ResultChange", description = "一户某项指标结果的变化")
    public record ResultChange(
            UUID householdId,

            @Schema(description = "户主姓名；户主未登记时为空", example = "韦国强")
            String headName,

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
