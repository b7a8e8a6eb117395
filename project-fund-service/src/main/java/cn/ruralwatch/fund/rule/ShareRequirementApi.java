package cn.ruralwatch.fund.rule;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the share-requirement endpoints. */
public final class ShareRequirementApi {

    private ShareRequirementApi() {}

    @Schema(name = "ShareRequirement", description = "最低占比要求（全国或一个省，自某年起）")
    public record Requirement(
            ShareRequirementKind kind,

            @Schema(description = "'' 全国，或 2 位省级代码", example = "45")
            String regionCode,

            @Schema(description = "自哪一年起", example = "2024") int fromYear,

            @Schema(description = "最低占比（百分比）", example = "60.00")
            BigDecimal minimumPercent,

            @Schema(description = "依据") String note,
            String setBy,
            Instant setAt) {}

    @Schema(name = "ShareRequirementRequest", description = "设置一个省自某年起的最低占比")
    public record RequirementRequest(
            @Schema(description = "最低占比（百分比，两位小数）", example = "65.00")
            @NotNull
            @DecimalMin("0.00")
            @DecimalMax("100.00")
            @Digits(integer = 3, fraction = 2)
            BigDecimal minimumPercent,

            @Schema(description = "依据", example = "桂乡振发〔2024〕3号") @Size(max = 500)
            String note) {}
}
