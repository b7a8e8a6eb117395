package cn.ruralwatch.fund.fund;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the fund-batch endpoints. */
public final class FundBatchApi {

    private FundBatchApi() {}

    @Schema(name = "FundBatchRegistration", description = "登记一批衔接资金（财政衔接推进乡村振兴补助资金）")
    public record Registration(
            @Schema(description = "接收资金的县级区划代码", example = "450422") @NotBlank @Pattern(regexp = "[0-9]{6}")
            String countyCode,

            @Schema(description = "资金来源：CENTRAL 中央、PROVINCIAL 省级、CITY 市级、COUNTY 县级", example = "CENTRAL") @NotNull
            SourceLevel sourceLevel,

            @Schema(description = "资金年度", example = "2023") @NotNull @Min(2013) @Max(2100)
            Integer year,

            @Schema(description = "批次号", example = "4") @NotNull @Min(1) @Max(99)
            Integer batchNumber,

            @Schema(description = "金额（元，两位小数）", example = "3650000.00")
            @NotNull
            @DecimalMin(value = "0.01")
            @Digits(integer = 14, fraction = 2)
            BigDecimal amount,

            @Schema(description = "下达文号", example = "桂财农〔2023〕45号") @Size(max = 100)
            String documentNumber,

            @Schema(description = "用途", example = "产业发展") @Size(max = 500)
            String purpose) {}

    @Schema(name = "FundBatch", description = "衔接资金批次")
    public record FundBatchView(
            UUID id,
            String countyCode,
            SourceLevel sourceLevel,
            int year,
            int batchNumber,

            @Schema(description = "金额（元）", example = "3650000.00")
            BigDecimal amount,

            String documentNumber,
            String purpose,

            @Schema(description = "已安排到项目的预算（元）") BigDecimal allocated,

            @Schema(description = "已拨付（元）") BigDecimal disbursed,

            @Schema(description = "支出进度（已拨付 ÷ 金额，百分比）") BigDecimal spendingProgressPercent,

            long version,
            Instant registeredAt) {

        static FundBatchView of(FundBatch batch, BigDecimal disbursed) {
            BigDecimal allocated = batch.allocated == null ? BigDecimal.ZERO.setScale(2) : batch.allocated;
            return new FundBatchView(
                    batch.id,
                    batch.countyCode,
                    batch.sourceLevel,
                    batch.year,
                    batch.batchNumber,
                    batch.amount,
                    batch.documentNumber,
                    batch.purpose,
                    allocated,
                    disbursed,
                    SpendingProgress.percent(disbursed, batch.amount),
                    batch.version,
                    batch.registeredAt);
        }
    }
}
