package cn.ruralwatch.fund.disbursement;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the disbursement endpoints. */
public final class DisbursementApi {

    private DisbursementApi() {}

    @Schema(name = "DisbursementRequest", description = "从项目某一资金批次的预算中拨付一笔资金")
    public record Request(
            @Schema(description = "资金批次（须是项目批复预算中的一项）") @NotNull
            UUID batchId,

            @Schema(description = "拨付金额（元，两位小数）", example = "120000.00")
            @NotNull
            @DecimalMin("0.01")
            @Digits(integer = 14, fraction = 2)
            BigDecimal amount,

            @Schema(description = "拨付日期", example = "2023-06-30") @NotNull
            LocalDate paidOn,

            @Schema(description = "收款单位或个人", example = "藤县某建筑工程有限公司") @NotBlank @Size(max = 200)
            String payee,

            @Schema(description = "凭证号", example = "记-2023-06-118") @Size(max = 100)
            String voucherNumber,

            @Schema(description = "说明", example = "进度款（60%）") @Size(max = 500)
            String note) {}

    @Schema(name = "Disbursement", description = "一笔拨付")
    public record View(
            UUID id,
            UUID projectId,
            UUID batchId,
            @Schema(description = "拨付金额（元）") BigDecimal amount,
            LocalDate paidOn,
            String payee,
            String voucherNumber,
            String note,
            @Schema(description = "登记人") String recordedBy,
            Instant recordedAt) {}
}
