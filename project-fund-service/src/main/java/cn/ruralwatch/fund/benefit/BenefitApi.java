package cn.ruralwatch.fund.benefit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the household benefit and small loan endpoints. */
public final class BenefitApi {

    private BenefitApi() {}

    @Schema(name = "HouseholdBenefitRequest", description = "登记一笔到户帮扶")
    public record GrantRequest(
            @Schema(description = "农户") @NotNull UUID householdId,

            @Schema(description = "家庭成员（雨露计划、交通补贴、公益性岗位工资须填）")
            UUID memberId,

            @Schema(description = "帮扶类别（小额信贷贴息由贷款计算，光伏收益奖励补助和资产收益分配由方案和资产收益发放，均不在此登记）") @NotNull
            BenefitKind kind,

            @Schema(description = "金额（元）", example = "1000.00")
            @NotNull
            @DecimalMin("0.01")
            @Digits(integer = 10, fraction = 2)
            BigDecimal amount,

            @Schema(description = "兑现日期（决定所属年度）", example = "2023-09-20") @NotNull
            LocalDate grantedOn,

            @Schema(description = "说明", example = "2023 年农业特色产业帮扶奖补：柑橘 5 亩") @Size(max = 500)
            String description) {}

    @Schema(name = "HouseholdBenefit", description = "一笔到户帮扶")
    public record BenefitView(
            UUID id,
            UUID householdId,
            String villageCode,
            UUID memberId,
            BenefitKind kind,
            int year,
            BigDecimal amount,
            LocalDate grantedOn,
            String description,

            @Schema(description = "来源，如 pv-plan:<方案 id>；手工登记为空")
            String source,

            String recordedBy,
            Instant recordedAt) {}

    @Schema(name = "MicrocreditLoanRequest", description = "登记一笔脱贫人口小额信贷")
    public record LoanRequest(
            @NotNull UUID householdId,

            @Schema(description = "借款人（18–65 岁的家庭成员）") @NotNull
            UUID borrowerMemberId,

            @Schema(description = "放款银行", example = "大冶市农村商业银行") @NotBlank @Size(max = 200)
            String bank,

            @Schema(description = "借款合同编号", example = "DYNSH-2023-0815") @NotBlank @Size(max = 100)
            String contractNumber,

            @Schema(description = "贷款金额（元，不超过 5 万元）", example = "50000.00")
            @NotNull
            @DecimalMin("0.01")
            @Digits(integer = 10, fraction = 2)
            BigDecimal principal,

            @Schema(description = "年利率（百分比，一般为同期 LPR）", example = "3.45")
            @NotNull
            @DecimalMin("0.0001")
            @DecimalMax("24")
            @Digits(integer = 2, fraction = 4)
            BigDecimal annualRatePercent,

            @Schema(description = "财政贴息比例（百分比）", example = "100")
            @NotNull
            @DecimalMin("0.01")
            @DecimalMax("100")
            @Digits(integer = 3, fraction = 2)
            BigDecimal subsidyPercent,

            @Schema(description = "放款日期", example = "2023-03-01") @NotNull
            LocalDate disbursedOn,

            @Schema(description = "期限（月，不超过 36）", example = "36") @NotNull @Min(1) @Max(120)
            Integer termMonths,

            @Schema(description = "用途", example = "发展柑橘种植") @Size(max = 500)
            String purpose) {}

    @Schema(name = "MicrocreditRepayment", description = "还清贷款")
    public record Repayment(
            @Schema(description = "还清日期", example = "2024-02-29") @NotNull
            LocalDate repaidOn) {}

    @Schema(name = "MicrocreditLoan", description = "一笔小额信贷及其贴息")
    public record LoanView(
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
            @Schema(description = "ACTIVE 在贷，REPAID 已还清") String status,

            @Schema(description = "各年度贴息（元）：本金 × 年利率 × 贴息比例 × 当年计息天数 ÷ 360，计息到还清日（未还清到到期日）")
            Map<Integer, BigDecimal> interestSubsidyByYear,

            @Schema(description = "贴息合计（元）") BigDecimal interestSubsidy,
            long version,
            String recordedBy,
            Instant recordedAt) {}

    @Schema(name = "HouseholdBenefitTotals", description = "一户一年的到户帮扶合计")
    public record Totals(
            UUID householdId,
            String villageCode,
            int year,
            @Schema(description = "各类别金额（元）") Map<BenefitKind, BigDecimal> byKind,
            @Schema(description = "合计（元）") BigDecimal total) {}
}
