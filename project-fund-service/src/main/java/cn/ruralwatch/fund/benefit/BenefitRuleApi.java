package cn.ruralwatch.fund.benefit;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the benefit rule endpoints. */
public final class BenefitRuleApi {

    private BenefitRuleApi() {}

    @Schema(
            name = "BenefitRuleRequest",
            description = "设置一类到户帮扶在一个地区自某年起的标准：替代同一类别、地区、年度的现行标准（原标准留作历史）。" + "未填的金额或上限即不设限；务工条件只用于一次性交通补贴，且必须填写")
    public record RuleRequest(
            @Schema(description = "帮扶类别：INDUSTRY_REWARD、THREE_INDUSTRY_REWARD、YULU_SUBSIDY、TRANSPORT_SUBSIDY") @NotNull
            BenefitKind kind,

            @Schema(description = "地区：2 位省级、4 位市级或 6 位县级代码，须包含本人辖区", example = "42")
            @NotNull
            @Pattern(regexp = "[0-9]{2}|[0-9]{4}|[0-9]{6}", message = "{ruralwatch.benefit-rule.region}")
            String regionCode,

            @Schema(description = "起用年度：直到有更晚年度的标准为止", example = "2024") @NotNull @Min(2013) @Max(2100)
            Integer fromYear,

            @Schema(description = "每笔上限（元），如雨露计划每学期标准", example = "1500.00")
            @DecimalMin("0.01")
            @Digits(integer = 10, fraction = 2)
            BigDecimal amountPerGrant,

            @Schema(description = "每名成员每年上限（元），只用于按成员发放的类别", example = "3000.00")
            @DecimalMin("0.01")
            @Digits(integer = 10, fraction = 2)
            BigDecimal memberYearlyCap,

            @Schema(description = "每户每年上限（元）", example = "5000.00")
            @DecimalMin("0.01")
            @Digits(integer = 10, fraction = 2)
            BigDecimal householdYearlyCap,

            @Schema(description = "一次性交通补贴：本年至少务工的月数", example = "3") @Min(1) @Max(12)
            Integer minEmploymentMonths,

            @Schema(description = "一次性交通补贴：可享受的务工地点", example = "[\"OUT_OF_PROVINCE\"]") @Size(min = 1, max = 3)
            List<@NotNull EmploymentLocation> employmentLocations,

            @Schema(description = "依据（文件、文号）", example = "鄂乡振发〔2024〕7号") @Size(max = 500)
            String note) {}

    @Schema(name = "BenefitRule", description = "一类到户帮扶在一个地区自某年起的标准")
    public record Rule(
            UUID id,
            BenefitKind kind,

            @Schema(description = "地区：空串为全国，或 2 位省级、4 位市级、6 位县级代码", example = "42")
            String regionCode,

            @Schema(description = "起用年度", example = "2024") int fromYear,
            @Schema(description = "每笔上限（元），空为不设限") BigDecimal amountPerGrant,
            @Schema(description = "每名成员每年上限（元），空为不设限") BigDecimal memberYearlyCap,
            @Schema(description = "每户每年上限（元），空为不设限") BigDecimal householdYearlyCap,
            @Schema(description = "一次性交通补贴：本年至少务工的月数") Integer minEmploymentMonths,
            @Schema(description = "一次性交通补贴：可享受的务工地点") List<EmploymentLocation> employmentLocations,
            @Schema(description = "依据") String note,
            String setBy,
            Instant setAt,
            @Schema(description = "被新标准替代的时间；为空表示现行标准") Instant supersededAt) {

        /** Where it applies, as messages name it: 全国 or the region's code. */
        public String regionLabel() {
            return regionCode.isEmpty() ? "全国" : regionCode;
        }
    }
}
