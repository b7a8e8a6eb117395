package cn.ruralwatch.indicator.figures;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the figure checks (上报数据核验) take and answer. */
public final class FigureCheckApi {

    private FigureCheckApi() {}

    @Schema(
            name = "FigureCheckRequest",
            description = "一组上报数据（如工作汇报中的数字）及其关系：部分之和等于整体、比率等于分子除以分母、与系统登记数据一致。每个不成立的关系即为一处矛盾")
    public record Request(
            @Schema(description = "地区（行政区划代码），须在本人辖区内", example = "450422101")
            @NotNull
            @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}")
            String divisionCode,

            @Schema(description = "数据所属年度", example = "2020") @NotNull @Min(2000) @Max(2100)
            Integer year,

            @Schema(description = "与系统数据比对的日期（含当日）；为空表示当前", example = "2020-12-31")
            LocalDate asOf,

            @Schema(description = "名称", example = "同心镇2020年脱贫攻坚工作汇报") @NotBlank @Size(max = 200)
            String title,

            @Schema(description = "来源（文件、文号、报送单位）", example = "同心镇人民政府") @Size(max = 1000)
            String source,

            @Schema(description = "数字") @NotEmpty @Size(max = 500)
            List<@Valid @NotNull Figure> figures,

            @Schema(description = "数字之间的关系") @Size(max = 500)
            List<@Valid @NotNull Relation> relations,

