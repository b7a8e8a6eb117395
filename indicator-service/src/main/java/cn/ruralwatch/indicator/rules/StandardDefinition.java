package cn.ruralwatch.indicator.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A version of an indicator standard (指标体系) as callers write it and as the suite ships it
 * ({@code src/main/resources/standards/*.json}). Rules are CEL over the model in {@code docs/indicator-rules.md}.
 */
@Schema(name = "StandardDefinition", description = "指标体系的一个版本：指标、规则（CEL）、参数与一致性校验规则")
public record StandardDefinition(
        @Schema(description = "指标体系编码；同一编码的新版本替代旧版本", example = "NATIONAL_HOUSEHOLD_2021")
        @NotBlank
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,59}")
        String code,

        @Schema(description = "名称", example = "两不愁三保障及饮水安全、收入监测") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "适用地区：行政区划代码前缀，空串为全国，45 为广西", example = "45")
        @NotNull
        @Pattern(regexp = "|[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12}")
        String regionCode,

        @Schema(description = "评价对象层级：HOUSEHOLD 农户，VILLAGE 行政村，TOWNSHIP 乡镇") @NotNull
        Level level,

        @Schema(description = "适用期起", example = "2021-01-01") @NotNull
        LocalDate validFrom,

        @Schema(description = "适用期止；为空表示长期有效。评估以适用期内的日期为基准（年龄、收入年度、参数年度）")
        LocalDate validTo,

        @Schema(description = "说明与依据（文件名、文号）") @Size(max = 4000)
        String description,

        @Schema(description = "规则中可用的参数（params.名称），取值按地区与年度另行设置") @Valid
        List<ParameterDeclaration> parameters,

        @Schema(description = "指标") @NotEmpty @Valid List<IndicatorDefinition> indicators,
        @Schema(description = "一致性校验规则（左右表达式比较汇总数）") @Valid List<ConsistencyRule> consistencyRules) {

    public StandardDefinition {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        consistencyRules = consistencyRules == null ? List.of() : List.copyOf(consistencyRules);
    }

    /** What a standard judges. */
    @Schema(name = "StandardLevel", description = "指标体系的评价对象层级")
    public enum Level {
        HOUSEHOLD,
        VILLAGE,
        TOWNSHIP
    }

    /** What an indicator counts: households, people, or the division itself. */
    @Schema(name = "IndicatorUnit", description = "指标的计数单位")
    public enum Unit {
        /** 按户计：规则作用于 household */
        HOUSEHOLD,
        /** 按人计：规则作用于每个家庭成员 member（含已减员成员，由总体与排除项决定是否计入） */
        MEMBER,
        /** 按区划判定：规则作用于 division（村、乡镇的事实与汇总数） */
        DIVISION
    }

    @Schema(name = "ParameterDeclaration")
    public record ParameterDeclaration(
            @Schema(description = "参数名，规则中写作 params.名称", example = "monitoringThreshold")
            @NotBlank
            @Pattern(regexp = "[a-z][A-Za-z0-9]{0,59}")
            String name,

            @Schema(description = "中文名称与单位", example = "防返贫监测范围（年人均纯收入，元）") @NotBlank @Size(max = 200)
            String title) {}

    @Schema(name = "IndicatorDefinition")
    public record IndicatorDefinition(
            @Schema(description = "指标编码，在本指标体系内唯一", example = "HOUSING_SECURITY")
            @NotBlank
            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,59}")
            String code,

            @Schema(description = "中文名称", example = "住房安全有保障") @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "计数单位") @NotNull Unit unit,

            @Schema(
                    description = "总体：哪些户（人）属于本指标的统计范围，CEL 布尔表达式；为空表示全部",
                    example = "household.povertyStatus == 'PLANNED_EXIT'")
            @Size(max = 4000)
            String population,

            @Schema(description = "从分母中排除的情形，按顺序判断，每人（户）只计入第一个符合的排除项") @Valid
            List<Exclusion> exclusions,

            @Schema(description = "达标规则，CEL 布尔表达式", example = "household.housing.safetyGrade in ['A', 'B']")
            @NotBlank
            @Size(max = 4000)
            String rule,

            @Schema(description = "未达标时记录的取值：名称 → CEL 表达式，作为未达标原因")
            Map<String, @NotBlank @Size(max = 4000) String> evidence,

            @Schema(description = "未达标即为返贫致贫风险时的风险类型（household-service 的名称），如 HOUSING、DRINKING_WATER、OTHER")
            @Pattern(
                    regexp =
                            "ILLNESS|DISABILITY|EDUCATION|DISASTER|ACCIDENT|UNSTABLE_EMPLOYMENT|INDUSTRY_FAILURE|HOUSING|DRINKING_WATER|OTHER")
            String riskType,

            @Schema(description = "工作汇报中的写法：RATE 报达标率并列出未达标户（默认）；COUNT 只报数量（如有电视机的农户数、" + "已办慢病证人数），不列名单")
            Reporting reporting,

            @Schema(description = "COUNT 指标达标对象在汇报中的称谓", example = "有电视机的农户") @Size(max = 60)
            String metAs,

            @Schema(description = "COUNT 指标未达标对象在汇报中的称谓；为空时只报达标数和占比", example = "待办慢病证") @Size(max = 60)
            String notMetAs) {

        public IndicatorDefinition {
            exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
            evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
            reporting = reporting == null ? Reporting.RATE : reporting;
        }

        /** An indicator without report wording: reported as a rate with its failing households named. */
        public IndicatorDefinition(
                String code,
                String name,
                Unit unit,
                String population,
                List<Exclusion> exclusions,
                String rule,
                Map<String, String> evidence,
                String riskType) {
            this(code, name, unit, population, exclusions, rule, evidence, riskType, Reporting.RATE, null, null);
        }
    }

    /** How a work report speaks of an indicator. */
    @Schema(name = "IndicatorReporting", description = "工作汇报中指标的写法")
    public enum Reporting {
        /** 达标率：应评、已达标、达标率，未达标户逐户列出 */
        RATE,
        /** 数量：只报达标对象（及未达标对象）的数量与占比，不列名单，如“有电视机的农户6129户” */
        COUNT
    }

    @Schema(name = "Exclusion")
    public record Exclusion(
            @Schema(example = "ACTIVE_SOLDIER") @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,59}")
            String code,

            @Schema(example = "现役军人") @NotBlank @Size(max = 200)
            String name,

            @Schema(example = "member.activeSoldier") @NotBlank @Size(max = 4000)
            String condition) {}

    /**
     * A DHIS2-style validation rule: two expressions over a division's aggregates compared with an operator, e.g. the
     * housing failures by reason must add up to all housing failures.
     */
    @Schema(name = "ConsistencyRule")
    public record ConsistencyRule(
            @Schema(example = "HOUSING_FAILURES_ADD_UP") @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,59}")
            String code,

            @Schema(example = "住房未达标户按原因分项之和等于未达标户数") @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "左侧：CEL 数值表达式，作用于 division", example = "division.failing['HOUSING']")
            @NotBlank
            @Size(max = 4000)
            String left,

            @Schema(description = "比较：== != < <= > >=") @NotNull @Pattern(regexp = "==|!=|<|<=|>|>=")
            String operator,

            @Schema(
                    description = "右侧：CEL 数值表达式",
                    example = "division.failing['HOUSING_C'] + division.failing['HOUSING_D']")
            @NotBlank
            @Size(max = 4000)
            String right) {}
}
