package cn.ruralwatch.fund.asset;

import cn.ruralwatch.fund.project.AssetClass;
import cn.ruralwatch.fund.project.OwnerType;
import jakarta.validation.Valid;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the project asset endpoints. */
public final class AssetApi {

    private AssetApi() {}

    /** How an asset left the books. */
    @Schema(description = "处置方式：TRANSFER 移交、SALE 拍卖或转让、SCRAP 报废、DEMOLITION 拆除、LOSS 灭失")
    public enum DisposalMethod {
        TRANSFER,
        SALE,
        SCRAP,
        DEMOLITION,
        LOSS
    }

    @Schema(name = "ProjectAsset", description = "扶贫项目资产（资产确权时登记）")
    public record AssetView(
            UUID id,
            UUID projectId,
            String countyCode,
            String name,
            AssetClass assetClass,
            OwnerType ownerType,
            @Schema(description = "所有者区划（农户所有时为其所在村）") String ownerDivisionCode,
            UUID ownerHouseholdId,
            @Schema(description = "资产价值（元）") BigDecimal value,
            LocalDate registeredOn,
            @Schema(description = "ACTIVE 在用，DISPOSED 已处置") String status,
            @Schema(description = "累计收益（元）") BigDecimal revenueTotal,
            @Schema(description = "累计分配到户（元）") BigDecimal distributedTotal,
            LocalDate disposedOn,
            DisposalMethod disposalMethod,
            @Schema(description = "处置收入（元）") BigDecimal disposalProceeds,
            String disposalReason,
            long version) {}

    @Schema(name = "AssetRevenueRequest", description = "登记一笔资产收益及其到户分配")
    public record RevenueRequest(
            @Schema(description = "收益所属年度", example = "2023") @NotNull @Min(2013) @Max(2100)
            Integer year,

            @Schema(description = "收益金额（元）", example = "28616.00")
            @NotNull
            @DecimalMin("0.01")
            @Digits(integer = 12, fraction = 2)
            BigDecimal amount,

            @Schema(description = "到账日期", example = "2023-12-20") @NotNull
            LocalDate receivedOn,

            @Schema(description = "说明", example = "大棚租金（资产价值的 8%）") @Size(max = 500)
            String note,

            @Schema(description = "分配到户（合计不超过收益）") @Size(max = 5000)
            List<@Valid @NotNull ShareRequest> shares) {}

    @Schema(name = "AssetRevenueShare", description = "分配给一户的收益")
    public record ShareRequest(
            @NotNull UUID householdId,

            @Schema(description = "金额（元）", example = "300.00")
            @NotNull
            @DecimalMin("0.01")
            @Digits(integer = 10, fraction = 2)
            BigDecimal amount) {}

    @Schema(name = "AssetRevenue", description = "一笔资产收益")
    public record RevenueView(
            UUID id,
            UUID assetId,
            int year,
            BigDecimal amount,
            LocalDate receivedOn,
            String note,
            @Schema(description = "收益率（收益 ÷ 资产价值，百分比）") BigDecimal returnPercent,
            @Schema(description = "已分配到户（元）") BigDecimal distributed,
            List<Share> shares,
            String recordedBy,
            Instant recordedAt) {}

    @Schema(name = "AssetRevenueShareView", description = "分配给一户的收益")
    public record Share(UUID householdId, BigDecimal amount) {}

    @Schema(name = "AssetDisposal", description = "资产处置")
    public record Disposal(
            @Schema(description = "处置日期", example = "2026-06-30") @NotNull
            LocalDate disposedOn,

            @NotNull DisposalMethod method,

            @Schema(description = "处置原因及批准情况", example = "大棚损毁无法修复，经村民代表会议和乡镇审核同意报废") @NotBlank @Size(max = 500)
            String reason,

            @Schema(description = "处置收入（元）", example = "0.00")
            @NotNull
            @DecimalMin("0.00")
            @Digits(integer = 14, fraction = 2)
            BigDecimal proceeds) {}
}
