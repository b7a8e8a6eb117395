package cn.ruralwatch.fund.driver;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the registry of 带动主体 takes and answers. */
public final class IndustryDriverApi {

    private IndustryDriverApi() {}

    @Schema(
            name = "IndustryDriverKind",
            description =
                    "COOPERATIVE 农民专业合作社，FAMILY_FARM 家庭农场，ENTERPRISE 龙头企业，BUSINESS_LEADER 创业致富带头人，OTHER 其他新型农业经营主体")
    public enum Kind {
        COOPERATIVE,
        FAMILY_FARM,
        ENTERPRISE,
        BUSINESS_LEADER,
        OTHER
    }

    @Schema(name = "IndustryDriverRegistration", description = "登记一个带动主体：新型农业经营主体或创业致富带头人")
    public record Registration(
            @Schema(description = "所在区划（乡镇或村），须在本人辖区内", example = "450422101203")
            @NotNull
            @Pattern(regexp = "[0-9]{9}|[0-9]{12}")
            String divisionCode,

            @Schema(example = "COOPERATIVE") @NotNull Kind kind,

            @Schema(description = "名称；带头人为姓名", example = "龚勇宇砂糖桔专业合作社") @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "产业", example = "砂糖桔") @Size(max = 100)
            String industry,

            @Schema(description = "成立（认定）年度", example = "2017") @Min(1980) @Max(2100)
            Integer registeredYear) {}

    @Schema(name = "IndustryDriverHouseholds", description = "带动（覆盖）的农户，整体替换")
    public record Households(
            @Schema(description = "农户 id，须在本人辖区内") @NotNull @Size(max = 5000)
            List<@NotNull UUID> householdIds) {}

    @Schema(name = "IndustryDriver", description = "带动主体及其带动的农户")
    public record View(
            UUID id,
            @Schema(example = "450422101203") String divisionCode,
            @Schema(example = "凤阁村") String divisionName,
            Kind kind,
            String name,
            String industry,
            Integer registeredYear,
            @Schema(description = "带动农户数", example = "23") long households,

            @Schema(description = "其中脱贫户（建档立卡户）和监测户", example = "23")
            long poorOrMonitoredHouseholds,

            @Schema(description = "带动的农户 id") List<UUID> householdIds,
            @Schema(description = "版本号，与 ETag 相同") long version,
            Instant createdAt,
            String createdBy) {}

    @Schema(name = "IndustryDriverSummary", description = "一个地区的带动主体：按类别的个数，带动农户（去重）")
    public record Summary(
            @Schema(example = "450422101") String divisionCode,
            @Schema(description = "按类别的个数") List<KindCount> byKind,

            @Schema(description = "被带动的农户（去重）", example = "620")
            long households,

            @Schema(description = "其中脱贫户（建档立卡户）和监测户", example = "615")
            long poorOrMonitoredHouseholds) {}

    @Schema(name = "IndustryDriverKindCount")
    public record KindCount(
            Kind kind,
            @Schema(example = "9") long drivers,

            @Schema(description = "该类别带动的农户（去重）", example = "120")
            long households) {}
}