            @Schema(description = "与系统登记数据的比对") @Size(max = 500)
            List<@Valid @NotNull Comparison> comparisons) {}

    @Schema(name = "DeclaredFigure", description = "一个上报的数字")
    public record Figure(
            @Schema(description = "编码（本组内唯一，关系中引用）", example = "nonPoorHouseholds")
            @NotBlank
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,59}")
            String code,

            @Schema(description = "原文的说法", example = "全镇非贫困户") @NotBlank @Size(max = 200)
            String label,

            @Schema(description = "数值；百分比写百分数（99.28）", example = "6419") @NotNull @Digits(integer = 15, fraction = 4)
            BigDecimal value,

            @Schema(description = "单位", example = "户") @Size(max = 10)
            String unit) {}

    @Schema(name = "FigureRelationKind", description = "SUM 整体 = 各部分之和；RATE 比率（%）= 分子 / 分母 × 100，按小数位数四舍五入")
    public enum RelationKind {
        SUM,
        RATE
    }

    @Schema(
            name = "FigureRelation",
            description =
                    "SUM：whole 与 parts；差（如 未达标 = 户数 − 已达标）写作 户数 = 已达标 + 未达标。RATE：rate、numerator、denominator、decimals")
    public record Relation(
            @Schema(example = "SUM") @NotNull RelationKind kind,

            @Schema(description = "SUM：整体", example = "nonPoorHouseholds")
            String whole,

            @Schema(description = "SUM：各部分", example = "[\"nonPoorHousingMet\", \"nonPoorHousingFailing\"]")
            @Size(max = 50)
            List<String> parts,

            @Schema(description = "RATE：比率", example = "nonPoorHousingRate")
            String rate,

            @Schema(description = "RATE：分子", example = "nonPoorHousingMet")
            String numerator,

            @Schema(description = "RATE：分母", example = "nonPoorHouseholds")
            String denominator,

            @Schema(description = "RATE：小数位数，默认 2", example = "2") @Min(0) @Max(4)
            Integer decimals) {}

    @Schema(
            name = "RegisteredMeasure",
            description = "系统中的数据：HOUSEHOLDS 户数，PEOPLE 人数（在户成员），BASE_POPULATION 基期农业户籍人口，NOT_EXITED_HOUSEHOLDS/PEOPLE"
                    + " 未脱贫户数/人数（含预脱贫），PLANNED_EXIT_HOUSEHOLDS/PEOPLE 预脱贫户数/人数，POVERTY_INCIDENCE 贫困发生率，"
                    + "POVERTY_INCIDENCE_AFTER_PLANNED_EXITS 预脱贫户脱贫后的贫困发生率；MONITORED_HOUSEHOLDS/PEOPLE 现有未消除风险监测户数/人数，"
                    + "EVER_MONITORED_HOUSEHOLDS/PEOPLE 曾纳入监测（含已消除风险和以往各次监测）的户数/人数，两者可按 category 监测类别、"
                    + "identifiedYear 识别年度细分；STABLE_EXITED_HOUSEHOLDS/PEOPLE 稳定脱贫户数/人数（脱贫户中未处于未消除风险监测的）；"
                    + "监测与脱贫户按农户当前数据计，不能与 asOf 同用。INDICATOR_* 为某指标体系某项指标的总体、排除数、分母、分子、未达标户数、达标率")
    public enum Measure {
        HOUSEHOLDS,
        PEOPLE,
        BASE_POPULATION,
        NOT_EXITED_HOUSEHOLDS,
        NOT_EXITED_PEOPLE,
        PLANNED_EXIT_HOUSEHOLDS,
        PLANNED_EXIT_PEOPLE,
        POVERTY_INCIDENCE,
        POVERTY_INCIDENCE_AFTER_PLANNED_EXITS,
        MONITORED_HOUSEHOLDS,
        MONITORED_PEOPLE,
        EVER_MONITORED_HOUSEHOLDS,
        EVER_MONITORED_PEOPLE,
        STABLE_EXITED_HOUSEHOLDS,
        STABLE_EXITED_PEOPLE,
        INDICATOR_POPULATION,
        INDICATOR_EXCLUDED,
        INDICATOR_DENOMINATOR,
        INDICATOR_NUMERATOR,
        INDICATOR_FAILING_HOUSEHOLDS,
        INDICATOR_RATE
    }

    @Schema(name = "FigureComparison", description = "一个上报数字与系统数据的比对；INDICATOR_* 须给出 standard 与 indicator")
    public record Comparison(
            @Schema(description = "上报数字的编码", example = "nonPoorHouseholds") @NotBlank
            String figure,

            @Schema(example = "INDICATOR_DENOMINATOR") @NotNull
            Measure measure,

            @Schema(description = "指标体系编码", example = "GUANGXI_TOWNSHIP_2020") @Size(max = 60)
            String standard,

            @Schema(description = "指标编码", example = "HOUSING_NON_POOR") @Size(max = 60)
            String indicator,

            @Schema(description = "INDICATOR_EXCLUDED：排除项编码", example = "ACTIVE_SOLDIER") @Size(max = 60)
            String exclusion,

            @Schema(description = "比率的小数位数，默认 2", example = "2") @Min(0) @Max(4)
            Integer decimals,

            @Schema(
                    description = "MONITORED_*、EVER_MONITORED_*：只计此监测类别（UNSTABLE_EXITED 脱贫不稳定户，EDGE_AT_RISK 边缘易致贫户，"
                            + "SUDDEN_HARDSHIP 突发严重困难户）",
                    example = "SUDDEN_HARDSHIP")
            @Pattern(regexp = "UNSTABLE_EXITED|EDGE_AT_RISK|SUDDEN_HARDSHIP")
            String category,

            @Schema(description = "MONITORED_*、EVER_MONITORED_*：只计此年度识别的", example = "2022") @Min(2014) @Max(2100)
            Integer identifiedYear) {

        /** A comparison with the suite's data that needs no standard. */
        public Comparison(String figure, Measure measure) {
            this(figure, measure, null, null, null, null, null, null);
        }

        /** Whether it counts monitored households or their people. */
        public boolean monitoring() {
            return measure != null && measure.name().contains("MONITORED");
        }
    }

    @Schema(name = "FigureCheckKind", description = "SUM 部分之和，RATE 比率，REGISTERED 与系统数据比对")
    public enum CheckKind {
        SUM,
        RATE,
        REGISTERED
    }

    @Schema(name = "FigureCheckOutcome", description = "一项核验")
    public record Check(
            CheckKind kind,
            @Schema(description = "涉及的数字编码") List<String> figures,
            @Schema(description = "上报的值", example = "6419") BigDecimal declared,

            @Schema(description = "由其他数字或系统数据得出的值", example = "6420")
            BigDecimal computed,

            @Schema(description = "上报值 − 得出值", example = "-1")
            BigDecimal difference,

            @Schema(description = "成立") boolean holds,

            @Schema(description = "说明", example = "全镇非贫困户 6419 ≠ 已达标 6373 + 未达标 47 = 6420（相差 -1）")
            String message) {}

    @Schema(name = "FigureCheck", description = "一组上报数据的核验结果；查看时按当前数据重新核验")
    public record FigureCheck(
            UUID id,
            @Schema(example = "450422101") String divisionCode,
            @Schema(example = "同心镇") String divisionName,
            @Schema(example = "2020") int year,
            @Schema(description = "比对日期；为空表示当前") LocalDate asOf,
            String title,
            String source,
            Instant createdAt,
            String createdBy,
            @Schema(description = "本次核验的时间") Instant checkedAt,

            @Schema(description = "不成立的核验数（矛盾）", example = "3")
            int contradictions,

            List<Check> checks,
            List<Figure> figures,
            List<Relation> relations,
            List<Comparison> comparisons) {}

    @Schema(name = "FigureCheckSummary", description = "一组上报数据：保存时的核验结果")
    public record Summary(
            UUID id,
            String divisionCode,
            int year,
            String title,
            Instant createdAt,
            String createdBy,
            @Schema(description = "保存时不成立的核验数") int contradictions,
            @Schema(description = "保存时的核验数") int checks) {}

    @Schema(name = "PopulationBaseDifference", description = "申报的人口基数与系统登记数据的比较")
    public record PopulationBaseDifference(
            @Schema(example = "450422101203") String divisionCode,
            @Schema(example = "凤阁村") String divisionName,
            @Schema(example = "2020") int year,
            @Schema(description = "申报户数", example = "713") long declaredHouseholds,

            @Schema(description = "系统登记户数（有在户成员的农户）", example = "711")
            long registeredHouseholds,

            @Schema(description = "申报户籍人口", example = "2786")
            long declaredPopulation,

            @Schema(description = "系统登记在户人口", example = "2733")
            long registeredPeople,

            @Schema(description = "户数一致") boolean householdsAgree,
            @Schema(description = "人口一致") boolean populationAgrees) {}
}
